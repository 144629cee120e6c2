// What one IPC call goes through before it reaches the backend, as a pure function (no `electron`
// import) so it is unit-tested exactly as it ships: the sender must be the app's own page, in the main
// frame of the app's window, and the channel must be one of the contract's. ipc.ts only wires it up.
import { CHANNELS } from '../../src-shared/contract';
import { fail, type Result } from '../../src-shared/result';
import type { Backend } from '../app/createBackend';
import { isTrustedSender } from './security';

export interface IpcSender {
  /** event.senderFrame?.url: the page that sent the message. */
  frameUrl: string | undefined;
  /** The sender is the top-level frame (no iframe, however it got there). */
  isMainFrame: boolean;
  /** The sender's webContents is the app's window. */
  fromAppWindow: boolean;
}

const channels = new Set<string>(CHANNELS);

export async function handleIpc(
  backend: Pick<Backend, 'invoke'>,
  appUrl: string,
  sender: IpcSender,
  channel: string,
  input: unknown,
): Promise<Result<unknown>> {
  if (!sender.fromAppWindow || !sender.isMainFrame || !isTrustedSender(sender.frameUrl, appUrl)) {
    return fail('forbidden', 'IPC from an unknown sender');
  }
  if (!channels.has(channel)) return fail('not_found', 'No such channel');
  return backend.invoke(channel, input);
}
