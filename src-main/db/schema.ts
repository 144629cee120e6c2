// The Flowbridge data model. Times are integer milliseconds since the epoch; booleans are 0/1.
// Migrations are generated from this file into drizzle/ and never edited once committed.
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  role: text('role', { enum: ['owner', 'manager', 'member'] }).notNull(),
  groupName: text('group_name'),
  /** For teammates: the integration they are connected to. The current user's is derived from `connections`. */
  integration: text('integration', { enum: ['recruiterflow', 'other', 'none'] }).notNull().default('none'),
  isCurrent: integer('is_current', { mode: 'boolean' }).notNull().default(false),
  createdAt: integer('created_at').notNull(),
});

/** One Recruiterflow connection per user. The API key is not here: it lives in the secret store. */
export const connections = sqliteTable('connections', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  baseUrl: text('base_url').notNull(),
  status: text('status', { enum: ['connected', 'invalid_key', 'unreachable'] }).notNull(),
  sandbox: integer('sandbox', { mode: 'boolean' }).notNull().default(false),
  connectedAt: integer('connected_at').notNull(),
  checkedAt: integer('checked_at'),
});

export const settings = sqliteTable('settings', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  syncMode: text('sync_mode', { enum: ['off', 'on-add', 'on-reply'] }).notNull().default('on-add'),
  syncAs: text('sync_as', { enum: ['candidate', 'contact'] }).notNull().default('candidate'),
  dedup: integer('dedup', { mode: 'boolean' }).notNull().default(false),
  defaultJobId: integer('default_job_id'),
  reviewBeforeSync: integer('review_before_sync', { mode: 'boolean' }).notNull().default(false),
  mappingVersion: integer('mapping_version').notNull().default(1),
});

/** Custom mapping rules, one set per (user, version). Old versions stay: enrollments point at them. */
export const mappingRules = sqliteTable(
  'mapping_rules',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    position: integer('position').notNull(),
    source: text('source').notNull(),
    target: text('target').notNull(),
  },
  (t) => [index('mapping_rules_user_version').on(t.userId, t.version)],
);

export const contacts = sqliteTable(
  'contacts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Trimmed and lower-cased: the identity of a contact. */
    email: text('email').notNull().unique(),
    firstName: text('first_name').notNull().default(''),
    lastName: text('last_name').notNull().default(''),
    title: text('title').notNull().default(''),
    company: text('company').notNull().default(''),
    phone: text('phone').notNull().default(''),
    linkedinUrl: text('linkedin_url').notNull().default(''),
    location: text('location').notNull().default(''),
    /** Extra CSV columns as a JSON object of strings. */
    extra: text('extra').notNull().default('{}'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('contacts_updated').on(t.updatedAt)],
);

export const sequences = sqliteTable('sequences', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  ownerUserId: integer('owner_user_id')
    .notNull()
    .references(() => users.id),
  name: text('name').notNull(),
  /** null = inherit the owner's default. */
  syncMode: text('sync_mode', { enum: ['off', 'on-add', 'on-reply'] }),
  syncAs: text('sync_as', { enum: ['candidate', 'contact'] }),
  jobId: integer('job_id'),
  disableSync: integer('disable_sync', { mode: 'boolean' }).notNull().default(false),
  createdAt: integer('created_at').notNull(),
});

export const enrollments = sqliteTable(
  'enrollments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    contactId: integer('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    /** The contact's email, copied (it never changes) so a sequence's page sorts on an index. */
    email: text('email').notNull(),
    /** The contact's "first last", copied for sorting on an index; a trigger follows contact renames. */
    name: text('name').notNull().default(''),
    sequenceId: integer('sequence_id')
      .notNull()
      .references(() => sequences.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    addedAt: integer('added_at').notNull(),
    // The effective settings captured when the contact was added. Never rewritten by later setting changes.
    capMode: text('cap_mode', { enum: ['off', 'on-add', 'on-reply'] }).notNull(),
    capSyncAs: text('cap_sync_as', { enum: ['candidate', 'contact'] }).notNull(),
    capJobId: integer('cap_job_id'),
    capMappingVersion: integer('cap_mapping_version').notNull(),
    capDisabled: integer('cap_disabled', { mode: 'boolean' }).notNull(),
    capDedup: integer('cap_dedup', { mode: 'boolean' }).notNull(),
    /** The add-time Recruiterflow check ran (false when it was offline: the engine checks instead). */
    dedupChecked: integer('dedup_checked', { mode: 'boolean' }).notNull().default(false),
    /** The recruiter reviewed an "Exists in Recruiterflow" flag and let the enrollment go on. */
    dedupCleared: integer('dedup_cleared', { mode: 'boolean' }).notNull().default(false),
    /** Waiting for a reply (on-reply mode): a recorded reply queues it. */
    awaitingReply: integer('awaiting_reply', { mode: 'boolean' }).notNull().default(false),
    /** Set just before a create is sent: a record found afterwards is ours, not a duplicate to flag. */
    createStartedAt: integer('create_started_at'),
    state: text('state', {
      enum: ['not_synced', 'sync_disabled', 'flagged', 'queued', 'synced', 'failed', 'retrying'],
    }).notNull(),
    error: text('error'),
    errorCode: text('error_code'),
    firstErrorAt: integer('first_error_at'),
    lastAttemptAt: integer('last_attempt_at'),
    attempts: integer('attempts').notNull().default(0),
    repliedAt: integer('replied_at'),
    rfId: integer('rf_id'),
    syncedAt: integer('synced_at'),
  },
  (t) => [
    uniqueIndex('enrollments_contact_sequence').on(t.contactId, t.sequenceId),
    // A sequence's page is read from one of these, filtered by state inside the index (see enrollmentQueries.ts).
    index('enrollments_sequence_state').on(t.sequenceId, t.state, t.addedAt),
    index('enrollments_sequence_added_state').on(t.sequenceId, t.addedAt, t.state),
    index('enrollments_state').on(t.state),
    index('enrollments_sequence_email_state').on(t.sequenceId, t.email, t.state),
    index('enrollments_sequence_name_state').on(t.sequenceId, t.name, t.state),
  ],
);

/**
 * Enrollments per sequence and state: the sequences list and every page total read a handful of rows
 * instead of counting a million. Triggers (drizzle/0001) follow every state change and deletion; new
 * enrollments are counted by the one statement that creates them (domain/enroll.ts), because a per-row
 * insert trigger costs more than the whole rest of a 100,000-contact add.
 */
export const enrollmentCounts = sqliteTable(
  'enrollment_counts',
  {
    sequenceId: integer('sequence_id').notNull(),
    state: text('state').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sequenceId, t.state] })],
);

/** Which Recruiterflow record an email is, per Recruiterflow account (base URL). */
export const rfLinks = sqliteTable(
  'rf_links',
  {
    baseUrl: text('base_url').notNull(),
    email: text('email').notNull(),
    rfId: integer('rf_id').notNull(),
    rfType: text('rf_type', { enum: ['candidate', 'contact'] }).notNull(),
    linkedAt: integer('linked_at').notNull(),
    created: integer('created', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.baseUrl, t.email] })],
);

/** Job assignments already made, so a retry never repeats one. */
export const rfJobAssignments = sqliteTable(
  'rf_job_assignments',
  {
    baseUrl: text('base_url').notNull(),
    rfId: integer('rf_id').notNull(),
    jobId: integer('job_id').notNull(),
    assignedAt: integer('assigned_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.baseUrl, t.rfId, t.jobId] })],
);

/** The durable sync queue: one row per unit of work, written with the change that caused it. */
export const syncQueue = sqliteTable(
  'sync_queue',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    enrollmentId: integer('enrollment_id')
      .notNull()
      .references(() => enrollments.id, { onDelete: 'cascade' }),
    state: text('state', {
      enum: ['pending', 'review', 'held', 'in_flight', 'backoff', 'done', 'cancelled', 'failed'],
    }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    lastError: text('last_error'),
    leaseOwner: text('lease_owner'),
    leaseUntil: integer('lease_until'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('sync_queue_state_next').on(t.state, t.nextAttemptAt),
    index('sync_queue_enrollment').on(t.enrollmentId),
    // At most one live unit of work per enrollment: a second trigger can never queue a second create.
    uniqueIndex('sync_queue_live_enrollment')
      .on(t.enrollmentId)
      .where(sql`state in ('pending', 'review', 'held', 'in_flight', 'backoff')`),
  ],
);

export const rfJobs = sqliteTable(
  'rf_jobs',
  {
    baseUrl: text('base_url').notNull(),
    id: integer('id').notNull(),
    name: text('name').notNull(),
    isOpen: integer('is_open', { mode: 'boolean' }).notNull(),
    /** The client company and location(s), so a job picker tells two "Frontend Engineer" jobs apart. */
    client: text('client').notNull().default(''),
    location: text('location').notNull().default(''),
    fetchedAt: integer('fetched_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.baseUrl, t.id] })],
);

export const rfCustomFields = sqliteTable(
  'rf_custom_fields',
  {
    baseUrl: text('base_url').notNull(),
    object: text('object', { enum: ['candidate', 'contact'] }).notNull(),
    id: integer('id').notNull(),
    name: text('name').notNull(),
    type: text('type').notNull(),
    /** JSON array of {id, name}. */
    choices: text('choices').notNull().default('[]'),
    fetchedAt: integer('fetched_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.baseUrl, t.object, t.id] })],
);

export const rfUsers = sqliteTable(
  'rf_users',
  {
    baseUrl: text('base_url').notNull(),
    id: integer('id').notNull(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    fetchedAt: integer('fetched_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.baseUrl, t.id] })],
);

export const syncLog = sqliteTable(
  'sync_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at').notNull(),
    level: text('level', { enum: ['info', 'warn', 'error'] }).notNull(),
    event: text('event').notNull(),
    message: text('message').notNull(),
    enrollmentId: integer('enrollment_id'),
    email: text('email'),
  },
  (t) => [index('sync_log_at').on(t.at)],
);

/** Small key/value facts about this data folder (demo workspace loaded, scheduler pause, ...). */
export const meta = sqliteTable('meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
