// The Flowbridge data model. Times are integer milliseconds since the epoch; booleans are 0/1.
// Migrations are generated from this file into drizzle/ and never edited once committed.
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
// The enums are declared once, in src-shared (the contract and the UI use them too), and read here.
import {
  ENROLLMENT_STATES,
  FOLLOW_UPS,
  INTEGRATIONS,
  LIVE_QUEUE_STATES,
  QUEUE_STATES,
  ROLES,
  SYNC_AS,
  SYNC_MODES,
} from '../../src-shared/domain';
import { MAILBOX_SECURITY } from '../../src-shared/mailbox';

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  role: text('role', { enum: ROLES }).notNull(),
  groupName: text('group_name'),
  /** For teammates: the integration they are connected to. The current user's is derived from `connections`. */
  integration: text('integration', { enum: INTEGRATIONS }).notNull().default('none'),
  isCurrent: integer('is_current', { mode: 'boolean' }).notNull().default(false),
  createdAt: integer('created_at').notNull(),
});

/** One Recruiterflow connection per user. The API key is not here: it lives in the secret store. */
export const connections = sqliteTable('connections', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  baseUrl: text('base_url').notNull(),
  /**
   * Which Recruiterflow account this is: the base URL and a fingerprint of the key (domain/account.ts).
   * Every link and job assignment belongs to the account it was made in. Null only before migration 0005.
   */
  account: text('account'),
  status: text('status', { enum: ['connected', 'invalid_key', 'unreachable'] }).notNull(),
  sandbox: integer('sandbox', { mode: 'boolean' }).notNull().default(false),
  connectedAt: integer('connected_at').notNull(),
  checkedAt: integer('checked_at'),
});

export const settings = sqliteTable('settings', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  syncMode: text('sync_mode', { enum: SYNC_MODES }).notNull().default('on-add'),
  syncAs: text('sync_as', { enum: SYNC_AS }).notNull().default('candidate'),
  dedup: integer('dedup', { mode: 'boolean' }).notNull().default(false),
  defaultJobId: integer('default_job_id'),
  reviewBeforeSync: integer('review_before_sync', { mode: 'boolean' }).notNull().default(false),
  mappingVersion: integer('mapping_version').notNull().default(1),
  /** ISO 4217 code for a bare amount in a money custom field ("120000" → 120000 of this). */
  defaultCurrency: text('default_currency').notNull().default('USD'),
  /** The pipeline stage (by name) a candidate is moved to on its job; null = the job's first stage. */
  defaultStage: text('default_stage'),
  /**
   * Recruiterflow fields the account requires (JSON array of mapping targets: `title`, `custom:201`). The API
   * does not say which fields are mandatory, so the recruiter does; a contact missing one fails before any request.
   */
  requiredFields: text('required_fields').notNull().default('[]'),
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
    /** Whether a record that already exists gets this field: never, only where it is blank there, or always. */
    write: text('write', { enum: ['never', 'if_blank', 'always'] })
      .notNull()
      .default('never'),
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
    /** Part of the demo workspace: never sent to any Recruiterflow but the built-in sandbox (domain/demo.ts). */
    demo: integer('demo', { mode: 'boolean' }).notNull().default(false),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('contacts_updated').on(t.updatedAt),
    // Only demo contacts are in it (none, usually): "is any contact a demo one" reads nothing, and an
    // import of real contacts writes nothing to it.
    index('contacts_demo')
      .on(t.id)
      .where(sql`demo = 1`),
  ],
);

export const sequences = sqliteTable('sequences', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  ownerUserId: integer('owner_user_id')
    .notNull()
    .references(() => users.id),
  name: text('name').notNull(),
  /** null = inherit the owner's default. */
  syncMode: text('sync_mode', { enum: SYNC_MODES }),
  syncAs: text('sync_as', { enum: SYNC_AS }),
  jobId: integer('job_id'),
  disableSync: integer('disable_sync', { mode: 'boolean' }).notNull().default(false),
  /** The pipeline stage (by name) for this sequence's job; null = inherit the owner's default stage. */
  stage: text('stage'),
  /** The stage (by name) a candidate moves to when the contact replies; null = none. */
  replyStage: text('reply_stage'),
  /** Part of the demo workspace: never sent to any Recruiterflow but the built-in sandbox (domain/demo.ts). */
  demo: integer('demo', { mode: 'boolean' }).notNull().default(false),
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
    capMode: text('cap_mode', { enum: SYNC_MODES }).notNull(),
    capSyncAs: text('cap_sync_as', { enum: SYNC_AS }).notNull(),
    capJobId: integer('cap_job_id'),
    capMappingVersion: integer('cap_mapping_version').notNull(),
    capDisabled: integer('cap_disabled', { mode: 'boolean' }).notNull(),
    capDedup: integer('cap_dedup', { mode: 'boolean' }).notNull(),
    /** The Recruiterflow user (id) who owns a record this enrollment creates: the sequence owner's pairing. */
    capOwnerId: integer('cap_owner_id'),
    /** The pipeline stage (by name) on the job; null = the first stage. */
    capStage: text('cap_stage'),
    /** The stage (by name) a reply moves the candidate to; null = none. */
    capReplyStage: text('cap_reply_stage'),
    /**
     * A reply not yet carried to Recruiterflow as a stage move: the time of the reply that asked for it.
     * Cleared (only if unchanged) once the move is done or found done, so each reply moves at most once.
     */
    replyStageDueAt: integer('reply_stage_due_at'),
    /**
     * The stage (by name) a move is about to be sent to, written before the request: a retry that finds the
     * candidate there logs the move the killed attempt made (sync/stageStep.ts). Null when none is under way.
     */
    stageMovePlanned: text('stage_move_planned'),
    /** The add-time Recruiterflow check ran (false when it was offline: the engine checks instead). */
    dedupChecked: integer('dedup_checked', { mode: 'boolean' }).notNull().default(false),
    /** The recruiter reviewed an "Exists in Recruiterflow" flag and let the enrollment go on. */
    dedupCleared: integer('dedup_cleared', { mode: 'boolean' }).notNull().default(false),
    /** Waiting for a reply (on-reply mode): a recorded reply queues it. Also shown as the state `awaiting_reply`. */
    awaitingReply: integer('awaiting_reply', { mode: 'boolean' }).notNull().default(false),
    /**
     * The evidence behind a flag: JSON `FlagMatch[]` (type, id, name, every email, the email that matched),
     * stored when the enrollment is flagged so the recruiter sees which record matched.
     */
    evidence: text('evidence'),
    /**
     * The recruiter chose "Create a <type> profile too": a record of the other type with this email is
     * not a reason to stop (Recruiterflow lets one person have a candidate and a contact profile).
     */
    createAnyway: integer('create_anyway', { mode: 'boolean' }).notNull().default(false),
    /** Set just before a create is sent: a record found afterwards is ours, not a duplicate to flag. */
    createStartedAt: integer('create_started_at'),
    state: text('state', {
      enum: ENROLLMENT_STATES,
    }).notNull(),
    error: text('error'),
    errorCode: text('error_code'),
    /** The mapping target whose value was refused (`custom:203`, `phone_number`): what "Sync without this field" drops. */
    errorField: text('error_field'),
    /** Mapping targets the recruiter chose to leave out for this enrollment (JSON array): "Sync without this field". */
    skipFields: text('skip_fields').notNull().default('[]'),
    firstErrorAt: integer('first_error_at'),
    lastAttemptAt: integer('last_attempt_at'),
    attempts: integer('attempts').notNull().default(0),
    repliedAt: integer('replied_at'),
    rfId: integer('rf_id'),
    /** The account (connections.account) rf_id belongs to: in any other account this enrollment is not synced. */
    rfAccount: text('rf_account'),
    syncedAt: integer('synced_at'),
  },
  (t) => [
    uniqueIndex('enrollments_contact_sequence').on(t.contactId, t.sequenceId),
    // A sequence's page is read from one of these, filtered by state inside the index (see enrollmentQueries.ts).
    index('enrollments_sequence_state').on(t.sequenceId, t.state, t.addedAt),
    index('enrollments_sequence_added_state').on(t.sequenceId, t.addedAt, t.state),
    // Only enrollments in an error state (flagged, failed, retrying): the error list and export read them
    // across sequences, and nothing else reads enrollments by state alone. New enrollments (queued) and
    // syncs (queued → synced) write nothing here. A query uses it when its WHERE holds this very term
    // (ERROR_STATE_TERM in store/enrollments.ts).
    index('enrollments_error_state')
      .on(t.state)
      .where(sql`state in ('flagged', 'failed', 'retrying')`),
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

/**
 * Which Recruiterflow record an email is, per Recruiterflow account (base URL) and record type: one person
 * can have a candidate and a contact profile, so an email can be linked once as each.
 */
export const rfLinks = sqliteTable(
  'rf_links',
  {
    /** The account the link was made in (connections.account); base_url is its server, for reading. */
    account: text('account').notNull().default(''),
    baseUrl: text('base_url').notNull(),
    email: text('email').notNull(),
    rfId: integer('rf_id').notNull(),
    rfType: text('rf_type', { enum: SYNC_AS }).notNull(),
    linkedAt: integer('linked_at').notNull(),
    created: integer('created', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.account, t.email, t.rfType] })],
);

/** Job assignments already made, so a retry never repeats one. */
export const rfJobAssignments = sqliteTable(
  'rf_job_assignments',
  {
    account: text('account').notNull().default(''),
    baseUrl: text('base_url').notNull(),
    rfId: integer('rf_id').notNull(),
    jobId: integer('job_id').notNull(),
    assignedAt: integer('assigned_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.account, t.rfId, t.jobId] })],
);

/**
 * What the last links check (sync/linkCheck.ts) read of a linked record: whether it is still there, and
 * the jobs and stages it is on in Recruiterflow (shown read-only in the contact drawer). `gone` keeps a
 * deleted record as evidence after its link is removed.
 */
export const rfRecords = sqliteTable(
  'rf_records',
  {
    account: text('account').notNull(),
    rfId: integer('rf_id').notNull(),
    rfType: text('rf_type', { enum: ['candidate', 'contact'] }).notNull(),
    state: text('state', { enum: ['present', 'gone'] }).notNull(),
    /** JSON `RecordJob[]` (job id, name, stage), as read. */
    jobs: text('jobs').notNull().default('[]'),
    checkedAt: integer('checked_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.account, t.rfId] })],
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
      enum: QUEUE_STATES,
    }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    lastError: text('last_error'),
    /** Set when the item finished as the follow-up of a synced contact: what it did (the Queue screen says it). */
    followUp: text('follow_up', { enum: FOLLOW_UPS }),
    leaseOwner: text('lease_owner'),
    leaseUntil: integer('lease_until'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    /** 1 while the row is live (work to do or in progress), null once it is over: see sync_queue_enrollment_live. */
    live: integer('live').generatedAlwaysAs(
      sql.raw(`case when state in (${LIVE_QUEUE_STATES.map((state) => `'${state}'`).join(', ')}) then 1 end`),
      {
        mode: 'virtual',
      },
    ),
  },
  (t) => [
    index('sync_queue_state_next').on(t.state, t.nextAttemptAt),
    // At most one live unit of work per enrollment: a second trigger can never queue a second create. The
    // second key is 1 for a live row and null otherwise (nulls never collide in a unique index), so the
    // same index also finds every row of an enrollment (the foreign key's cascade, the page's next
    // attempt): one index to write per queued enrollment instead of two.
    uniqueIndex('sync_queue_enrollment_live').on(t.enrollmentId, t.live),
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
    object: text('object', { enum: SYNC_AS }).notNull(),
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

/**
 * The Recruiterflow user each Flowbridge user is paired with, chosen by hand (Settings → Team,
 * `users set-owner`). Without a row the pairing is by email (store/ownerPairings.ts). Per account server.
 */
export const ownerPairings = sqliteTable(
  'owner_pairings',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    baseUrl: text('base_url').notNull(),
    rfUserId: integer('rf_user_id').notNull(),
    pairedAt: integer('paired_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.baseUrl] })],
);

/** Each job's pipeline stages (`job?job_id=&include_stages=1`), cached for pickers and the engine. */
export const rfJobStages = sqliteTable(
  'rf_job_stages',
  {
    baseUrl: text('base_url').notNull(),
    jobId: integer('job_id').notNull(),
    id: integer('id').notNull(),
    name: text('name').notNull(),
    rank: integer('rank').notNull(),
    fetchedAt: integer('fetched_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.baseUrl, t.jobId, t.id] })],
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

/**
 * Every field an update changed in Recruiterflow, with the value read before and the value sent: what the
 * Activity screen and the contact drawer show under the update's log line.
 */
export const rfFieldChanges = sqliteTable(
  'rf_field_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at').notNull(),
    /** The sync_log line of the update. */
    logId: integer('log_id').notNull(),
    enrollmentId: integer('enrollment_id'),
    email: text('email').notNull(),
    rfType: text('rf_type', { enum: ['candidate', 'contact'] }).notNull(),
    rfId: integer('rf_id').notNull(),
    /** The mapping target: `title`, `phone_number`, `custom:201`. */
    field: text('field').notNull(),
    oldValue: text('old_value').notNull(),
    newValue: text('new_value').notNull(),
  },
  (t) => [index('rf_field_changes_log').on(t.logId), index('rf_field_changes_email').on(t.email, t.at)],
);

/**
 * An update about to be sent, written before the request: if the process dies between Recruiterflow's
 * answer and the log line, the retry reads the record, finds these values already there, and logs the
 * update as done (sync/updateStep.ts). One per enrollment; the row goes when its log line is written.
 */
export const rfPendingUpdates = sqliteTable('rf_pending_updates', {
  enrollmentId: integer('enrollment_id')
    .primaryKey()
    .references(() => enrollments.id, { onDelete: 'cascade' }),
  rfType: text('rf_type', { enum: ['candidate', 'contact'] }).notNull(),
  rfId: integer('rf_id').notNull(),
  /** The planned changes as JSON: [{field, old, new}], old as read before the update. */
  changes: text('changes').notNull(),
  plannedAt: integer('planned_at').notNull(),
});

/** Small key/value facts about this data folder (demo workspace loaded, scheduler pause, ...). */
export const meta = sqliteTable('meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

// ---- The recruiter's mailbox (reply detection): see src-main/mailbox/. ----

/** One watched IMAP mailbox per user. The password is not here: it lives in the secret store. */
export const mailboxes = sqliteTable('mailboxes', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  host: text('host').notNull(),
  port: integer('port').notNull(),
  security: text('security', { enum: MAILBOX_SECURITY }).notNull(),
  username: text('username').notNull(),
  /** 'password' today; 'xoauth2' (an OAuth2 access token in the secret store) can be added later. */
  authMethod: text('auth_method', { enum: ['password', 'xoauth2'] })
    .notNull()
    .default('password'),
  folder: text('folder').notNull().default('INBOX'),
  /** A PEM file of extra trusted certificates, for self-hosted servers. */
  caFile: text('ca_file'),
  state: text('state', { enum: ['idle', 'scanning', 'unreachable', 'auth_failed'] })
    .notNull()
    .default('idle'),
  stateMessage: text('state_message'),
  /** How far back a first scan (or a rescan after a UIDVALIDITY change) looks. */
  windowDays: integer('window_days').notNull().default(30),
  lastScanAt: integer('last_scan_at'),
  connectedAt: integer('connected_at').notNull(),
});

/** Where the scan of one folder got to: a new UIDVALIDITY means the UIDs changed meaning (rescan the window). */
export const mailboxCheckpoints = sqliteTable(
  'mailbox_checkpoints',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    folder: text('folder').notNull(),
    /** A 32-bit unsigned IMAP value, kept as text. */
    uidValidity: text('uid_validity').notNull(),
    lastUid: integer('last_uid').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.folder] })],
);

/** Replies, auto-replies and bounces of contacts: from the mailbox, or recorded by hand. Never bodies. */
export const replies = sqliteTable(
  'replies',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    contactId: integer('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['reply', 'auto_reply', 'bounce'] }).notNull(),
    source: text('source', { enum: ['mailbox', 'manual'] }).notNull(),
    /** The Message-ID, or `uid:<uidvalidity>:<uid>` when it has none; null for manual replies. Recorded once. */
    messageKey: text('message_key'),
    fromAddress: text('from_address').notNull().default(''),
    at: integer('at').notNull(),
    subject: text('subject').notNull().default(''),
    /** At most 200 characters of plain text. */
    snippet: text('snippet').notNull().default(''),
    /** An out-of-office's announced return date (midnight UTC of that day). */
    returnAt: integer('return_at'),
    recordedAt: integer('recorded_at').notNull(),
  },
  (t) => [
    uniqueIndex('replies_message_key').on(t.messageKey),
    index('replies_contact').on(t.contactId, t.at),
    index('replies_at').on(t.at),
  ],
);

/** The opt-in Recruiterflow note of a reply: its own small queue, so a failing note never blocks a sync. */
export const replyNotes = sqliteTable(
  'reply_notes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    replyId: integer('reply_id')
      .notNull()
      .unique()
      .references(() => replies.id, { onDelete: 'cascade' }),
    state: text('state', { enum: ['pending', 'done', 'failed'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    lastError: text('last_error'),
    rfNoteId: integer('rf_note_id'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('reply_notes_state_next').on(t.state, t.nextAttemptAt)],
);
