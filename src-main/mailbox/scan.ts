// One pass over the watched folder. New mail since the folder's checkpoint (UIDVALIDITY + last UID)
// is read in batches: envelopes (sender, date, subject, Message-ID) and structure first, then the
// source of only the few messages from contacts in a sequence or from a mail system (bounces), never
// the bodies of unrelated mail. Each batch is recorded, with the checkpoint, in one transaction: a
// kill -9 loses at most the batch under way, which the next scan reads again; the unique message key
// makes that reading harmless. A new UIDVALIDITY (or no checkpoint yet) rescans the window instead.
import type { FetchMessageObject, ImapFlow, MessageStructureObject } from 'imapflow';
import { simpleParser } from 'mailparser';
import type { ScanCounts } from '../../src-shared/mailbox';
import { AppError } from '../../src-shared/result';
import type { Ctx } from '../backend/context';
import { enrolledContactsOf } from '../store/contacts';
import { checkpointOf, checkpointSaver, setLastScanAt, type Checkpoint } from '../store/mailboxes';
import { logEvent } from '../store/syncLog';
import { bouncedRecipients, classify, returnDate, snippetOf } from './classify';
import { failureKind, openImap, toMailboxError } from './imap';
import { recordIncoming, type IncomingMessage } from './record';
import { authOf, describeMailbox, mailboxRow, setMailboxState, settingsOf, type MailboxRow } from './store';

export interface ScanOptions {
  /** YYYY-MM-DD: read everything since that day again (already recorded mail is skipped). */
  since?: string;
  /** An open connection to reuse (the live watcher's); otherwise the scan opens and closes its own. */
  client?: ImapFlow;
  batchSize?: number;
  /** The caller keeps a live connection: its state says so. */
  live?: boolean;
}

const DAY = 86_400_000;
/** Enough of a message for its headers, its text and a delivery report; attachments are cut off. */
const SOURCE_LIMIT = 256 * 1024;

function defaultBatchSize(): number {
  // A tuning knob for the crash test (a kill must land between batches of a small folder).
  const fromEnv = Number(process.env.FLOWBRIDGE_MAILBOX_BATCH);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : 500;
}

function enrolledContacts(ctx: Pick<Ctx, 'db'>): Map<string, number> {
  return new Map(enrolledContactsOf(ctx).map((r) => [r.email.toLowerCase(), r.id]));
}

function isReport(structure: MessageStructureObject | undefined): boolean {
  return (
    structure?.type?.toLowerCase() === 'multipart/report' && structure.parameters?.['report-type']?.toLowerCase() === 'delivery-status'
  );
}

const MAIL_SYSTEM = /^(mailer-daemon|postmaster)@/i;

/** The raw header lines, unfolded, by lower-cased name (first value wins). */
function headerMap(lines: readonly { key: string; line: string }[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const { key, line } of lines) {
    if (map.has(key)) continue;
    const colon = line.indexOf(':');
    map.set(
      key,
      line
        .slice(colon + 1)
        .replace(/\r?\n[ \t]+/g, ' ')
        .trim(),
    );
  }
  return map;
}

function normalizeMessageId(id: string | undefined): string | null {
  const t = id?.trim();
  if (!t) return null;
  return t.startsWith('<') ? t.toLowerCase() : `<${t.toLowerCase()}>`;
}

function sinceDate(since: string): Date {
  const date = new Date(`${since}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) throw new AppError('invalid_input', `--since must be a date (YYYY-MM-DD), not "${since}"`);
  return date;
}

/** The UIDs to read this time, ascending, and whether the window was rescanned. */
async function uidsToRead(
  ctx: Pick<Ctx, 'clock' | 'sqlite'>,
  client: ImapFlow,
  row: MailboxRow,
  checkpoint: Checkpoint | undefined,
  uidValidity: string,
  since?: string,
): Promise<number[]> {
  let found: number[] | false | undefined;
  if (since !== undefined) found = await client.search({ since: sinceDate(since) }, { uid: true });
  else if (checkpoint && checkpoint.uidValidity === uidValidity) {
    found = await client.search({ uid: `${checkpoint.lastUid + 1}:*` }, { uid: true });
    // `n:*` always names the newest message, even when its UID is below n.
    if (found) found = found.filter((uid) => uid > checkpoint.lastUid);
  } else {
    if (checkpoint)
      logEvent(
        ctx,
        'warn',
        'mailbox.uidvalidity',
        `The folder ${row.folder} was rebuilt on the server (UIDVALIDITY changed): rescanning the last ${row.windowDays} days`,
      );
    found = await client.search({ since: new Date(ctx.clock.now() - row.windowDays * DAY) }, { uid: true });
  }
  return (found || []).sort((a, b) => a - b);
}

interface Candidate {
  uid: number;
  envelope: FetchMessageObject['envelope'];
  internalDate: number | null;
}

/** Runs one scan; the caller handles connection errors (see scanMailbox). */
async function scanWith(ctx: Ctx, client: ImapFlow, row: MailboxRow, options: ScanOptions): Promise<ScanCounts> {
  const counts: ScanCounts = { scanned: 0, replies: 0, autoReplies: 0, bounces: 0, ignored: 0 };
  const lock = await client.getMailboxLock(row.folder, { readOnly: true });
  let queued = 0;
  try {
    const box = client.mailbox;
    if (!box) throw new AppError('not_found', `The folder ${row.folder} could not be opened`);
    const uidValidity = String(box.uidValidity);
    const checkpoint = checkpointOf(ctx, row.userId, row.folder);
    const uids = await uidsToRead(ctx, client, row, checkpoint, uidValidity, options.since);
    const contacts = enrolledContacts(ctx);
    const own = row.username.toLowerCase();
    const batchSize = options.batchSize ?? defaultBatchSize();
    const saveCheckpoint = checkpointSaver(ctx);
    for (let i = 0; i < uids.length; i += batchSize) {
      const batch = uids.slice(i, i + batchSize);
      const wanted: Candidate[] = [];
      for await (const msg of client.fetch(
        batch.join(','),
        { uid: true, envelope: true, internalDate: true, bodyStructure: true },
        { uid: true },
      )) {
        const from = msg.envelope?.from?.[0]?.address?.toLowerCase() ?? '';
        if (contacts.has(from) || MAIL_SYSTEM.test(from) || isReport(msg.bodyStructure)) {
          const internal = msg.internalDate ? new Date(msg.internalDate).getTime() : null;
          wanted.push({ uid: msg.uid, envelope: msg.envelope, internalDate: internal });
        }
      }
      const sources = new Map<number, Buffer>();
      if (wanted.length > 0) {
        for await (const msg of client.fetch(
          wanted.map((w) => w.uid).join(','),
          { uid: true, source: { maxLength: SOURCE_LIMIT } },
          { uid: true },
        )) {
          if (msg.source) sources.set(msg.uid, msg.source);
        }
      }
      const incoming: IncomingMessage[] = [];
      for (const w of wanted) {
        const source = sources.get(w.uid);
        if (!source) continue;
        const parsed = await simpleParser(source, {
          skipHtmlToText: false,
          skipTextToHtml: true,
          skipTextLinks: true,
          skipImageLinks: true,
        });
        const headers = headerMap(parsed.headerLines);
        const from = (parsed.from?.value[0]?.address ?? w.envelope?.from?.[0]?.address ?? '').toLowerCase();
        const subject = parsed.subject ?? w.envelope?.subject ?? '';
        const text = parsed.text ?? '';
        const at =
          parsed.date?.getTime() ?? (w.envelope?.date ? new Date(w.envelope.date).getTime() : null) ?? w.internalDate ?? ctx.clock.now();
        const kind = classify({ from, subject, headers, contentType: headers.get('content-type') ?? '', text });
        let contactId: number | undefined;
        if (kind === 'bounce') {
          const raw = source.toString('utf8');
          const { certain, mentioned } = bouncedRecipients(raw, headers);
          const known = (list: string[]) => list.find((e) => e !== own && contacts.has(e));
          const who = known(certain) ?? (certain.length === 0 ? known(mentioned) : undefined);
          contactId = who === undefined ? undefined : contacts.get(who);
        } else contactId = contacts.get(from);
        if (contactId === undefined) continue;
        const messageId = normalizeMessageId(parsed.messageId ?? w.envelope?.messageId);
        const back = kind === 'auto_reply' ? returnDate(`${subject}\n${text}`, at) : null;
        incoming.push({
          contactId,
          key: messageId ?? `uid:${uidValidity}:${w.uid}`,
          kind,
          from,
          at,
          subject,
          snippet: snippetOf(text),
          returnAt: back === null ? null : Date.parse(`${back}T00:00:00Z`),
        });
      }
      ctx.sqlite.transaction(() => {
        for (const m of incoming) {
          const result = recordIncoming(ctx, m);
          queued += result.queued;
          if (result.outcome === 'recorded') {
            if (m.kind === 'reply') counts.replies += 1;
            else if (m.kind === 'auto_reply') counts.autoReplies += 1;
            else counts.bounces += 1;
          } else if (result.outcome === 'older') counts.ignored += 1;
        }
        counts.scanned += batch.length;
        // Strangers and unrelated mail: read, not stored.
        counts.ignored += batch.length - incoming.length;
        saveCheckpoint({
          user: row.userId,
          folder: row.folder,
          validity: uidValidity,
          uid: batch[batch.length - 1]!,
          now: ctx.clock.now(),
        });
      })();
    }
    if (uids.length === 0 && (!checkpoint || checkpoint.uidValidity !== uidValidity)) {
      // An empty window: remember where the folder stands, so the next scan reads only new mail.
      saveCheckpoint({
        user: row.userId,
        folder: row.folder,
        validity: uidValidity,
        uid: Math.max(0, Number(box.uidNext) - 1),
        now: ctx.clock.now(),
      });
    }
  } finally {
    lock.release();
    if (queued > 0) {
      ctx.events.emit('queue:changed', { reason: 'mailbox' });
      ctx.wake();
    }
  }
  return counts;
}

/**
 * One scan of the saved mailbox. Without `client`, opens its own connection. Connection failures set
 * the mailbox state (unreachable / auth_failed, for the status bar) and throw a typed error.
 */
export async function scanMailbox(ctx: Ctx, options: ScanOptions = {}): Promise<ScanCounts> {
  const row = mailboxRow(ctx);
  if (!row) throw new AppError('not_connected', 'No mailbox connected: connect one first (Settings → Mailbox, or `mailbox connect`)');
  const auth = authOf(ctx, row);
  if (!auth) throw new AppError('not_connected', 'The mailbox password is missing from the secret store: connect the mailbox again');
  const live = options.live ?? false;
  let client = options.client ?? null;
  try {
    if (!client) client = await openImap(settingsOf(row), auth);
    setMailboxState(ctx, row.userId, 'scanning', null, live);
    const counts = await scanWith(ctx, client, row, options);
    setLastScanAt(ctx, row.userId, ctx.clock.now());
    setMailboxState(ctx, row.userId, 'idle', null, live);
    const found = counts.replies + counts.autoReplies + counts.bounces;
    if (found > 0) {
      logEvent(
        ctx,
        'info',
        'mailbox.scan',
        `Mailbox: ${counts.replies} replies, ${counts.autoReplies} auto-replies, ${counts.bounces} bounces in ${counts.scanned} new messages`,
      );
      ctx.events.emit('data:changed', { what: 'contacts' });
      ctx.events.emit('data:changed', { what: 'sequences' });
    }
    ctx.events.emit('mailbox:changed', describeMailbox(ctx, live));
    return counts;
  } catch (error) {
    if (error instanceof AppError && error.code !== 'unreachable' && error.code !== 'auth_failed' && error.code !== 'tls_failed') {
      setMailboxState(ctx, row.userId, 'idle', null, live);
      throw error;
    }
    const typed = toMailboxError(error, row);
    const kind = error instanceof AppError ? error.code : failureKind(error);
    setMailboxState(ctx, row.userId, kind === 'auth_failed' ? 'auth_failed' : 'unreachable', typed.message, live);
    throw typed;
  } finally {
    if (client && !options.client) await client.logout().catch(() => client?.close());
  }
}
