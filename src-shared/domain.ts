// Domain vocabulary shared by the backend, the command line and the UI.
// No Node, DOM or Electron imports here: this file is compiled for every host.

export const SYNC_MODES = ['off', 'on-add', 'on-reply'] as const;
export type SyncMode = (typeof SYNC_MODES)[number];

export const SYNC_AS = ['candidate', 'contact'] as const;
export type SyncAs = (typeof SYNC_AS)[number];

export const ROLES = ['owner', 'manager', 'member'] as const;
export type Role = (typeof ROLES)[number];

export const INTEGRATIONS = ['recruiterflow', 'other', 'none'] as const;
export type Integration = (typeof INTEGRATIONS)[number];

/** Where an enrollment stands, as the recruiter sees it (the CLI contract's `state`). */
export const ENROLLMENT_STATES = [
  'not_synced',
  'awaiting_reply',
  'sync_disabled',
  'flagged',
  'queued',
  'synced',
  'failed',
  'retrying',
] as const;
export type EnrollmentState = (typeof ENROLLMENT_STATES)[number];

/**
 * Where a unit of work in the sync queue stands. `review` waits for the recruiter's approval (review before
 * sync is on); `held` was kept back on purpose (Hold) and waits to be released. Approving never touches a
 * manual hold, and releasing never approves a review.
 */
export const QUEUE_STATES = ['pending', 'review', 'held', 'in_flight', 'backoff', 'done', 'cancelled', 'failed'] as const;
export type QueueState = (typeof QUEUE_STATES)[number];
/**
 * What a finished follow-up item did (a synced contact queued again for its update or its reply stage):
 * the Queue screen says it, instead of a second "Synced".
 */
export const FOLLOW_UPS = ['updated', 'moved', 'updated_moved', 'unchanged'] as const;
export type FollowUp = (typeof FOLLOW_UPS)[number];
/** The states of a queue item that still has work to do: at most one such row per enrollment (a unique index). */
export const LIVE_QUEUE_STATES = ['pending', 'review', 'held', 'in_flight', 'backoff'] as const satisfies readonly QueueState[];
/** Live items not being sent right now: what cancel, hold and an account switch may touch. */
export const WAITING_QUEUE_STATES = ['pending', 'review', 'held', 'backoff'] as const satisfies readonly QueueState[];

/**
 * A contact's own columns besides its email, in the table's order: what an import fills, the drawer edits,
 * a synced contact's update compares. The one list: the store's SQL and the contract are built from it.
 */
export const CONTACT_FIELDS = ['first_name', 'last_name', 'title', 'company', 'phone', 'linkedin_url', 'location'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];
/** The contact fields Flowbridge knows by name; every other CSV column is an "extra" field. */
export const STANDARD_FIELDS = ['email', ...CONTACT_FIELDS] as const;
export type StandardField = (typeof STANDARD_FIELDS)[number];

export const EXISTS_IN_RECRUITERFLOW = 'Exists in Recruiterflow';

/**
 * The error codes of a flag, each with its reason: a duplicate found by the dedup check, or a record of the
 * other type (the enrollment asked for a Candidate, Recruiterflow has this email only as a Contact).
 */
export const FLAG_CODES = ['exists_in_recruiterflow', 'exists_as_contact', 'exists_as_candidate', 'possible_match'] as const;
export type FlagCode = (typeof FLAG_CODES)[number];

export function existsAsMessage(type: SyncAs): string {
  return `${EXISTS_IN_RECRUITERFLOW} as a ${type === 'candidate' ? 'Candidate' : 'Contact'}`;
}

/** One Recruiterflow record behind a flag: the evidence shown with it. */
export interface FlagMatch {
  type: SyncAs;
  id: number;
  /** Empty when only the link is known (no record was read). */
  name: string;
  emails: string[];
  /** The contact's email as the record holds it (it may be the record's second address). */
  matchedEmail: string;
  /** A possible match: the field that matched instead of the email, and the contact's value of it. */
  matchedOn?: IdentityField;
  matchedValue?: string;
}

/** The fields besides the email by which Recruiterflow takes two profiles for one person. */
export type IdentityField = 'linkedin' | 'phone';

/** A record with the contact's LinkedIn URL or phone but not its email: the recruiter decides. */
export const POSSIBLE_MATCH = 'Possible match in Recruiterflow';

/** The linked record is gone from Recruiterflow (deleted, or merged away with none of the contact's emails). */
export const DELETED_IN_RECRUITERFLOW = 'Deleted in Recruiterflow';
export const DELETED_CODE = 'deleted_in_recruiterflow';
/** A "Deleted in Recruiterflow" mark of another account than the one connected now. */
export const DELETED_OTHER_ACCOUNT_CODE = 'deleted_other_account';

/**
 * What the recruiter decides for a flagged enrollment: link to a matched record, create a new one (only
 * where Recruiterflow allows it: no record of the same type has the email), or don't sync it.
 */
export const RESOLUTIONS = ['link', 'create', 'skip'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

export interface User {
  email: string;
  name: string;
  role: Role;
  group: string | null;
  integration: Integration;
  current: boolean;
}

export interface Settings {
  syncMode: SyncMode;
  syncAs: SyncAs;
  dedup: boolean;
  defaultJobId: number | null;
  reviewBeforeSync: boolean;
  /** ISO 4217 code used for money custom fields whose value names no currency. */
  defaultCurrency: string;
  /** The default pipeline stage by name (null: the job's first stage), set with stages:setDefault. */
  defaultStage: string | null;
  connected: boolean;
  /** Links to Recruiterflow records: a pattern with {type} and {id}, or '' for none. */
  recordUrlPattern: string;
  /** The recruiter set the pattern (false: the default is in use). */
  recordUrlPatternCustom: boolean;
}

/** What an update may do to a field of a record that already exists in Recruiterflow. */
export const WRITE_RULES = ['never', 'if_blank', 'always'] as const;
export type WriteRule = (typeof WRITE_RULES)[number];

export interface MappingRule {
  source: string;
  target: string;
  /** For records that already exist: never (the default), only where Recruiterflow's value is blank, or always. */
  write?: WriteRule;
}

export interface Mapping {
  version: number;
  rules: MappingRule[];
  /** Recruiterflow fields the account requires (mapping targets); a contact missing one is not sent. */
  required: string[];
}

/** One field an update changed in Recruiterflow. */
export interface FieldChange {
  /** The mapping target: `title`, `custom:201`. */
  field: string;
  old: string;
  new: string;
  /** The field's name for people ("Title", "Seniority"), where the log is read. */
  label?: string;
}

/** A field change with when and on which record: the contact drawer's list of updates. */
export interface RecordFieldChange extends FieldChange {
  at: number;
  rfType: SyncAs;
  rfId: number;
}

export interface Contact {
  email: string;
  fields: Record<string, string>;
  recruiterflowIds: number[];
}

export interface ContactRow {
  id: number;
  email: string;
  name: string;
  company: string;
  title: string;
  sequences: number;
  recruiterflowId: number | null;
  recruiterflowType: SyncAs | null;
  updatedAt: number;
}

export interface Enrollment {
  id: number;
  sequenceId: string;
  sequenceName: string;
  email: string;
  name: string;
  state: EnrollmentState;
  error: string | null;
  errorCode: string | null;
  syncAs: SyncAs;
  syncMode: SyncMode;
  jobId: number | null;
  mappingVersion: number;
  disabled: boolean;
  recruiterflowId: number | null;
  addedAt: number;
  repliedAt: number | null;
  /** Mail to the contact bounced (seen in the mailbox). */
  bounced: boolean;
  syncedAt: number | null;
  nextAttemptAt: number | null;
  attempts: number;
  /** For a flag: the Recruiterflow record(s) that matched. Empty otherwise. */
  matches: FlagMatch[];
  /** The mapping target whose value was refused (`custom:203`), when known: "Sync without this field". */
  errorField: string | null;
}

export interface SequenceSettings {
  syncMode: SyncMode | 'inherit';
  syncAs: SyncAs | 'inherit';
  jobId: number | 'inherit';
  disableSync: boolean;
}

export interface Sequence extends SequenceSettings {
  id: string;
  name: string;
  ownerEmail: string;
  createdAt: number;
}

export type StateCounts = Record<EnrollmentState, number>;

export interface SequenceSummary {
  id: string;
  name: string;
  syncMode: SyncMode | 'inherit';
  syncAs: SyncAs | 'inherit';
  jobId: number | 'inherit';
  disableSync: boolean;
  counts: StateCounts;
  total: number;
  /** The settings a contact added now would get, with where each one comes from. */
  effective: {
    syncMode: SyncMode;
    syncAs: SyncAs;
    jobId: number | null;
    inherited: { syncMode: boolean; syncAs: boolean; jobId: boolean };
  };
}

export interface Job {
  id: number;
  name: string;
  isOpen: boolean;
  /** The client company, '' when Recruiterflow did not say. */
  client: string;
  /** The job's location(s), '' when Recruiterflow did not say. */
  location: string;
}

interface CustomFieldChoice {
  id: number;
  name: string;
}

export interface CustomFieldDef {
  object: SyncAs;
  id: number;
  name: string;
  type: string;
  choices: CustomFieldChoice[];
}

export type ConnectionStatus = 'connected' | 'invalid_key' | 'unreachable' | 'not_connected';

export interface Connection {
  connected: boolean;
  baseUrl: string | null;
  status: ConnectionStatus;
  keySet: boolean;
  /** Set when a key is stored that this host cannot read (e.g. encrypted by the desktop app): why, in one line. */
  keyProblem: string | null;
  checkedAt: number | null;
  sandbox: boolean;
}

export interface QueueItem {
  id: number;
  enrollmentId: number;
  email: string;
  sequenceId: string;
  sequenceName: string;
  state: QueueState;
  /** Every attempt made for this enrollment, across retries (a retry renews the budget, not the count). */
  attempts: number;
  nextAttemptAt: number | null;
  lastError: string | null;
  syncAs: SyncAs;
  jobId: number | null;
  /** The job's name from the cached job list, when known. */
  jobName: string | null;
  createdAt: number;
  /** When the item last changed: for a finished item, when it finished. */
  updatedAt: number;
  /** For a finished item, what came of it. */
  outcome: 'synced' | 'followed_up' | 'flagged' | 'failed' | 'cancelled' | EnrollmentState | null;
  /** For a finished follow-up (`outcome` 'followed_up'), what it did. */
  followUp: FollowUp | null;
  recruiterflowId: number | null;
}

export interface SyncCounts {
  created: number;
  /** Linked to a record that was already in Recruiterflow (a synced contact queued again is not counted here). */
  linked: number;
  jobsAssigned: number;
  /** Records that got an update of their fields (write rules). */
  updated: number;
  /** Candidates moved to a pipeline stage (a captured stage, or a reply stage). */
  moved: number;
  failed: number;
  retrying: number;
  pending: number;
}

export interface CsvRejection {
  row: number;
  reason: string;
}

export interface ImportSummary {
  imported: number;
  updated: number;
  rejected: CsvRejection[];
  /** The file's text encoding and why it was chosen, when the caller decoded bytes (wizard, CLI). */
  encoding?: { encoding: string; reason: string };
}

export interface AddSummary {
  added: number;
  alreadyEnrolled: number;
  flagged: { email: string; error: string }[];
  /** Emails that were not contacts and were left out (unknown: skip). */
  skipped?: string[];
  /** Contacts created from an email alone (unknown: create). */
  created?: number;
}

export interface CloneResult {
  cloned: string[];
  skipped: { email: string; reason: 'different_integration' | 'no_integration' | 'self' }[];
}

export interface ErrorRow {
  enrollmentId: number;
  email: string;
  name: string;
  sequenceId: string;
  sequenceName: string;
  state: EnrollmentState;
  error: string;
  errorCode: string | null;
  firstSeen: number | null;
  lastAttempt: number | null;
  attempts: number;
  nextAttemptAt: number | null;
  matches: FlagMatch[];
  errorField: string | null;
  /** What the enrollment asks for: a flag's "Create" fix makes a record of this type. */
  syncAs: SyncAs;
}

/** Errors with one code and one cause (the message without the values that differ per contact). */
export interface ErrorGroup {
  /** Pass back as `group` to list this group's rows. */
  key: string;
  code: string | null;
  /** The cause, e.g. "Expected Salary: not a number". */
  error: string;
  count: number;
  /** One full message of the group, with its value. */
  example: string;
}

export interface LogEntry {
  id: number;
  at: number;
  level: 'info' | 'warn' | 'error';
  event: string;
  message: string;
  email: string | null;
  /** The fields an update changed, old and new value (only on `sync.updated` lines). */
  changes?: FieldChange[];
}

export interface Page<T> {
  rows: T[];
  total: number;
}

export function emptyCounts(): StateCounts {
  return Object.fromEntries(ENROLLMENT_STATES.map((s) => [s, 0])) as StateCounts;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

// Deliberately simple: one @, something on each side, a dot in the domain, no spaces.
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export function isValidEmail(email: string): boolean {
  return EMAIL_RE.test(email.trim());
}
