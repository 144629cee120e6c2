// Shapes of the sandbox Recruiterflow: its options, fault knobs and stored records.

export interface Faults {
  /** Added to every response. */
  latencyMs?: number;
  /** Sliding one-second window; requests beyond it get 429. */
  rateLimitPerSecond?: number;
  /** Send Retry-After on rate-limit 429s (default true). */
  rateLimitRetryAfter?: boolean;
  /** Share of requests answered with a random status from errorStatuses. */
  errorRate?: number;
  /** Default [500, 502, 503]. */
  errorStatuses?: number[];
  /** Retry-After for injected 429s, in seconds; null = no header (default 1). */
  retryAfterSeconds?: number | null;
  /** Share of requests whose socket is destroyed without an answer. */
  dropRate?: number;
  /** Share of requests delayed by slowMs (default 30000) before being answered. */
  slowRate?: number;
  slowMs?: number;
  /** Share of requests answered 200 with an HTML page. */
  htmlRate?: number;
  /** A created record is invisible to search for this long. */
  searchLagMs?: number;
  /** candidate/add and contact/add create the record first and answer this much later (a slow or lost answer). */
  createAnswerDelayMs?: number;
  /** candidate/move-to-stage moves first and answers this much later (an answer the client gives up on). */
  moveAnswerDelayMs?: number;
  /** candidate/update and contact/update apply the change first and answer this much later (a kill lands in between). */
  updateAnswerDelayMs?: number;
  /**
   * Requests to these paths are carried out, then their answer is lost (the connection closes), `times`
   * times each: a write that happened although the caller never heard so.
   */
  loseAnswerPaths?: { path: string; times: number }[];
  /** Write the string "None" instead of null in nullable fields. */
  noneStrings?: boolean;
  /** candidate/get answers a 1-element array (default true, like the spec example). */
  candidateGetAsArray?: boolean;
  /**
   * A second add-to-job of the same pair: 'ok' (default), 400 'error', or 'reset': 200 and the candidate
   * goes back to the job's first stage (whatever stage it had reached).
   */
  repeatAddToJob?: 'ok' | 'error' | 'reset';
  // Strict switches: the other possibility of each behaviour the published documentation leaves open.
  /** An `in` filter matches only its first value (default: every value). */
  inFilterFirstValueOnly?: boolean;
  /** A create for an email another profile holds succeeds (a second profile) instead of a 409. */
  noConflictOnCreate?: boolean;
  /** Custom fields read back as display text with typed keys (`single_select_name`, …), not as written. */
  customFieldsReadAsText?: boolean;
  /** Lists and searches serve at most this many rows a page, whatever `items_per_page` asks. */
  maxPageSize?: number;
  /** Custom-field choices listed under `options` instead of `choices`. */
  choicesAsOptions?: boolean;
  /**
   * move-to-stage for a job the candidate is not on: by default a 400 (the safer guess); with this switch
   * the candidate is put on the job at that stage, as a lenient server might.
   */
  moveToStageAddsToJob?: boolean;
  /** user/list is paged like the other lists (`items_per_page`, default 10), instead of one answer. */
  pagedUsers?: boolean;
  /**
   * What candidate/get and contact/get answer for a record deleted or merged away. Undocumented; default
   * 'not_found' (404 FAILURE, as for an unknown id). 'survivor': 200 with the surviving record (its own
   * id) for a merged one, and 200 with an empty answer for a deleted one.
   */
  goneGet?: 'not_found' | 'survivor';
  /** A phone search matches the number as stored only (substring); default: also by its digits. */
  phoneSearchAsWritten?: boolean;
  /** The next `times` requests to `path` (e.g. "/api/external/candidate/add" or "candidate/add") fail. */
  failPaths?: FailPath[];
}

export interface FailPath {
  path: string;
  status: number;
  times: number;
  /** JSON body (default {"RESULT":"FAILURE","message":"Injected failure <status>"}); a string is sent as HTML. */
  body?: unknown;
  headers?: Record<string, string>;
}

/** Texts of the sandbox's own error answers; real Recruiterflow's wording is undocumented. */
export interface SandboxMessages {
  missingKey: string;
  invalidKey: string;
  duplicateEmail: string;
  duplicatePhone: string;
  /** {object} is candidate or contact. */
  unknownProspect: string;
  unknownJob: string;
  alreadyOnJob: string;
  nameRequired: string;
  unknownStage: string;
  notOnJob: string;
  /** {id} is filled in. */
  unknownUser: string;
  /** {field} and {problem} are filled in. */
  customField: string;
}

export interface SandboxOptions {
  /** 0 = a random free port (default). */
  port?: number;
  apiKeys?: string[];
  /** Demo jobs, custom fields, users and a few prospects (default true). */
  seed?: boolean;
  faults?: Faults;
  /** For deterministic faults; default a mulberry32 with a fixed seed. */
  random?: () => number;
  /** Time source for timestamps, search lag and the rate-limit window (default Date.now). */
  now?: () => number;
  messages?: Partial<SandboxMessages>;
  /** The admin endpoints' token (default: random per start). */
  adminToken?: string;
  /**
   * Page origins allowed besides the sandbox's own. Only for a test whose backend runs inside a simulated
   * page (the renderer tests: happy-dom's fetch sends its page's Origin); the app never sets it.
   */
  allowOrigins?: string[];
}

export type ProspectType = 'candidate' | 'contact';

interface StoredJobLink {
  job_id: number;
  stage_id: number;
  stage_name: string;
  stage_moved: string;
}

export interface StoredProspect {
  id: number;
  type: ProspectType;
  name: string;
  first_name: string;
  last_name: string;
  email: { email: string; is_primary: 0 | 1 }[];
  phone_number: { phone_number: string; type: number }[];
  custom_fields: { id: number; value: unknown }[];
  /** Every other key written (title, organization, client_company, tags, location, ...). */
  fields: Record<string, unknown>;
  jobs: StoredJobLink[];
  added_time: string;
  createdAt: number;
  /** Search finds the record from this time on (searchLagMs). */
  searchableAt: number;
}

export interface SandboxStage {
  id: number;
  name: string;
  rank: number;
}

export interface SandboxJob {
  id: number;
  name: string;
  is_open: boolean;
  department: string;
  company: string;
  location: string;
  stages: SandboxStage[];
}

export interface SandboxCustomField {
  id: number;
  name: string;
  type: string;
  choices?: { id: number; name: string }[];
}

export interface SandboxUser {
  id: number;
  email: string;
  first_name: string;
  last_name: string;
  roles: { id: number; name: string }[];
}

export interface StoredNote {
  id: number;
  prospectId: number;
  type: ProspectType;
  value: string;
  createdBy: number | null;
  mentions: number[];
  at: number;
}

/** One candidate/move-to-stage that moved a candidate. */
export interface StageMove {
  id: number;
  jobId: number;
  stageId: number;
  stageName: string;
  userId: number | null;
  at: number;
}

export interface CreateLogEntry {
  email: string;
  type: ProspectType;
  id: number;
  at: number;
}

export interface SandboxStats {
  requests: number;
  byPath: Record<string, number>;
  statuses: Record<string, number>;
  creates: number;
}
