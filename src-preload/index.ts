// The preload: exposes one named API object built from the contract's channel list. Each method
// invokes exactly its own channel; there is no generic invoke(channel, ...) for the page to abuse.
import { contextBridge, ipcRenderer } from 'electron';
import type { FlowbridgeApi } from '../src-shared/api';
import { CHANNEL_NAMES, EVENT_NAMES } from '../src-shared/channels';

const invoke = Object.fromEntries(CHANNEL_NAMES.map((channel) => [channel, (input: unknown) => ipcRenderer.invoke(channel, input)]));

const api: FlowbridgeApi = {
  host: 'electron',
  invoke: invoke as FlowbridgeApi['invoke'],
  on(event, listener) {
    if (!EVENT_NAMES.includes(event)) throw new Error(`Unknown event ${String(event)}`);
    const wrapped = (_: Electron.IpcRendererEvent, payload: unknown) => listener(payload as never);
    ipcRenderer.on(`event:${event}`, wrapped);
    return () => ipcRenderer.removeListener(`event:${event}`, wrapped);
  },
};

contextBridge.exposeInMainWorld('flowbridge', api);
