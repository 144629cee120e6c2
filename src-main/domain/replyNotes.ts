// What a reply note says and the request that adds it, for the sender (mailbox/notes.ts) and the dry run
// (sync/preview.ts) alike.
import type { PlannedRequest } from '../../src-shared/contract';
import type { Ctx } from '../backend/context';
import { planAddNote } from '../recruiterflow';
import { findLink } from '../store/links';
import { pendingNotesOf, sequencesOfReply } from '../store/replies';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The note's text (HTML, as Recruiterflow stores notes), naming the sequences the reply counted for. */
export function noteText(ctx: Pick<Ctx, 'sqlite'>, note: { contact_id: number; at: number; subject: string }): string {
  const names = sequencesOfReply(ctx.sqlite, note.contact_id, note.at);
  const day = new Date(note.at).toISOString().slice(0, 10);
  const subject = note.subject.trim() === '' ? '(recorded by hand)' : note.subject.trim();
  return escapeHtml(`Replied to ${names.join(', ') || 'a sequence'} on ${day}: ${subject}`);
}

/** The note requests the dry run shows for an enrollment's contact. */
export function plannedNotes(
  ctx: Pick<Ctx, 'sqlite'>,
  enrollmentId: number,
  account: string | null,
  syncAs: 'candidate' | 'contact',
): PlannedRequest[] {
  return pendingNotesOf(ctx.sqlite, enrollmentId).map((row) => {
    const link = account ? findLink(ctx, account, row.email) : null;
    const plan = planAddNote(link?.type ?? syncAs, link?.id ?? '<new id>', noteText(ctx, row));
    return {
      ...plan,
      note: 'The reply note (Settings → Mailbox: notes on), sent once the record exists; a failure here never holds up the sync',
    };
  });
}
