// The endpoints the sandbox serves under /api/external, each a pure function of the request and
// the state. Paths here are relative to /api/external.
import { failure, fill, ok, type Reply } from './reply';
import { renderJob, renderProspect, renderUser } from './render';
import type { SandboxState } from './state';
import type { Faults, ProspectType, SandboxMessages, StoredProspect } from './types';
import { moveToStage } from './stages';
import { addProspect, addToJob, updateProspect } from './writes';
import type { WriteContext } from './writeContext';

interface RouteContext extends WriteContext {
  state: SandboxState;
  faults: Faults;
  messages: SandboxMessages;
  now: number;
  query: URLSearchParams;
  body: Record<string, unknown>;
}

export interface Route {
  method: 'GET' | 'POST';
  handle(ctx: RouteContext): Reply;
}

function positiveInt(v: unknown): number | null {
  if (typeof v === 'number' && Number.isInteger(v) && v > 0) return v;
  if (typeof v === 'string' && /^\d+$/.test(v.trim()) && Number(v) > 0) return Number(v);
  return null;
}

function flag(v: unknown): boolean {
  return v === true || v === 1 || v === 'true' || v === '1' || v === 'True';
}

/** A page of `items` as a bare array, or `{data,total_items}` with include_count (+ `rank` on searches). */
function page(items: unknown[], perPage: number, current: number, withCount: boolean, extra: Record<string, unknown> = {}): Reply {
  const slice = items.slice((current - 1) * perPage, current * perPage);
  return ok(withCount ? { data: slice, total_items: items.length, ...extra } : slice);
}

/** The page size served: what was asked, capped by the maxPageSize switch. */
function served(faults: Faults, perPage: number): number {
  const cap = faults.maxPageSize;
  return cap !== undefined && cap > 0 ? Math.min(cap, perPage) : perPage;
}

function queryPaging(q: URLSearchParams, faults: Faults): { perPage: number; current: number } | Reply {
  const per = q.has('items_per_page') ? positiveInt(q.get('items_per_page')) : 10;
  const cur = q.has('current_page') ? positiveInt(q.get('current_page')) : 1;
  if (per === null) return failure(400, 'items_per_page must be a positive integer');
  if (cur === null) return failure(400, 'current_page must be a positive integer');
  return { perPage: served(faults, per), current: cur };
}

const SEARCH_KEYS: Record<string, (p: StoredProspect) => string[]> = {
  email: (p) => p.email.map((e) => e.email),
  phone_number: (p) => p.phone_number.map((x) => x.phone_number),
  name: (p) => [p.name],
  linkedin_profile: (p) => (typeof p.fields.linkedin_profile === 'string' ? [p.fields.linkedin_profile] : []),
};

function search(ctx: RouteContext, type: ProspectType): Reply {
  const b = ctx.body;
  for (const k of ['items_per_page', 'conjunction', 'current_page']) {
    if (!(k in b)) return failure(400, `${k} is required`);
  }
  const asked = positiveInt(b.items_per_page);
  const current = positiveInt(b.current_page);
  if (asked === null) return failure(400, 'items_per_page must be a positive integer');
  const perPage = served(ctx.faults, asked);
  if (current === null) return failure(400, 'current_page must be a positive integer');
  if (b.conjunction !== 'match-all' && b.conjunction !== 'match-any') return failure(400, 'conjunction must be match-all or match-any');
  const filters = b.filters ?? [];
  if (!Array.isArray(filters)) return failure(400, 'filters must be a list');

  const preds: ((p: StoredProspect) => boolean)[] = [];
  for (const f of filters) {
    const rec = f && typeof f === 'object' ? (f as Record<string, unknown>) : {};
    const key = typeof rec.key === 'string' ? rec.key : '';
    const read = SEARCH_KEYS[key];
    if (!read) return failure(400, `Unsupported filter key: ${JSON.stringify(rec.key)}`);
    if (rec.conjunction !== 'in') return failure(400, `Unsupported filter conjunction: ${JSON.stringify(rec.conjunction)}`);
    const all = Array.isArray(rec.values)
      ? rec.values.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim().toLowerCase())
      : [];
    if (!all.length) return failure(400, 'filter values must be a non-empty list of strings');
    const values = ctx.faults.inFilterFirstValueOnly === true ? all.slice(0, 1) : all;
    // Loose, substring matching, as observed on the real API; a phone also by its digits unless told not to.
    const digits = key === 'phone_number' && ctx.faults.phoneSearchAsWritten !== true;
    preds.push((p) => read(p).some((x) => values.some((v) => x.toLowerCase().includes(v) || (digits && digitsMatch(x, v)))));
  }
  const matches: StoredProspect[] = [];
  const noneStrings = ctx.faults.noneStrings === true;
  for (const p of ctx.state.prospects.values()) {
    if (p.type !== type || p.searchableAt > ctx.now) continue;
    const hit = preds.length === 0 || (b.conjunction === 'match-all' ? preds.every((t) => t(p)) : preds.some((t) => t(p)));
    if (hit) matches.push(p);
  }
  const slice = matches
    .slice((current - 1) * perPage, current * perPage)
    .map((p) => renderProspect(ctx.state, p, 'search', noneStrings, ctx.faults.customFieldsReadAsText === true));
  return ok(flag(b.include_count) ? { data: slice, total_items: matches.length, rank: {} } : slice);
}

/** A phone stored "+1 (555) 010-0123" is found by "15550100123" and by "5550100123". */
function digitsMatch(stored: string, value: string): boolean {
  const v = value.replace(/\D/g, '');
  return v.length >= 7 && stored.replace(/\D/g, '').includes(v);
}

function getOne(ctx: RouteContext, type: ProspectType): Reply {
  const id = positiveInt(ctx.query.get('id'));
  if (id === null) return failure(400, 'id is required');
  const gone = ctx.state.gone.get(id);
  if (gone && gone.type === type && ctx.faults.goneGet === 'survivor') {
    const survivor = gone.survivor === null ? undefined : ctx.state.prospects.get(gone.survivor);
    if (!survivor) return ok(type === 'candidate' ? [] : {});
    const rec = renderProspect(ctx.state, survivor, 'get', ctx.faults.noneStrings === true, ctx.faults.customFieldsReadAsText === true);
    return ok(type === 'candidate' && ctx.faults.candidateGetAsArray !== false ? [rec] : rec);
  }
  const p = ctx.state.prospects.get(id);
  if (!p || p.type !== type) return failure(404, fill(ctx.messages.unknownProspect, { object: type }));
  const rec = renderProspect(ctx.state, p, 'get', ctx.faults.noneStrings === true, ctx.faults.customFieldsReadAsText === true);
  return ok(type === 'candidate' && ctx.faults.candidateGetAsArray !== false ? [rec] : rec);
}

function list(ctx: RouteContext, type: ProspectType): Reply {
  const paging = queryPaging(ctx.query, ctx.faults);
  if ('status' in paging) return paging;
  const items = [...ctx.state.prospects.values()]
    .filter((p) => p.type === type)
    .map((p) => renderProspect(ctx.state, p, 'get', ctx.faults.noneStrings === true, ctx.faults.customFieldsReadAsText === true));
  return page(items, paging.perPage, paging.current, flag(ctx.query.get('include_count')));
}

function customFieldList(ctx: RouteContext, type: ProspectType): Reply {
  const key = ctx.faults.choicesAsOptions === true ? 'options' : 'choices';
  const defs = ctx.state.customFields[type].map((d) => ({
    id: d.id,
    name: d.name,
    type: d.type,
    ...(d.choices ? { [key]: d.choices } : {}),
  }));
  // As in the spec examples: candidates answer {data,total_items}, contacts a bare array.
  return ok(type === 'candidate' ? { data: defs, total_items: defs.length } : defs);
}

const NOTE_KEYS = new Set(['id', 'value', 'created_by', 'mentions']);

/** candidate/notes/add and contact/notes/add, strictly as the published spec has them: {id, value, created_by?, mentions?}. */
function addNote(ctx: RouteContext, type: ProspectType): Reply {
  const b = ctx.body;
  const unknown = Object.keys(b).filter((k) => !NOTE_KEYS.has(k));
  if (unknown.length > 0) return failure(400, `Unknown field(s): ${unknown.join(', ')}`);
  if (!(typeof b.id === 'number' && Number.isInteger(b.id) && b.id > 0)) return failure(400, 'id must be the integer id of the ' + type);
  if (typeof b.value !== 'string' || b.value.trim() === '') return failure(400, 'value (the note text) is required');
  if (b.created_by !== undefined && !(typeof b.created_by === 'number' && Number.isInteger(b.created_by)))
    return failure(400, 'created_by must be an integer user id');
  if (b.mentions !== undefined && !(Array.isArray(b.mentions) && b.mentions.every((m) => typeof m === 'number' && Number.isInteger(m)))) {
    return failure(400, 'mentions must be a list of integer user ids');
  }
  const p = ctx.state.prospects.get(b.id);
  if (!p || p.type !== type) return failure(404, fill(ctx.messages.unknownProspect, { object: type }));
  const id = ctx.state.notes.length + 1;
  ctx.state.notes.push({
    id,
    prospectId: p.id,
    type,
    value: b.value,
    createdBy: b.created_by ?? null,
    mentions: (b.mentions as number[] | undefined) ?? [],
    at: ctx.now,
  });
  return ok({ note_id: id });
}

const post = (handle: Route['handle']): Route => ({ method: 'POST', handle });
const get = (handle: Route['handle']): Route => ({ method: 'GET', handle });

export const ROUTES: Record<string, Route> = {
  'candidate/add': post((c) => addProspect(c, 'candidate', c.body)),
  'contact/add': post((c) => addProspect(c, 'contact', c.body)),
  'candidate/update': post((c) => updateProspect(c, 'candidate', c.body)),
  'contact/update': post((c) => updateProspect(c, 'contact', c.body)),
  'candidate/search': post((c) => search(c, 'candidate')),
  'contact/search': post((c) => search(c, 'contact')),
  'candidate/get': get((c) => getOne(c, 'candidate')),
  'contact/get': get((c) => getOne(c, 'contact')),
  'candidate/list': get((c) => list(c, 'candidate')),
  'contact/list': get((c) => list(c, 'contact')),
  'candidate/notes/add': post((c) => addNote(c, 'candidate')),
  'contact/notes/add': post((c) => addNote(c, 'contact')),
  'candidate/add-to-job': post((c) => addToJob(c, c.body)),
  'candidate/move-to-stage': post((c) => moveToStage(c, c.body)),
  'candidate/custom-field/list': get((c) => customFieldList(c, 'candidate')),
  'contact/custom-field/list': get((c) => customFieldList(c, 'contact')),
  'job/list': get((c) => {
    const paging = queryPaging(c.query, c.faults);
    if ('status' in paging) return paging;
    const onlyOpen = flag(c.query.get('only_open'));
    const jobs = c.state.jobs.filter((j) => !onlyOpen || j.is_open).map((j) => renderJob(j, false));
    return page(jobs, paging.perPage, paging.current, flag(c.query.get('include_count')));
  }),
  job: get((c) => {
    const id = positiveInt(c.query.get('job_id'));
    if (id === null) return failure(400, 'job_id is required');
    const job = c.state.job(id);
    if (!job) return failure(404, c.messages.unknownJob);
    return ok(renderJob(job, flag(c.query.get('include_stages'))));
  }),
  'user/list': get((c) => {
    const users = c.state.users.map(renderUser);
    if (c.faults.pagedUsers === true) {
      const paging = queryPaging(c.query, c.faults);
      if ('status' in paging) return paging;
      return page(users, paging.perPage, paging.current, flag(c.query.get('include_count')));
    }
    return ok(flag(c.query.get('include_count')) ? { data: users, total_items: users.length } : users);
  }),
  'reference/phone-types': get(() =>
    ok({
      data: [
        { id: 2, name: 'Home' },
        { id: 1, name: 'Mobile' },
        { id: 4, name: 'Other' },
        { id: 3, name: 'Work' },
      ],
    }),
  ),
};
