// What the UI and the command line read about replies: a contact's list, and replies per day.
import type { ContactReplies, RepliesPerDay, ReplyEntry } from '../../src-shared/mailbox';
import { AppError } from '../../src-shared/result';
import type { Ctx } from '../backend/context';
import { contactByEmail } from '../store/contacts';
import { replyCountsByDay, repliesOfContact } from '../store/replies';
import { kindOf } from './record';

const DAY = 86_400_000;

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function contactReplies(ctx: Pick<Ctx, 'sqlite'>, email: string): ContactReplies {
  const contact = contactByEmail(ctx, email);
  if (!contact) throw new AppError('unknown_contact', `No contact with email ${email}`);
  const rows = repliesOfContact(ctx.sqlite, contact.id);
  const replies: ReplyEntry[] = rows.map((r) => ({
    at: r.at,
    subject: r.subject,
    kind: kindOf(r),
    source: r.source,
    from: r.from_address,
    snippet: r.snippet,
    returnDate: r.return_at === null ? null : isoDay(r.return_at),
  }));
  return { email: contact.email, replies, bounced: replies.some((r) => r.kind === 'bounce') };
}

export function repliesPerDay(ctx: Pick<Ctx, 'clock' | 'sqlite'>, days: number): RepliesPerDay[] {
  const today = Math.floor(ctx.clock.now() / DAY) * DAY;
  const from = today - (days - 1) * DAY;
  const rows = replyCountsByDay(ctx.sqlite, from);
  const out: RepliesPerDay[] = [];
  for (let d = from; d <= today; d += DAY) {
    const n = (kind: string) => rows.find((r) => r.day === d && r.kind === kind)?.n ?? 0;
    out.push({ day: isoDay(d), replies: n('reply'), autoReplies: n('auto_reply'), bounces: n('bounce') });
  }
  return out;
}
