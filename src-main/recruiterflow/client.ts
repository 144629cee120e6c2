// The Recruiterflow client the sync engine calls. Every method is one or a few HTTP calls built by
// requests.ts, sent by http.ts and read back through normalize.ts.
import type { CustomFieldDef, Job } from '../../src-shared/domain';
import { RecruiterflowError } from './errors';
import { createHttp, type HttpOptions } from './http';
import { findByIdentity, type IdentityKey, type IdentityMatches } from './identity';
import { findByEmails, InFilterCheck } from './lookup';
import { mergeForUpdate } from './merge';
import {
  listItems,
  normalizeCustomFieldDef,
  normalizeJob,
  normalizeJobDetail,
  normalizeProspect,
  normalizeUsers,
  singleRecord,
  totalItems,
} from './normalize';
import {
  planAddNote,
  clampPageSize,
  planAddToJob,
  planCreate,
  planCustomFieldList,
  planGet,
  planJob,
  planJobList,
  planMoveToStage,
  planUpdate,
  planUserList,
} from './requests';
import type { JobDetail, PlannedRequest, Prospect, ProspectInput, ProspectObject, RfUser } from './types';
import { asInt, asRecord } from './values';

export interface RecruiterflowClientOptions extends HttpOptions {
  /** Emails per search request (default 50). */
  searchBatchSize?: number;
  /** Rows per page for searches and job lists (default 100, at most 100). */
  pageSize?: number;
  /** What is known of this server's `in` filter, kept across clients (default: a fresh check). */
  inFilter?: InFilterCheck;
}

export interface RecruiterflowClient {
  ping(): Promise<void>;
  findByEmails(emails: string[], objects?: ProspectObject[]): Promise<Map<string, Prospect>>;
  /** Records holding each LinkedIn URL or phone exactly (normalized), batched (recruiterflow/identity.ts). */
  findByIdentity(key: IdentityKey, values: string[], object: ProspectObject): Promise<IdentityMatches>;
  addCandidate(body: ProspectInput): Promise<number>;
  addContact(body: ProspectInput): Promise<number>;
  updateCandidate(id: number, body: ProspectInput): Promise<void>;
  updateContact(id: number, body: ProspectInput): Promise<void>;
  /** Sends an update as it is: the caller has read the record and merged (see merge.ts). */
  sendUpdate(object: ProspectObject, id: number, merged: ProspectInput): Promise<void>;
  getCandidate(id: number): Promise<Prospect>;
  getContact(id: number): Promise<Prospect>;
  addToJob(candidateId: number, jobId: number, addedTime?: Date): Promise<void>;
  moveToStage(candidateId: number, jobId: number, stage: { id: number; name: string }, userId: number | null): Promise<void>;
  listJobs(): Promise<Job[]>;
  getJob(id: number): Promise<JobDetail>;
  listCustomFields(object: ProspectObject): Promise<CustomFieldDef[]>;
  listUsers(): Promise<RfUser[]>;
  /** Adds a note; returns its id. */
  addNote(object: ProspectObject, id: number, value: string): Promise<number>;
}

const MAX_LIST_PAGES = 1000;

export function createRecruiterflowClient(o: RecruiterflowClientOptions): RecruiterflowClient {
  const send = createHttp(o);
  const pageSize = clampPageSize(o.pageSize);
  const inFilter = o.inFilter ?? new InFilterCheck();
  const run = (plan: PlannedRequest): Promise<unknown> =>
    send({ method: plan.method, path: plan.path, body: plan.method === 'GET' ? undefined : plan.body });
  const pathOf = (plan: PlannedRequest): string => plan.path.split('?')[0] ?? plan.path;

  /**
   * The connection check and the metadata reads: a 403 there means the key is valid but may not read
   * what sync needs. That stops every sync as surely as a refused key, so it is reported as one.
   */
  async function setupRead(plan: PlannedRequest): Promise<unknown> {
    try {
      return await run(plan);
    } catch (e) {
      if (e instanceof RecruiterflowError && e.status === 403) throw lacksPermission(e, plan.method, pathOf(plan));
      throw e;
    }
  }

  /**
   * Every page of a list: until an empty page, a page with nothing new, `total_items`, or a page shorter
   * than the first. The first page's length is the server's page size, which may be less than asked (a
   * server with its own cap), so a short first page is not taken for the last one.
   */
  async function readAll<T>(
    plan: (page: number) => PlannedRequest,
    read: (items: unknown[], path: string) => T[],
    id: (t: T) => number,
  ): Promise<T[]> {
    const all = new Map<number, T>();
    const seen = new Set<string>();
    let served = 0;
    for (let page = 1; page <= MAX_LIST_PAGES; page++) {
      const p = plan(page);
      const value = await setupRead(p);
      const items = listItems(value, pathOf(p));
      if (page === 1) served = items.length;
      let fresh = 0;
      for (const item of items) {
        const key = JSON.stringify(asRecord(item)?.id ?? item);
        if (!seen.has(key)) fresh++;
        seen.add(key);
      }
      for (const t of read(items, pathOf(p))) all.set(id(t), t);
      const total = totalItems(value);
      if (items.length === 0 || fresh === 0 || (total !== null && seen.size >= total)) break;
      if (items.length < served) break;
    }
    return [...all.values()];
  }

  async function create(object: ProspectObject, body: ProspectInput): Promise<number> {
    const plan = planCreate(object, body);
    const value = await run(plan);
    const rec = asRecord(value);
    const id = asInt(asRecord(rec?.data)?.id) ?? asInt(rec?.id) ?? asInt(rec?.data);
    if (id === null) {
      throw new RecruiterflowError('bad_response', `Recruiterflow did not return the new ${object}'s id (POST ${pathOf(plan)})`, {
        method: 'POST',
        path: pathOf(plan),
      });
    }
    return id;
  }

  async function get(object: ProspectObject, id: number): Promise<Prospect> {
    const plan = planGet(object, id);
    const rec = singleRecord(await run(plan), pathOf(plan));
    if (!rec) {
      throw new RecruiterflowError('not_found', `Recruiterflow has no ${object} with id ${id}`, { method: 'GET', path: pathOf(plan) });
    }
    return normalizeProspect(rec, object, pathOf(plan));
  }

  async function update(object: ProspectObject, id: number, body: ProspectInput): Promise<void> {
    const current = await get(object, id);
    const merged = mergeForUpdate(current, body);
    if (Object.keys(merged).length === 0) return; // nothing would change: save the call
    await run(planUpdate(object, id, merged));
  }

  return {
    async ping() {
      const plan = planUserList();
      listItems(await setupRead(plan), pathOf(plan));
    },

    findByEmails(emails, objects = ['candidate', 'contact']) {
      return findByEmails(send, emails, objects, { batchSize: o.searchBatchSize, pageSize, inFilter });
    },

    findByIdentity(key, values, object) {
      return findByIdentity(send, key, values, object, { batchSize: o.searchBatchSize, pageSize, inFilter });
    },

    addCandidate: (body) => create('candidate', body),
    addContact: (body) => create('contact', body),
    updateCandidate: (id, body) => update('candidate', id, body),
    updateContact: (id, body) => update('contact', id, body),
    async sendUpdate(object, id, merged) {
      await run(planUpdate(object, id, merged));
    },
    getCandidate: (id) => get('candidate', id),
    getContact: (id) => get('contact', id),

    async addToJob(candidateId, jobId, addedTime) {
      try {
        await run(planAddToJob(candidateId, jobId, addedTime));
      } catch (e) {
        // A repeated add may be refused; if the candidate is already on the job, that is success.
        if (e instanceof RecruiterflowError && (e.kind === 'invalid_data' || e.kind === 'conflict')) {
          const current = await get('candidate', candidateId).catch(() => null);
          if (current?.jobIds.includes(jobId)) return;
        }
        throw e;
      }
    },

    async moveToStage(candidateId, jobId, stage, userId) {
      await run(planMoveToStage(candidateId, jobId, stage, userId));
    },

    listJobs() {
      return readAll(
        (page) => planJobList(page, pageSize),
        (items, path) => items.map((item) => normalizeJob(item, path)),
        (job) => job.id,
      );
    },

    async getJob(id) {
      const plan = planJob(id);
      return normalizeJobDetail(await run(plan), pathOf(plan));
    },

    async listCustomFields(object) {
      const plan = planCustomFieldList(object);
      return listItems(await setupRead(plan), pathOf(plan)).map((f) => normalizeCustomFieldDef(f, object, pathOf(plan)));
    },

    async addNote(object, id, value) {
      const plan = planAddNote(object, id, value);
      const noteId = asInt(asRecord(await run(plan))?.note_id);
      if (noteId === null) {
        throw new RecruiterflowError('bad_response', `Recruiterflow did not return the note's id (POST ${pathOf(plan)})`, {
          method: 'POST',
          path: pathOf(plan),
        });
      }
      return noteId;
    },

    listUsers() {
      // The spec shows one answer, but a large account's user list may well be paged like the others.
      return readAll(
        (page) => planUserList(page, pageSize),
        normalizeUsers,
        (user) => user.id,
      );
    },
  };
}

/** The key works but may not read `path`: an `unauthorized` error that names what it lacks. */
function lacksPermission(e: RecruiterflowError, method: string, path: string): RecruiterflowError {
  const said = e.serverMessage ? `: ${e.serverMessage}` : '';
  return new RecruiterflowError('unauthorized', `The key lacks permission for ${method} ${path} (403)${said}`, {
    status: 403,
    serverMessage: e.serverMessage,
    method,
    path,
    cause: e,
  });
}
