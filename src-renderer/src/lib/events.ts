// Activity log events in words: the log stores a code (sync.job_skipped) for support and the CLI; the
// screen says what happened as a sentence.
import type { LogEntry } from '../../../src-shared/domain';

const SENTENCES: Record<string, string> = {
  'sync.created': 'Created a record in Recruiterflow',
  'sync.linked': 'Linked to a record already in Recruiterflow',
  'sync.updated': 'Updated the record in Recruiterflow',
  'sync.followed_up': 'Checked the synced record in Recruiterflow again',
  'sync.stage': 'Moved the candidate to a pipeline stage in Recruiterflow',
  'sync.flagged': 'Found already in Recruiterflow; waiting for your review',
  'sync.failed': 'Recruiterflow refused the contact; it will not be retried until you act',
  'sync.retrying': 'A temporary problem; Flowbridge will try again',
  'sync.job_skipped': 'Not added to the job',
  'sync.internal': 'Flowbridge hit an unexpected problem while syncing',
  'sync.paused': 'Sync paused',
  'sync.resumed': 'Sync resumed',
  'sequence.add': 'Contacts added to a sequence',
  'contacts.deleted': 'Contacts deleted from Flowbridge',
  'dedup.deferred': 'The duplicate check waits for the sync',
  'connection.lost': 'Lost the connection to Recruiterflow',
  'connection.back': 'The connection to Recruiterflow is back',
  'metadata.refresh': 'Could not refresh jobs and fields from Recruiterflow',
};

/** "Created a record in Recruiterflow for ann@example.com." */
export function eventSentence(entry: Pick<LogEntry, 'event' | 'email'>): string {
  const known = SENTENCES[entry.event];
  const base = known ?? entry.event.replace(/[._]/g, ' ').replace(/^\w/, (c) => c.toUpperCase());
  return `${base}${entry.email ? ` for ${entry.email}` : ''}.`;
}
