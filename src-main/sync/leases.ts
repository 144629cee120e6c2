// Who holds a queue item: a lease owner names its host and process, so a restart can give back the
// items of a process that died (kill -9, a crash) at once instead of waiting for the lease to expire.
import { hostname } from 'node:os';
import type { Ctx } from '../backend/context';
import { releaseClaims } from './queue';

/** One engine's identity in leases: host and pid let a restart reclaim the leases of a dead process. */
export function leaseOwnerId(random: () => number): string {
  return `${hostname()}:${process.pid}:${Math.floor(random() * 1e9).toString(36)}`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Items leased by a process of this machine that no longer exists are due again at once. */
export function reclaimOrphans(ctx: Ctx): number {
  const rows = ctx.sqlite
    .prepare("select distinct lease_owner as owner from sync_queue where state = 'in_flight' and lease_owner is not null")
    .all() as { owner: string }[];
  const host = hostname();
  let reclaimed = 0;
  for (const { owner } of rows) {
    const [ownerHost, pid] = owner.split(':');
    if (ownerHost === host && pid !== undefined && /^\d+$/.test(pid) && !isAlive(Number(pid))) reclaimed += releaseClaims(ctx, owner);
  }
  return reclaimed;
}
