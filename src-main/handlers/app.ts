// Facts about this backend and the demo workspace.
import type { AppInfo } from '../../src-shared/contract';
import type { HandlerGroup } from '../backend/registry';
import { loadDemo, removeDemo } from '../domain/demo';
import { connectedToRealAccount } from '../domain/demoGuard';
import { getMeta } from '../store/meta';
import { needsProfile } from '../domain/users';

export function appHandlers(version: string): HandlerGroup {
  return {
    'app:info': (_, ctx): AppInfo => ({
      version,
      host: ctx.host,
      dataDir: ctx.dataDir,
      demo:
        getMeta(ctx, 'demo') !== null ||
        (ctx.sqlite
          .prepare('select exists (select 1 from contacts where demo = 1) or exists (select 1 from sequences where demo = 1)')
          .pluck()
          .get() as number) === 1,
      realAccount: connectedToRealAccount(ctx),
      needsProfile: needsProfile(ctx),
      empty:
        (ctx.sqlite.prepare('select (select count(*) from contacts) + (select count(*) from sequences)').pluck().get() as number) === 0,
    }),
    'app:loadDemo': (_, ctx) => loadDemo(ctx),
    'app:removeDemo': (_, ctx) => removeDemo(ctx),
  };
}
