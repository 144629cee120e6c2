// IPC: one handler per contract channel (no generic passthrough). Every call goes through handleIpc
// (ipcHandler.ts): the sender must be our own page in our window's main frame, then the backend parses
// the input with the channel's zod schema.
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '../../src-shared/contract';
import type { Backend } from '../app/createBackend';
import { handleIpc, type IpcSender } from './ipcHandler';

function senderOf(event: IpcMainInvokeEvent, window: BrowserWindow | null): IpcSender {
  const frame = event.senderFrame;
  return {
    frameUrl: frame?.url,
    isMainFrame: frame !== null && frame !== undefined && frame.parent === null,
    fromAppWindow: window !== null && !window.isDestroyed() && event.sender.id === window.webContents.id,
  };
}

export function registerIpc(backend: Backend, appUrl: string, window: () => BrowserWindow | null): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, input: unknown) => handleIpc(backend, appUrl, senderOf(event, window()), channel, input));
  }
  backend.events.subscribe((event, payload) => {
    const win = window();
    if (win && !win.isDestroyed()) win.webContents.send(`event:${event}`, payload);
  });
}
