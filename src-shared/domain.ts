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
  'sync_disabled',
  'flagged',
  'queued',
  'synced',
  'failed',
  'retrying',
] as const;
export type EnrollmentState = (typeof ENROLLMENT_STATES)[number];

/** Where a unit of work in the sync queue stands. */
export const QUEUE_STATES = ['pending', 'held', 'in_flight', 'backoff', 'done', 'cancelled', 'failed'] as const;
export type QueueState = (typeof QUEUE_STATES)[number];

/** The contact fields Flowbridge knows by name; every other CSV column is an "extra" field. */
export const STANDARD_FIELDS = [
  'email',
  'first_name',
  'last_name',
  'title',
  'company',
  'phone',
  'linkedin_url',
  'location',
] as const;
export type StandardField = (typeof STANDARD_FIELDS)[number];

export const EXISTS_IN_RECRUITERFLOW = 'Exists in Recruiterflow';

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
  connected: boolean;
}

export interface MappingRule {
  source: string;
  target: string;
}

export interface Mapping {
  version: number;
  rules: MappingRule[];
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
  syncedAt: number | null;
  nextAttemptAt: number | null;
  attempts: number;
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
  effective: { syncMode: SyncMode; syncAs: SyncAs; jobId: number | null; inherited: { syncMode: boolean; syncAs: boolean; jobId: boolean } };
}

export interface Job {
  id: number;
  name: string;
  isOpen: boolean;
}

export interface CustomFieldChoice {
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
  attempts: number;
  nextAttemptAt: number | null;
  lastError: string | null;
  syncAs: SyncAs;
  jobId: number | null;
  createdAt: number;
}

export interface SyncCounts {
  created: number;
  linked: number;
  jobsAssigned: number;
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
}

export interface LogEntry {
  id: number;
  at: number;
  level: 'info' | 'warn' | 'error';
  event: string;
  message: string;
  email: string | null;
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
