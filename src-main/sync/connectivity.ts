// Whether Recruiterflow can be reached and the key is accepted, as the sync engine sees it. A failed
// request alone does not mean "offline": one shared probe asks. Offline, the engine gives work back
// instead of spending attempts; a refused key pauses the whole queue until the recruiter reconnects.
import type { Ctx } from '../backend/context';
import { connectionOf, setConnectionStatus } from '../domain/connection';
import { getMeta, setMeta } from '../store/meta';
import { logEvent } from '../store/syncLog';
import { RecruiterflowError, type RecruiterflowClient } from '../recruiterflow';

export const PAUSE_KEY = 'sync.pausedReason';

export class Connectivity {
  /** A probe found Recruiterflow unreachable. */
  offline = false;
  /** The last probe: shared while it runs and for a second after it settled. */
  private probe: { settledAt: number | null; result: Promise<boolean> } | null = null;

  constructor(private readonly ctx: Ctx) {}

  reset(): void {
    this.offline = false;
    this.probe = null;
  }

  /**
   * Is Recruiterflow unreachable as a whole (not just one request)? One probe, shared while it runs and
   * for a second after its answer: against a server that never answers, a probe takes a whole request
   * timeout, and the items that waited for it must not each start another.
   */
  unreachable(client: RecruiterflowClient): Promise<boolean> {
    const now = this.ctx.clock.now();
    const last = this.probe;
    if (!last || (last.settledAt !== null && now - last.settledAt > 1_000)) {
      const probe: { settledAt: number | null; result: Promise<boolean> } = { settledAt: null, result: Promise.resolve(false) };
      probe.result = client
        .ping()
        .then(
          () => false,
          (error: unknown) => error instanceof RecruiterflowError && error.kind === 'network',
        )
        .finally(() => {
          probe.settledAt = this.ctx.clock.now();
        });
      this.probe = probe;
    }
    return this.probe!.result;
  }

  /** While offline: ask again, and come back online when it answers. */
  async recheck(client: RecruiterflowClient, userId: number): Promise<void> {
    this.probe = null;
    if (await this.unreachable(client)) return;
    this.offline = false;
    this.markReachable(userId);
  }

  goOffline(userId: number, reason: string): void {
    if (this.offline) return;
    this.offline = true;
    const before = connectionOf(this.ctx, userId)?.status;
    setConnectionStatus(this.ctx, userId, 'unreachable');
    if (before !== 'unreachable') {
      logEvent(
        this.ctx,
        'warn',
        'connection.lost',
        `Recruiterflow cannot be reached (${reason}); work stays queued and drains when it is back`,
      );
    }
  }

  /** Something got through: a connection marked unreachable is back. */
  markReachable(userId: number): void {
    if (connectionOf(this.ctx, userId)?.status !== 'unreachable') return;
    setConnectionStatus(this.ctx, userId, 'connected');
    logEvent(this.ctx, 'info', 'connection.back', 'Recruiterflow is reachable again; draining the queue');
  }

  /** An invalid key (or one without the permissions sync needs) stops the whole queue until the recruiter reconnects. */
  pauseForKey(userId: number, error?: unknown): void {
    pauseForRefusedKey(this.ctx, userId, error);
  }

  /**
   * A redirect is never followed (it would carry the key to another host), and every request would get
   * one: the queue pauses, saying where it pointed, until the recruiter fixes the base URL (reconnects)
   * or resumes.
   */
  pauseForRedirect(message: string): void {
    const ctx = this.ctx;
    if (getMeta(ctx, PAUSE_KEY) === 'redirect') return;
    setMeta(ctx, PAUSE_KEY, 'redirect');
    logEvent(ctx, 'error', 'sync.paused', `${message}; the queue is paused until you reconnect`);
    ctx.events.emit('notify', { level: 'error', title: 'Sync paused', message });
  }
}

const LACKS_PERMISSION = 'the key lacks permission for ';

/** A pause that a reconnect (or a connection test that passes) lifts: a refused key, or one without permission. */
export function isKeyPause(reason: string | null): boolean {
  return reason === 'invalid_key' || reason === 'redirect' || (reason ?? '').startsWith(LACKS_PERMISSION);
}

/**
 * Pauses the queue for a refused key. A 403 on the connection check or a metadata read means the key is
 * valid but may not read what sync needs: the pause says which request it lacks permission for.
 */
export function pauseForRefusedKey(ctx: Ctx, userId: number, error?: unknown): void {
  const forbidden = error instanceof RecruiterflowError && error.status === 403;
  const reason = forbidden ? `${LACKS_PERMISSION}${error.method ?? 'GET'} ${error.path ?? 'Recruiterflow'}` : 'invalid_key';
  if (getMeta(ctx, PAUSE_KEY) === reason) return;
  setMeta(ctx, PAUSE_KEY, reason);
  setConnectionStatus(ctx, userId, 'invalid_key');
  const message = forbidden
    ? `Recruiterflow says ${reason}${error.serverMessage ? ` (${error.serverMessage})` : ''}. Ask Recruiterflow support for a key with that permission, then reconnect in Settings.`
    : 'Recruiterflow refused the API key. Reconnect in Settings to resume syncing.';
  logEvent(
    ctx,
    'error',
    'sync.paused',
    `${forbidden ? `Recruiterflow says ${reason}` : 'Recruiterflow refused the API key'}; the queue is paused until you reconnect`,
  );
  ctx.events.emit('notify', { level: 'error', title: 'Sync paused', message });
}
