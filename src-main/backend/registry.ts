// Handlers are registered per domain through this one helper: it rejects duplicate and unknown names,
// insists every contract channel has a handler, and parses every input with the channel's zod schema
// before the handler runs. Errors leave as values.
import { contract, type Channel, type ChannelOutput, type ParsedInput } from '../../src-shared/contract';
import { AppError, fail, ok, type Result } from '../../src-shared/result';
import type { Ctx } from './context';

type Handler<C extends Channel> = (input: ParsedInput<C>, ctx: Ctx) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
export type HandlerGroup = { [C in Channel]?: Handler<C> };

export interface Registry {
  invoke(channel: string, input: unknown): Promise<Result<unknown>>;
}

export function createRegistry(ctx: Ctx, groups: HandlerGroup[]): Registry {
  const table = new Map<Channel, Handler<Channel>>();
  for (const group of groups) {
    for (const [name, handler] of Object.entries(group)) {
      if (!(name in contract)) throw new Error(`Handler for unknown channel ${name}`);
      if (table.has(name as Channel)) throw new Error(`Duplicate handler for ${name}`);
      table.set(name as Channel, handler);
    }
  }
  const missing = Object.keys(contract).filter((name) => !table.has(name as Channel));
  if (missing.length > 0) throw new Error(`Channels without a handler: ${missing.join(', ')}`);

  return {
    async invoke(channel, input) {
      if (!Object.hasOwn(contract, channel)) return fail('not_found', `Unknown channel: ${String(channel).slice(0, 80)}`);
      const name = channel as Channel;
      const parsed = contract[name].input.safeParse(input ?? {});
      if (!parsed.success) {
        const first = parsed.error.issues[0]?.path[0];
        return fail('invalid_input', describeIssues(parsed.error.issues), typeof first === 'string' ? first : undefined);
      }
      try {
        const handler = table.get(name)!;
        return ok(await handler(parsed.data as never, ctx));
      } catch (error) {
        return toFailure(error);
      }
    },
  };
}

export function toFailure(error: unknown): Result<never> {
  if (error instanceof AppError) return fail(error.code, error.message, error.field);
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`flowbridge: internal error: ${error instanceof Error ? (error.stack ?? message) : message}\n`);
  return fail('internal', message);
}

function describeIssues(issues: { path: PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}
