// Facts about this backend and the demo workspace.
import type { HandlerGroup } from '../backend/registry';
import { appInfo } from '../domain/appInfo';
import { loadDemo, removeDemo } from '../domain/demo';

export function appHandlers(version: string): HandlerGroup {
  return {
    'app:info': (_, ctx) => appInfo(ctx, version),
    'app:loadDemo': (_, ctx) => loadDemo(ctx),
    'app:removeDemo': (_, ctx) => removeDemo(ctx),
  };
}
