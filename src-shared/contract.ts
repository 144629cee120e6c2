// The one typed IPC contract: every channel the UI may call, its input schema and its output type.
// The Electron preload, the browser-mode client and the backend's handler registry are all built from
// this map; a channel that is not here does not exist anywhere.
import { z } from 'zod';
import { CHANNEL_NAMES, EVENT_NAMES, type ChannelName } from './channels';
import {
  CONTACT_FIELDS,
  ENROLLMENT_STATES,
  INTEGRATIONS,
  QUEUE_STATES,
  RESOLUTIONS,
  ROLES,
  SYNC_AS,
  SYNC_MODES,
  WRITE_RULES,
  type AddSummary,
  type CloneResult,
  type Connection,
  type Contact,
  type ContactRow,
  type CustomFieldDef,
  type Enrollment,
  type ErrorGroup,
  type ErrorRow,
  type ImportSummary,
  type Job,
  type LogEntry,
  type Mapping,
  type MappingRule,
  type Page,
  type QueueItem,
  type RecordFieldChange,
  type Sequence,
  type SequenceSummary,
  type Settings,
  type StateCounts,
  type SyncAs,
  type SyncCounts,
  type User,
} from './domain';
import type { OwnerPairing, OwnerPairings, StageSettings } from './ownerStages';
import { MAILBOX_SECURITY, type ContactReplies, type MailboxStatus, type RepliesPerDay, type ScanCounts } from './mailbox';

interface ChannelDef<I extends z.ZodType, O> {
  input: I;
  /** Phantom: carries the output type only. */
  output: O;
}

function channel<O>() {
  return <I extends z.ZodType>(input: I): ChannelDef<I, O> => ({ input, output: undefined as O });
}

const email = z.string().trim().min(1, 'email is required').max(320);
const id = z.number().int().positive();
const ids = z.array(id).max(1_000_000);
const seqId = z.string().trim().min(1).max(64);
const paging = {
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(50),
};
const dir = z.enum(['asc', 'desc']).default('asc');
const selection = z
  .object({ ids: ids.optional(), all: z.boolean().optional() })
  .refine((s) => s.all === true || (s.ids !== undefined && s.ids.length > 0), 'name the items (ids) or all: true');
const sequenceFields = {
  syncMode: z.enum(['inherit', ...SYNC_MODES]).optional(),
  syncAs: z.enum(['inherit', ...SYNC_AS]).optional(),
  jobId: z.union([z.literal('inherit'), id]).optional(),
  disableSync: z.boolean().optional(),
};
const mappingRule = z.object({
  source: z.string().trim().min(1).max(200),
  target: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/^([a-z_]+|custom:\d+)$/, 'target must be a Recruiterflow field name or custom:<fieldId>'),
  write: z.enum(WRITE_RULES).optional(),
});
const stageName = z.string().trim().max(200);
const requiredTarget = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^([a-z_]+|custom:\d+)$/, 'a required field is a Recruiterflow field name or custom:<fieldId>');
const csvText = z.string().max(200 * 1024 * 1024);
const fieldValue = z.string().max(2000);
/** A decision on a flag; `rfId` names the matched record to link (needed when several matched). */
const resolution = { action: z.enum(RESOLUTIONS), rfId: id.optional() };
const contactState = z.enum([...ENROLLMENT_STATES, 'none']);
/** How the caller decoded the file's bytes (the import wizard, the CLI); echoed in the import summary. */
const csvEncoding = z.object({ encoding: z.string().max(40), reason: z.string().max(300) }).optional();

export interface AppInfo {
  version: string;
  host: 'electron' | 'browser' | 'cli';
  dataDir: string;
  /** Demo data is in this folder (Remove demo data takes it out). */
  demo: boolean;
  empty: boolean;
  /** Connected to a real Recruiterflow account (not the Sandbox): the demo workspace is not offered. */
  realAccount: boolean;
  /** The owner is still the placeholder of a fresh data folder: ask for the recruiter's name and email. */
  needsProfile: boolean;
}
export interface ContactDetail extends Contact {
  enrollments: Enrollment[];
  recruiterflowType: 'candidate' | 'contact' | null;
}
export interface CsvPreview {
  headers: string[];
  rows: string[][];
  totalRows: number;
  /** header → suggested target: a standard field, `extra`, or `ignore`. */
  suggested: Record<string, string>;
}
export interface MappingCatalog {
  sources: { name: string; kind: 'standard' | 'extra' }[];
  targets: { target: string; label: string; type: string; object: 'both' | 'candidate' | 'contact'; choices: string[] }[];
  customFields: CustomFieldDef[];
  /** The standard fields' default rules (they never write to existing records unless a rule says so). */
  defaults: MappingRule[];
}
/** One HTTP call described as data: what the Recruiterflow client sends, and what the queue preview shows. */
export interface PlannedRequest {
  method: 'GET' | 'POST';
  /** From the host root, with the query string for GETs. */
  path: string;
  body: unknown;
  note: string;
  /** Sent only if an earlier request does not settle it (the create, after the lookups). */
  conditional?: boolean;
}
export interface QueuePreview {
  /** What will happen, counted: "4 requests at most: 3 always, …", "Already linked to …". */
  summary: string;
  requests: PlannedRequest[];
}
export interface SyncStatus {
  connected: boolean;
  online: boolean;
  paused: boolean;
  pausedReason: string | null;
  running: boolean;
  states: StateCounts;
  /** review: waiting for approval (review before sync); held: kept back on purpose, waiting for release. */
  queue: { due: number; backoff: number; review: number; held: number; inFlight: number };
}
/** What changing the Recruiterflow account does (or did) to this user's work. */
export interface AccountSwitch {
  from: string;
  to: string;
  /** Queued items now held: they wait for review before anything goes to the new account. */
  queuedHeld: number;
  /** Links to records of the old account: kept (for a switch back), never reused in the new one. */
  linksKept: number;
  /** Enrollments synced in another account: not synced in this one. */
  syncedElsewhere: number;
  /** Enrollments synced in this account before: synced again. */
  restored: number;
  /** Flags whose matched records were in the old account: held, to be checked again in the new one. */
  flagsRechecked: number;
}
export type ConnectResult = Connection & { switched: AccountSwitch | null };
export interface ResolveResult {
  resolved: number;
  /** Enrollments left as they were, each with the reason (not flagged, no such match, not allowed...). */
  refused: { id: number; email: string; reason: string }[];
}
export interface ResyncResult {
  queued: number;
  /** Why the others were not queued. */
  skipped: { awaitingReply: number; syncDisabled: number; syncOff: number; flagged: number; alreadyQueued: number; dontSync: number };
  message: string;
}
/** A job a linked record is on in Recruiterflow, as the last links check read it. */
export interface RecordJob {
  jobId: number;
  name: string;
  stage: string;
}
/** A contact's linked Recruiterflow record and what the last links check saw of it. */
export interface LinkedRecord {
  type: SyncAs;
  id: number;
  /** unchecked: no links check has read it yet. */
  state: 'present' | 'gone' | 'unchecked';
  jobs: RecordJob[];
  checkedAt: number | null;
}
/** What a links check found: records still there, relinked to a merge's survivor, or deleted. */
export interface LinksVerifyResult {
  checked: number;
  present: number;
  relinked: { email: string; type: SyncAs; from: number; to: number }[];
  deleted: { email: string; type: SyncAs; id: number }[];
  /** HTTP requests the check sent (all reads). */
  requests: number;
}
export interface ActivityBucket {
  day: string;
  synced: number;
  errors: number;
}

export const contract = {
  'app:info': channel<AppInfo>()(z.object({})),
  'app:loadDemo': channel<{ contacts: number; sequences: number }>()(z.object({})),
  'app:removeDemo': channel<{ contacts: number; sequences: number }>()(z.object({})),

  'users:list': channel<User[]>()(z.object({})),
  'users:add': channel<User>()(
    z.object({
      email,
      name: z.string().trim().min(1).max(200),
      role: z.enum(ROLES),
      group: z.string().trim().min(1).max(200).nullable().optional(),
      integration: z.enum(INTEGRATIONS).optional(),
    }),
  ),
  'users:use': channel<User>()(z.object({ email })),
  /** The recruiter's own name and email, asked on first start instead of a placeholder owner. */
  'users:updateMe': channel<User>()(z.object({ name: z.string().trim().min(1, 'name is required').max(200), email })),

  'connection:get': channel<Connection>()(z.object({})),
  // The base URL is checked by the backend (a bare host means https; http only for loopback).
  // confirmSwitch: the user agreed to change account (without it, a change that matters is refused with
  // confirm_required and a message that says what it would do).
  'connection:connect': channel<ConnectResult>()(
    z.object({
      baseUrl: z.string().trim().min(1).max(500),
      apiKey: z.string().trim().min(1).max(500),
      confirmSwitch: z.boolean().optional(),
    }),
  ),
  'connection:useSandbox': channel<ConnectResult>()(z.object({ confirmSwitch: z.boolean().optional() })),
  'connection:test': channel<Connection>()(z.object({})),
  'connection:disconnect': channel<Connection>()(z.object({})),

  'settings:get': channel<Settings>()(z.object({})),
  'settings:set': channel<Settings>()(
    z.object({
      syncMode: z.enum(SYNC_MODES).optional(),
      syncAs: z.enum(SYNC_AS).optional(),
      dedup: z.boolean().optional(),
      defaultJobId: id.nullable().optional(),
      reviewBeforeSync: z.boolean().optional(),
      defaultCurrency: z
        .string()
        .trim()
        .regex(/^[A-Za-z]{3}$/, 'a currency is a three-letter ISO 4217 code such as USD, EUR or GBP')
        .transform((c) => c.toUpperCase())
        .optional(),
      recordUrlPattern: z.string().max(500).nullable().optional(),
    }),
  ),
  'settings:clonePlan': channel<CloneResult>()(z.object({ to: z.array(email).optional(), all: z.boolean().optional() })),
  'settings:clone': channel<CloneResult>()(z.object({ to: z.array(email).optional(), all: z.boolean().optional() })),

  'mapping:get': channel<Mapping>()(z.object({})),
  'mapping:set': channel<Mapping>()(z.object({ rules: z.array(mappingRule).max(500) })),
  'mapping:catalog': channel<MappingCatalog>()(z.object({})),
  'mapping:setRequired': channel<Mapping>()(z.object({ fields: z.array(requiredTarget).max(200) })),
  'mapping:preview': channel<{ email: string | null; syncAs: 'candidate' | 'contact'; payload: unknown; problems: string[] }>()(
    z.object({ email: email.optional(), rules: z.array(mappingRule).max(500).optional(), syncAs: z.enum(SYNC_AS).optional() }),
  ),

  'jobs:list': channel<Job[]>()(z.object({})),
  'jobs:refresh': channel<Job[]>()(z.object({})),

  'contacts:list': channel<Page<ContactRow>>()(
    z.object({
      search: z.string().max(200).optional(),
      state: contactState.optional(),
      sort: z.enum(['email', 'name', 'company', 'updatedAt']).default('email'),
      dir,
      ...paging,
    }),
  ),
  'contacts:get': channel<ContactDetail>()(z.object({ email })),
  'contacts:fieldChanges': channel<RecordFieldChange[]>()(z.object({ email })),
  'contacts:update': channel<ContactDetail>()(
    z.object({
      email,
      fields: z
        .object(Object.fromEntries(CONTACT_FIELDS.map((f) => [f, fieldValue.optional()])))
        .strict()
        .optional(),
      extra: z
        .record(z.string().max(200), fieldValue)
        .refine((r) => Object.keys(r).length <= 200, 'at most 200 extra fields')
        .optional(),
    }),
  ),
  /** The emails of a list that are not contacts yet. */
  'contacts:missing': channel<{ missing: string[] }>()(z.object({ emails: z.array(email).min(1).max(1_000_000) })),
  /** Deletes contacts from Flowbridge (never from Recruiterflow): by id, by email, or all that match a filter. */
  'contacts:delete': channel<{ deleted: number; skipped: number; unknown: string[] }>()(
    z.union([
      z.object({ ids: ids.min(1) }).strict(),
      z.object({ emails: z.array(email).min(1).max(1_000_000) }).strict(),
      z.object({ matching: z.object({ search: z.string().max(200).optional(), state: contactState.optional() }).strict() }).strict(),
    ]),
  ),
  'contacts:csvPreview': channel<CsvPreview>()(z.object({ csv: csvText })),
  'contacts:import': channel<ImportSummary>()(
    z.object({
      csv: csvText,
      columns: z.record(z.string(), z.string().max(200)).optional(),
      encoding: csvEncoding,
      /** Names this import for import:progress events and contacts:importCancel. */
      importId: z
        .string()
        .regex(/^[A-Za-z0-9_-]{1,64}$/)
        .optional(),
    }),
  ),
  'contacts:importCancel': channel<{ cancelled: boolean }>()(z.object({ importId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) })),

  'sequences:list': channel<SequenceSummary[]>()(z.object({})),
  'sequences:get': channel<Sequence>()(z.object({ id: seqId })),
  'sequences:create': channel<Sequence>()(z.object({ name: z.string().trim().min(1).max(200), ...sequenceFields })),
  'sequences:update': channel<Sequence & { cancelled: number }>()(
    z.object({
      id: seqId,
      name: z.string().trim().min(1).max(200).optional(),
      ...sequenceFields,
      /** With disableSync: true, also cancel the items this sequence has waiting in the queue. */
      cancelQueued: z.boolean().optional(),
    }),
  ),
  'sequences:enrollments': channel<Page<Enrollment>>()(
    z.object({
      sequenceId: seqId,
      search: z.string().max(200).optional(),
      states: z.array(z.enum(ENROLLMENT_STATES)).optional(),
      replied: z.boolean().optional(),
      sort: z.enum(['email', 'name', 'state', 'addedAt']).default('addedAt'),
      dir,
      ...paging,
    }),
  ),
  'sequences:add': channel<AddSummary>()(
    z.object({
      sequenceId: seqId,
      emails: z.array(email).min(1).max(1_000_000),
      /** Emails that are not contacts: refuse the add (default), leave them out, or create them. */
      unknown: z.enum(['fail', 'skip', 'create']).default('fail'),
    }),
  ),
  'sequences:addCsv': channel<AddSummary & { import: ImportSummary }>()(
    z.object({ sequenceId: seqId, csv: csvText, columns: z.record(z.string(), z.string().max(200)).optional(), encoding: csvEncoding }),
  ),

  'enrollments:remove': channel<{ removed: number }>()(z.object({ ids })),
  'enrollments:markReplied': channel<{ recorded: number }>()(z.object({ ids })),
  'enrollments:resync': channel<ResyncResult>()(z.object({ ids: ids.optional(), sequenceId: seqId.optional(), email: email.optional() })),
  'enrollments:clear': channel<{ cleared: number }>()(z.object({ ids })),
  // remap: "Retry with today's mapping" (never-synced enrollments only); withoutField: "Sync without this field".
  'enrollments:retry': channel<{ queued: number; remapped: number; fieldsDropped: number }>()(
    z.object({ ids, remap: z.boolean().optional(), withoutField: z.boolean().optional() }),
  ),
  'replies:record': channel<{ recorded: number }>()(z.object({ email, sequenceId: seqId.optional() })),
  'errors:clear': channel<{ cleared: number }>()(z.object({ email, sequenceId: seqId.optional() })),
  'enrollments:resolve': channel<ResolveResult>()(z.object({ ids, ...resolution })),
  'errors:resolve': channel<ResolveResult>()(z.object({ email, sequenceId: seqId.optional(), ...resolution })),
  'links:verify': channel<LinksVerifyResult>()(z.object({})),
  'links:records': channel<{ records: LinkedRecord[] }>()(z.object({ email })),

  'queue:list': channel<Page<QueueItem>>()(z.object({ states: z.array(z.enum(QUEUE_STATES)).optional(), ...paging })),
  'queue:preview': channel<QueuePreview>()(z.object({ id })),
  'queue:hold': channel<{ changed: number }>()(selection),
  'queue:release': channel<{ changed: number }>()(selection),
  'queue:approve': channel<{ changed: number }>()(selection),
  'queue:cancel': channel<{ changed: number }>()(selection),

  'sync:run': channel<SyncCounts>()(z.object({ wait: z.number().min(0).max(3600).optional() })),
  'sync:status': channel<SyncStatus>()(z.object({})),
  'sync:pause': channel<SyncStatus>()(z.object({})),
  'sync:resume': channel<SyncStatus>()(z.object({})),

  'errors:list': channel<Page<ErrorRow> & { groups: ErrorGroup[] }>()(
    z.object({
      states: z.array(z.enum(['flagged', 'failed', 'retrying'])).optional(),
      error: z.string().max(2000).optional(),
      group: z.string().max(4000).optional(),
      ...paging,
    }),
  ),
  'errors:export': channel<{ filename: string; content: string; rows: number }>()(z.object({ format: z.enum(['csv', 'json']) })),

  'activity:summary': channel<ActivityBucket[]>()(z.object({ days: z.number().int().min(1).max(365).default(14) })),
  'log:list': channel<Page<LogEntry>>()(z.object({ ...paging })),

  // The recruiter's mailbox: reply detection over IMAP (src-main/mailbox/).
  'mailbox:get': channel<MailboxStatus>()(z.object({})),
  'mailbox:connect': channel<MailboxStatus>()(
    z.object({
      host: z
        .string()
        .trim()
        .min(1)
        .max(253)
        .regex(/^[A-Za-z0-9.:[\]-]+$/, 'host must be a host name or an IP address'),
      port: z.number().int().min(1).max(65535).optional(),
      user: z.string().trim().min(1).max(320),
      password: z.string().min(1).max(1000),
      security: z.enum(MAILBOX_SECURITY).optional(),
      caFile: z.string().trim().min(1).max(1000).nullable().optional(),
      folder: z.string().trim().min(1).max(200).optional(),
    }),
  ),
  'mailbox:test': channel<MailboxStatus>()(z.object({})),
  'mailbox:scan': channel<ScanCounts>()(
    z.object({
      since: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, 'since is YYYY-MM-DD')
        .optional(),
    }),
  ),
  'mailbox:disconnect': channel<MailboxStatus>()(z.object({})),
  'mailbox:setNotes': channel<MailboxStatus>()(z.object({ enabled: z.boolean() })),
  'mailbox:contactReplies': channel<ContactReplies>()(z.object({ email })),
  'mailbox:perDay': channel<RepliesPerDay[]>()(z.object({ days: z.number().int().min(1).max(365).default(14) })),

  /** Each teammate's Recruiterflow owner (by email unless chosen), and the account's users to choose from. */
  'owners:list': channel<OwnerPairings>()(z.object({})),
  /** Pairs a teammate with a Recruiterflow user; null goes back to pairing by email. Not copied by cloning. */
  'owners:set': channel<OwnerPairing>()(z.object({ email, rfUserId: id.nullable() })),
  /** The job's stages and the stage settings of the defaults, or of one sequence. */
  'stages:get': channel<StageSettings>()(z.object({ sequenceId: seqId.optional(), refresh: z.boolean().optional() })),
  /** The default stage, by name from the default job's stages; null = the first stage. */
  'stages:setDefault': channel<StageSettings>()(z.object({ stage: stageName.nullable() })),
  /** A sequence's stage and reply stage, by name from its job's stages; null = default stage / no reply stage. */
  'stages:setSequence': channel<StageSettings>()(
    z.object({ id: seqId, stage: stageName.nullable().optional(), replyStage: stageName.nullable().optional() }),
  ),
} as const;

type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = Contract[C]['output'];

export const CHANNELS: readonly Channel[] = CHANNEL_NAMES;

// Compile-time proof that channels.ts names exactly the channels of the map above.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const channelListMatches: Same<Channel, ChannelName> = true;
void channelListMatches;

/** Backend → UI events: a second typed map, sent through one emitter. */
export interface ServerEvents {
  'sync:progress': { running: boolean; done: number; total: number; counts: SyncCounts };
  'queue:changed': { reason: string };
  'data:changed': { what: 'contacts' | 'sequences' | 'settings' | 'mapping' | 'users' | 'jobs' };
  'connection:changed': Connection;
  'mailbox:changed': MailboxStatus;
  notify: { level: 'info' | 'warning' | 'error'; title: string; message: string };
  /** A running CSV import (contacts:import with an importId): data rows read so far. */
  'import:progress': { importId: string; rowsRead: number };
}
export type EventName = keyof ServerEvents;
const eventListMatches: Same<EventName, (typeof EVENT_NAMES)[number]> = true;
void eventListMatches;
export { EVENT_NAMES };
