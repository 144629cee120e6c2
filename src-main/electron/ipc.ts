// IPC: one handler per contract channel (no generic passthrough), each checking that the sender is
// our own page before the backend parses the input with the channel's zod schema.
import { ipcMain, type BrowserWindow } from 'electron';
import { CHANNELS } from '../../src-shared/contract';
import { fail } from '../../src-shared/result';
import type { Backend } from '../backend/createBackend';
import { isTrustedSender } from './security';

export function registerIpc(backend: Backend, appUrl: string, window: () => BrowserWindow | null): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, input: unknown) => {
      if (!isTrustedSender(event.senderFrame?.url, appUrl)) return fail('forbidden', 'IPC from an unknown sender');
      return backend.invoke(channel, input);
    });
  }
  backend.events.subscribe((event, payload) => {
    const win = window();
    if (win && !win.isDestroyed()) win.webContents.send(`event:${event}`, payload);
  });
}
