// Live reply detection while the app runs (desktop and browser mode): one IMAP connection to the
// watched folder. New mail is announced by IDLE where the server offers it (imapflow idles whenever
// the connection has nothing else to do) and found by a periodic scan otherwise; either way a scan
// records it and wakes the scheduler, so an on-reply contact syncs within seconds. A dropped
// connection or a refused password shows in the mailbox state; the watcher reconnects by itself and
// the checkpoint makes the catch-up read exactly what it missed. Also sends the reply notes.
import type { ImapFlow } from 'imapflow';
import type { MailboxStatus, ScanCounts } from '../../src-shared/mailbox';
import { AppError } from '../../src-shared/result';
import type { Ctx } from '../backend/context';
import { openImap, toMailboxError } from './imap';
import { sendDueNotes } from './notes';
import { scanMailbox, type ScanOptions } from './scan';
import { authOf, describeMailbox, mailboxRow, setMailboxState, settingsOf } from './store';

export interface WatcherOptions {
  /** A scan this often even without IDLE news (servers without IDLE; missed notifications). */
  pollMs?: number;
  /** First wait before reconnecting after a failure; doubles up to maxRetryMs. */
  retryMs?: number;
  maxRetryMs?: number;
}

export class MailboxWatcher {
  private running = false;
  private client: ImapFlow | null = null;
  /** Scans run one at a time, on the live connection when there is one. */
  private chain: Promise<unknown> = Promise.resolve();
  private wakeUp: (() => void) | null = null;
  /** Set by reconnect(): the dropped connection is not an outage. */
  private restarting = false;
  private loop: Promise<void> | null = null;
  private scanTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly pollMs: number;
  private readonly retryMs: number;
  private readonly maxRetryMs: number;

  constructor(
    private readonly ctx: Ctx,
    options: WatcherOptions = {},
  ) {
    this.pollMs = options.pollMs ?? 60_000;
    this.retryMs = options.retryMs ?? 2_000;
    this.maxRetryMs = options.maxRetryMs ?? 60_000;
  }

  get live(): boolean {
    return this.running;
  }

  status(): MailboxStatus {
    return describeMailbox(this.ctx, this.running);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.dropClient();
    this.wakeUp?.();
    // A connection attempt under way (up to its 15 s timeout) must not hold up quitting: it closes
    // itself when it ends, as the watcher is no longer running.
    const settled = Promise.all([this.loop?.catch(() => undefined), this.chain.catch(() => undefined)]);
    await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, 2_000).unref?.())]);
  }

  /** The mailbox was connected, changed or disconnected: start over with the saved settings. */
  reconnect(): void {
    this.restarting = true;
    this.dropClient();
    this.wakeUp?.();
  }

  /** One scan now: on the live connection when there is one, else on a connection of its own. */
  scan(options: Omit<ScanOptions, 'client' | 'live'> = {}): Promise<ScanCounts> {
    const run = this.chain
      .catch(() => undefined)
      .then(() => scanMailbox(this.ctx, { ...options, client: this.client ?? undefined, live: this.running }))
      .then(async (counts) => {
        // Contacts already in Recruiterflow get their notes now; on-reply ones after their create.
        if (counts.replies > 0) await this.afterSync();
        return counts;
      });
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** After each drain of the sync queue: the notes of replies whose records now exist. */
  async afterSync(): Promise<void> {
    await sendDueNotes(this.ctx).catch(() => undefined);
  }

  private dropClient(): void {
    const client = this.client;
    this.client = null;
    if (this.scanTimer) clearTimeout(this.scanTimer);
    this.scanTimer = null;
    client?.close();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      timer.unref?.();
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = done;
    });
  }

  private soon(delayMs: number): void {
    if (this.scanTimer || !this.running) return;
    this.scanTimer = setTimeout(() => {
      this.scanTimer = null;
      void this.scan().catch(() => undefined);
    }, delayMs);
  }

  private async run(): Promise<void> {
    let wait = this.retryMs;
    while (this.running) {
      this.restarting = false;
      const row = mailboxRow(this.ctx);
      const auth = row ? authOf(this.ctx, row) : null;
      if (!row || !auth) {
        await this.sleep(this.pollMs);
        continue;
      }
      let client: ImapFlow;
      try {
        client = await openImap(settingsOf(row), auth, { autoIdleDelayMs: 200 });
      } catch (error) {
        const typed = error instanceof AppError ? error : toMailboxError(error, row);
        setMailboxState(this.ctx, row.userId, typed.code === 'auth_failed' ? 'auth_failed' : 'unreachable', typed.message, true);
        await this.sleep(wait);
        wait = Math.min(this.maxRetryMs, wait * 2);
        continue;
      }
      if (!this.running) {
        client.close();
        break;
      }
      this.client = client;
      const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
      // New mail in the selected folder (IDLE, or the answer to any command): scan it.
      client.on('exists', () => this.soon(50));
      try {
        await this.scan();
        wait = this.retryMs;
      } catch {
        // The state says why; the connection is dropped and retried below.
        this.dropClient();
      }
      // Poll as a safety net; end when the connection closes (server gone) or reconnect() is called.
      while (this.running && this.client === client) {
        const tick = this.sleep(this.pollMs).then(() => 'tick' as const);
        const outcome = await Promise.race([tick, closed.then(() => 'closed' as const)]);
        if (outcome === 'closed') break;
        if (this.client === client) await this.scan().catch(() => undefined);
      }
      if (this.client === client) this.client = null;
      if (this.restarting) {
        this.restarting = false;
        continue;
      }
      if (this.running && mailboxRow(this.ctx)) {
        const current = mailboxRow(this.ctx)!;
        // A failed scan has already said why (refused, unreachable); otherwise the connection dropped.
        if (current.state === 'idle' || current.state === 'scanning') {
          setMailboxState(this.ctx, current.userId, 'unreachable', `Lost the connection to ${current.host}; reconnecting`, true);
        }
        await this.sleep(wait);
        wait = Math.min(this.maxRetryMs, wait * 2);
      }
    }
  }
}
