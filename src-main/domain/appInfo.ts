// What the window asks first (`app:info`): this backend, the demo workspace, and whether there is data.
import type { AppInfo } from '../../src-shared/contract';
import type { Ctx } from '../backend/context';
import { getMeta } from '../store/meta';
import { connectedToRealAccount } from './demoGuard';
import { needsProfile } from './users';

export function appInfo(ctx: Ctx, version: string): AppInfo {
  return {
    version,
    host: ctx.host,
    dataDir: ctx.dataDir,
    demo:
      getMeta(ctx, 'demo') !== null ||
      ctx.sqlite
        .prepare('select exists (select 1 from contacts where demo = 1) or exists (select 1 from sequences where demo = 1)')
        .pluck()
        .get() === 1,
    realAccount: connectedToRealAccount(ctx),
    needsProfile: needsProfile(ctx),
    empty: ctx.sqlite.prepare('select (select count(*) from contacts) + (select count(*) from sequences)').pluck().get() === 0,
  };
}
