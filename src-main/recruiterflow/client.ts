// The Recruiterflow client the sync engine calls. Every method is one or a few HTTP calls built by
// requests.ts, sent by http.ts and read back through normalize.ts.
import type { CustomFieldDef, Job } from '../../src-shared/domain';
import { RecruiterflowError } from './errors';
import { createHttp, type HttpOptions } from './http';
import { findByEmails } from './lookup';
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
  DEFAULT_PAGE_SIZE,
  planAddNote,
  planAddToJob,
  planCreate,
  planCustomFieldList,
  planGet,
  planJob,
  planJobList,
  planUpdate,
  planUserList,
} from './requests';
import type { JobDetail, PlannedRequest, Prospect, ProspectInput, ProspectObject, RfUser } from './types';
import { asInt, asRecord } from './values';

export interface RecruiterflowClientOptions extends HttpOptions {
  /** Emails per search request (default 50). */
  searchBatchSize?: number;
  /** Rows per page for searches and job lists (default 100). */
  pageSize?: number;
}

export interface RecruiterflowClient {
  ping(): Promise<void>;
  findByEmails(emails: string[], objects?: ProspectObject[]): Promise<Map<string, Prospect>>;
  addCandidate(body: ProspectInput): Promise<number>;
  addContact(body: ProspectInput): Promise<number>;
  updateCandidate(id: number, body: ProspectInput): Promise<void>;
  updateContact(id: number, body: ProspectInput): Promise<void>;
  getCandidate(id: number): Promise<Prospect>;
  getContact(id: number): Promise<Prospect>;
  addToJob(candidateId: number, jobId: number, addedTime?: Date): Promise<void>;
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
  const pageSize = Math.max(1, o.pageSize ?? DEFAULT_PAGE_SIZE);
  const run = (plan: PlannedRequest): Promise<unknown> =>
    send({ method: plan.method, path: plan.path, body: plan.method === 'GET' ? undefined : plan.body });
  const pathOf = (plan: PlannedRequest): string => plan.path.split('?')[0] ?? plan.path;

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
      listItems(await run(plan), pathOf(plan));
    },

    findByEmails(emails, objects = ['candidate', 'contact']) {
      return findByEmails(send, emails, objects, { batchSize: o.searchBatchSize, pageSize });
    },

    addCandidate: (body) => create('candidate', body),
    addContact: (body) => create('contact', body),
    updateCandidate: (id, body) => update('candidate', id, body),
    updateContact: (id, body) => update('contact', id, body),
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

    async listJobs() {
      const jobs = new Map<number, Job>();
      for (let page = 1; page <= MAX_LIST_PAGES; page++) {
        const plan = planJobList(page, pageSize);
        const value = await run(plan);
        const items = listItems(value, pathOf(plan));
        let fresh = 0;
        for (const item of items) {
          const job = normalizeJob(item, pathOf(plan));
          if (!jobs.has(job.id)) fresh++;
          jobs.set(job.id, job);
        }
        const total = totalItems(value);
        if (items.length < pageSize || fresh === 0 || (total !== null && jobs.size >= total)) break;
      }
      return [...jobs.values()];
    },

    async getJob(id) {
      const plan = planJob(id);
      return normalizeJobDetail(await run(plan), pathOf(plan));
    },

    async listCustomFields(object) {
      const plan = planCustomFieldList(object);
      return listItems(await run(plan), pathOf(plan)).map((f) => normalizeCustomFieldDef(f, object, pathOf(plan)));
    },

    async addNote(object, id, value) {
      const plan = planAddNote(object, id, value);
      const noteId = asInt(asRecord(await run(plan))?.note_id);
      if (noteId === null) {
        throw new RecruiterflowError('bad_response', `Recruiterflow did not return the note's id (POST ${pathOf(plan)})`, { method: 'POST', path: pathOf(plan) });
      }
      return noteId;
    },

    async listUsers() {
      const plan = planUserList();
      return normalizeUsers(listItems(await run(plan), pathOf(plan)), pathOf(plan));
    },
  };
}
