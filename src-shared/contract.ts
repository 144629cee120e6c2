// The one typed IPC contract: every channel the UI may call, its input schema and its output type.
// The Electron preload, the browser-mode client and the backend's handler registry are all built from
// this map; a channel that is not here does not exist anywhere.
import { z } from 'zod';
import { CHANNEL_NAMES, EVENT_NAMES, type ChannelName } from './channels';
import {
  ENROLLMENT_STATES,
  INTEGRATIONS,
  QUEUE_STATES,
  ROLES,
  SYNC_AS,
  SYNC_MODES,
  type AddSummary,
  type CloneResult,
  type Connection,
  type Contact,
  type ContactRow,
  type CustomFieldDef,
  type Enrollment,
  type ErrorRow,
  type ImportSummary,
  type Job,
  type LogEntry,
  type Mapping,
  type Page,
  type QueueItem,
  type Sequence,
  type SequenceSummary,
  type Settings,
  type StateCounts,
  type SyncCounts,
  type User,
} from './domain';

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
});
const csvText = z.string().max(200 * 1024 * 1024);
/** How the caller decoded the file's bytes (the import wizard, the CLI); echoed in the import summary. */
const csvEncoding = z.object({ encoding: z.string().max(40), reason: z.string().max(300) }).optional();

export interface AppInfo {
  version: string;
  host: 'electron' | 'browser' | 'cli';
  dataDir: string;
  demo: boolean;
  empty: boolean;
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
}
export interface PlannedRequest {
  method: 'GET' | 'POST';
  path: string;
  body: unknown;
  note: string;
}
export interface SyncStatus {
  connected: boolean;
  online: boolean;
  paused: boolean;
  pausedReason: string | null;
  running: boolean;
  states: StateCounts;
  queue: { due: number; backoff: number; held: number; inFlight: number };
}
export interface ActivityBucket {
  day: string;
  synced: number;
  errors: number;
}

export const contract = {
  'app:info': channel<AppInfo>()(z.object({})),
  'app:loadDemo': channel<{ contacts: number; sequences: number }>()(z.object({})),

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

  'connection:get': channel<Connection>()(z.object({})),
  'connection:connect': channel<Connection>()(
    z.object({ baseUrl: z.string().trim().url().max(500), apiKey: z.string().trim().min(1).max(500) }),
  ),
  'connection:useSandbox': channel<Connection>()(z.object({})),
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
    }),
  ),
  'settings:clonePlan': channel<CloneResult>()(z.object({ to: z.array(email).optional(), all: z.boolean().optional() })),
  'settings:clone': channel<CloneResult>()(z.object({ to: z.array(email).optional(), all: z.boolean().optional() })),

  'mapping:get': channel<Mapping>()(z.object({})),
  'mapping:set': channel<Mapping>()(z.object({ rules: z.array(mappingRule).max(500) })),
  'mapping:catalog': channel<MappingCatalog>()(z.object({})),
  'mapping:preview': channel<{ email: string | null; syncAs: 'candidate' | 'contact'; payload: unknown; problems: string[] }>()(
    z.object({ email: email.optional(), rules: z.array(mappingRule).max(500).optional(), syncAs: z.enum(SYNC_AS).optional() }),
  ),

  'jobs:list': channel<Job[]>()(z.object({})),
  'jobs:refresh': channel<Job[]>()(z.object({})),

  'contacts:list': channel<Page<ContactRow>>()(
    z.object({
      search: z.string().max(200).optional(),
      sort: z.enum(['email', 'name', 'company', 'updatedAt']).default('email'),
      dir,
      ...paging,
    }),
  ),
  'contacts:get': channel<ContactDetail>()(z.object({ email })),
  'contacts:csvPreview': channel<CsvPreview>()(z.object({ csv: csvText })),
  'contacts:import': channel<ImportSummary>()(
    z.object({
      csv: csvText,
      columns: z.record(z.string(), z.string().max(200)).optional(),
      encoding: csvEncoding,
      /** Names this import for import:progress events and contacts:importCancel. */
      importId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional(),
    }),
  ),
  'contacts:importCancel': channel<{ cancelled: boolean }>()(z.object({ importId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) })),

  'sequences:list': channel<SequenceSummary[]>()(z.object({})),
  'sequences:get': channel<Sequence>()(z.object({ id: seqId })),
  'sequences:create': channel<Sequence>()(z.object({ name: z.string().trim().min(1).max(200), ...sequenceFields })),
  'sequences:update': channel<Sequence>()(
    z.object({ id: seqId, name: z.string().trim().min(1).max(200).optional(), ...sequenceFields }),
  ),
  'sequences:enrollments': channel<Page<Enrollment>>()(
    z.object({
      sequenceId: seqId,
      search: z.string().max(200).optional(),
      states: z.array(z.enum(ENROLLMENT_STATES)).optional(),
      sort: z.enum(['email', 'name', 'state', 'addedAt']).default('addedAt'),
      dir,
      ...paging,
    }),
  ),
  'sequences:add': channel<AddSummary>()(z.object({ sequenceId: seqId, emails: z.array(email).min(1).max(1_000_000) })),
  'sequences:addCsv': channel<AddSummary & { import: ImportSummary }>()(
    z.object({ sequenceId: seqId, csv: csvText, columns: z.record(z.string(), z.string().max(200)).optional(), encoding: csvEncoding }),
  ),

  'enrollments:remove': channel<{ removed: number }>()(z.object({ ids })),
  'enrollments:markReplied': channel<{ recorded: number }>()(z.object({ ids })),
  'enrollments:resync': channel<{ queued: number }>()(
    z.object({ ids: ids.optional(), sequenceId: seqId.optional(), email: email.optional() }),
  ),
  'enrollments:clear': channel<{ cleared: number }>()(z.object({ ids })),
  'enrollments:retry': channel<{ queued: number }>()(z.object({ ids })),
  'replies:record': channel<{ recorded: number }>()(z.object({ email, sequenceId: seqId.optional() })),
  'errors:clear': channel<{ cleared: number }>()(z.object({ email, sequenceId: seqId.optional() })),

  'queue:list': channel<Page<QueueItem>>()(z.object({ states: z.array(z.enum(QUEUE_STATES)).optional(), ...paging })),
  'queue:preview': channel<PlannedRequest[]>()(z.object({ id })),
  'queue:hold': channel<{ changed: number }>()(selection),
  'queue:release': channel<{ changed: number }>()(selection),
  'queue:approve': channel<{ changed: number }>()(selection),
  'queue:cancel': channel<{ changed: number }>()(selection),

  'sync:run': channel<SyncCounts>()(z.object({ wait: z.number().min(0).max(3600).optional() })),
  'sync:status': channel<SyncStatus>()(z.object({})),
  'sync:pause': channel<SyncStatus>()(z.object({})),
  'sync:resume': channel<SyncStatus>()(z.object({})),

  'errors:list': channel<Page<ErrorRow> & { groups: { error: string; count: number }[] }>()(
    z.object({
      states: z.array(z.enum(['flagged', 'failed', 'retrying'])).optional(),
      error: z.string().max(2000).optional(),
      ...paging,
    }),
  ),
  'errors:export': channel<{ filename: string; content: string; rows: number }>()(
    z.object({ format: z.enum(['csv', 'json']) }),
  ),

  'activity:summary': channel<ActivityBucket[]>()(z.object({ days: z.number().int().min(1).max(365).default(14) })),
  'log:list': channel<Page<LogEntry>>()(z.object({ ...paging })),
} as const;

export type Contract = typeof contract;
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
  notify: { level: 'info' | 'warning' | 'error'; title: string; message: string };
  /** A running CSV import (contacts:import with an importId): data rows read so far. */
  'import:progress': { importId: string; rowsRead: number };
}
export type EventName = keyof ServerEvents;
const eventListMatches: Same<EventName, (typeof EVENT_NAMES)[number]> = true;
void eventListMatches;
export { EVENT_NAMES };
