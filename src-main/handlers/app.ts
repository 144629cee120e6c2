// Facts about this backend and the demo workspace.
import type { AppInfo } from '../../src-shared/contract';
import type { HandlerGroup } from '../backend/registry';
import { loadDemo } from '../domain/demo';
import { getMeta } from '../domain/meta';
import { needsProfile } from '../domain/users';

export function appHandlers(version: string): HandlerGroup {
  return {
    'app:info': (_, ctx): AppInfo => ({
      version,
      host: ctx.host,
      dataDir: ctx.dataDir,
      demo: getMeta(ctx, 'demo') !== null,
      needsProfile: needsProfile(ctx),
      empty: (ctx.sqlite.prepare('select (select count(*) from contacts) + (select count(*) from sequences)').pluck().get() as number) === 0,
    }),
    'app:loadDemo': (_, ctx) => loadDemo(ctx),
  };
}
