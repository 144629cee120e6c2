// What the window asks first (`app:info`): this backend, the demo workspace, and whether there is data.
import type { AppInfo } from '../../src-shared/contract';
import type { Ctx } from '../backend/context';
import { getMeta } from '../store/meta';
import { holdsDemoRows, workspaceIsEmpty } from '../store/workspace';
import { connectedToRealAccount } from './demoGuard';
import { needsProfile } from './users';

export function appInfo(ctx: Pick<Ctx, 'dataDir' | 'db' | 'host' | 'sqlite'>, version: string): AppInfo {
  return {
    version,
    host: ctx.host,
    dataDir: ctx.dataDir,
    demo: getMeta(ctx, 'demo') !== null || holdsDemoRows(ctx.sqlite),
    realAccount: connectedToRealAccount(ctx),
    needsProfile: needsProfile(ctx),
    empty: workspaceIsEmpty(ctx.sqlite),
  };
}
