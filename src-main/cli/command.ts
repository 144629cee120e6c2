// What every command receives and the helpers they share (commands.ts, mailboxCommands.ts, serve.ts),
// apart from the command list so that no command file imports another.
import type { Channel, ChannelInput, ChannelOutput } from '../../src-shared/contract';
import { AppError } from '../../src-shared/result';
import type { Backend } from '../app/createBackend';
import type { Flags } from './args';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
  /** All of standard input, for secrets piped in (`connect --api-key-stdin`, `mailbox connect --password-stdin`); absent where there is none. */
  stdin?: () => Promise<string>;
}

export interface CommandContext {
  backend: Backend;
  words: string[];
  flags: Flags;
  io: CliIo;
}

export type Command = (c: CommandContext) => Promise<unknown>;

export async function call<C extends Channel>(backend: Backend, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await backend.invoke(channel, input);
  if (!result.ok) throw new AppError(result.error.code, result.error.message);
  return result.value as ChannelOutput<C>;
}

export function noExtraWords(c: CommandContext, count: number, usage: string): void {
  if (c.words.length > count) throw new AppError('invalid_input', `Unexpected argument "${c.words[count]}"; usage: ${usage}`);
}
