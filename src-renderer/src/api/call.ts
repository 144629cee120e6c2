// Typed calls with one error policy: every failed Result shows a notification with its message.
import { notifications } from '@mantine/notifications';
import type { Channel, ChannelInput, ChannelOutput } from '../../../src-shared/contract';
import type { AppErrorShape, Result } from '../../../src-shared/result';
import { getApi } from './getApi';
import { announceLocalChange, isMutation } from './localChanges';
import { getUnauthorized } from './unauthorized';

/** Calls a channel and returns its raw Result (no notification). */
export async function callResult<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>> {
  const fn = getApi().invoke[channel] as (i: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>;
  try {
    const result = await fn(input);
    if (result.ok && isMutation(channel)) announceLocalChange();
    return result;
  } catch (e) {
    return { ok: false, error: { code: 'internal', message: e instanceof Error ? e.message : String(e) } };
  }
}

export function notifyError(error: AppErrorShape, title = 'Something went wrong'): void {
  // Once the server has refused our token, the full-page message says it all.
  if (getUnauthorized()) return;
  notifications.show({
    id: `error:${error.code}:${error.message}`,
    color: 'red',
    title,
    message: error.message,
    autoClose: 8000,
  });
}

/** Calls a channel; on failure shows a notification and returns undefined. */
export async function call<C extends Channel>(
  channel: C,
  input: ChannelInput<C>,
  opts: { silent?: boolean } = {},
): Promise<ChannelOutput<C> | undefined> {
  const result = await callResult(channel, input);
  if (result.ok) return result.value;
  if (!opts.silent) notifyError(result.error);
  return undefined;
}

export function notifyDone(message: string, title = 'Done'): void {
  notifications.show({ color: 'teal', title, message, autoClose: 5000 });
}

/**
 * The outcome of a connection check: green only when it works. "Unreachable" is a warning and a refused
 * key an error, whatever action led to them.
 */
export function notifyConnection(
  status: 'connected' | 'invalid_key' | 'unreachable' | 'not_connected',
  message: string,
  title: string,
): void {
  const color = status === 'connected' ? 'teal' : status === 'invalid_key' ? 'red' : 'yellow';
  const heading =
    status === 'connected'
      ? title
      : status === 'invalid_key'
        ? 'Recruiterflow refused the key'
        : status === 'unreachable'
          ? 'Recruiterflow is unreachable'
          : 'Not connected';
  notifications.show({ color, title: heading, message, autoClose: status === 'connected' ? 5000 : 8000 });
}
