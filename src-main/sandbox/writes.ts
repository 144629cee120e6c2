// candidate/contact add and update, and add-to-job: the sandbox's write rules.
import { checkCustomFields } from './customFieldRules';
import { failure, fill, success, type Reply } from './reply';
import { checkLeadOwner } from './stages';
import { emailKey } from './state';
import type { WriteContext } from './writeContext';
import type { ProspectType, StoredProspect } from './types';

const NAME_KEYS = new Set(['id', 'name', 'first_name', 'last_name', 'email', 'phone_number', 'custom_fields', 'added_time']);
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:?\d{2})?$/;

/** Recruiterflow's datetime form, e.g. `2021-01-12T10:16:16+0000`. */
function rfDateTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+0000');
}

type Parsed<T> = { ok: true; value: T } | { ok: false; reply: Reply };

function parseEmails(v: unknown): Parsed<StoredProspect['email']> {
  if (!Array.isArray(v)) return { ok: false, reply: failure(400, 'email must be a list of {"email", "is_primary"}') };
  const out: StoredProspect['email'] = [];
  for (const e of v) {
    const rec = e && typeof e === 'object' ? (e as Record<string, unknown>) : null;
    const email = rec && typeof rec.email === 'string' ? rec.email.trim() : '';
    if (!rec || !/^[^\s@]+@[^\s@]+$/.test(email)) return { ok: false, reply: failure(400, `Invalid email: ${JSON.stringify(e)}`) };
    out.push({ email, is_primary: rec.is_primary === 1 || rec.is_primary === true ? 1 : 0 });
  }
  if (out.length && !out.some((e) => e.is_primary === 1)) out[0]!.is_primary = 1;
  return { ok: true, value: out };
}

function parsePhones(v: unknown): Parsed<StoredProspect['phone_number']> {
  if (!Array.isArray(v)) return { ok: false, reply: failure(400, 'phone_number must be a list of {"phone_number", "type"}') };
  const out: StoredProspect['phone_number'] = [];
  for (const p of v) {
    const rec = p && typeof p === 'object' ? (p as Record<string, unknown>) : null;
    if (!rec || typeof rec.phone_number !== 'string' || rec.phone_number.trim() === '') {
      return { ok: false, reply: failure(400, `Invalid phone number: ${JSON.stringify(p)}`) };
    }
    if (!(typeof rec.type === 'number' && [1, 2, 3, 4].includes(rec.type))) {
      return { ok: false, reply: failure(400, `Invalid phone type: ${JSON.stringify(rec.type)} (see reference/phone-types)`) };
    }
    out.push({ phone_number: rec.phone_number.trim(), type: rec.type });
  }
  return { ok: true, value: out };
}

function conflict(
  ctx: WriteContext,
  type: ProspectType,
  self: number | null,
  emails: StoredProspect['email'] | undefined,
  phones: StoredProspect['phone_number'] | undefined,
): Reply | null {
  for (const e of emails ?? []) {
    const owner = ctx.state.ownerOfEmail(e.email, type);
    if (owner !== undefined && owner !== self) return { status: 409, json: { message: ctx.messages.duplicateEmail } };
  }
  for (const p of phones ?? []) {
    const owner = ctx.state.ownerOfPhone(p.phone_number, type);
    if (owner !== undefined && owner !== self) return { status: 409, json: { message: ctx.messages.duplicatePhone } };
  }
  return null;
}

function checkShapes(body: Record<string, unknown>): Reply | null {
  for (const k of ['tags', 'skills', 'websites']) {
    if (k in body && !(Array.isArray(body[k]) && (body[k] as unknown[]).every((x) => typeof x === 'string'))) {
      return failure(400, `${k} must be a list of strings`);
    }
  }
  if ('location' in body && (typeof body.location !== 'object' || body.location === null || Array.isArray(body.location))) {
    return failure(400, 'location must be an object');
  }
  if ('added_time' in body && !(typeof body.added_time === 'string' && DATETIME.test(body.added_time))) {
    return failure(400, 'added_time must look like 2021-01-12T10:16:16+0000');
  }
  return null;
}

function text(v: unknown): string {
  return typeof v === 'string' ? v.trim() : '';
}

interface Prepared {
  emails?: StoredProspect['email'];
  phones?: StoredProspect['phone_number'];
  customFields?: StoredProspect['custom_fields'];
}

function prepare(ctx: WriteContext, type: ProspectType, body: Record<string, unknown>): Parsed<Prepared> {
  const shape = checkShapes(body) ?? checkLeadOwner(ctx, body);
  if (shape) return { ok: false, reply: shape };
  const out: Prepared = {};
  if ('email' in body) {
    const e = parseEmails(body.email);
    if (!e.ok) return e;
    out.emails = e.value;
  }
  if ('phone_number' in body) {
    const p = parsePhones(body.phone_number);
    if (!p.ok) return p;
    out.phones = p.value;
  }
  if ('custom_fields' in body) {
    const c = checkCustomFields(ctx.state.customFields[type], body.custom_fields);
    if (!c.ok) return { ok: false, reply: failure(400, fill(ctx.messages.customField, { field: c.field, problem: c.problem })) };
    out.customFields = c.list;
  }
  return { ok: true, value: out };
}

function applyNames(p: StoredProspect, body: Record<string, unknown>): void {
  const hasFirst = 'first_name' in body || 'last_name' in body;
  if ('first_name' in body) p.first_name = text(body.first_name);
  if ('last_name' in body) p.last_name = text(body.last_name);
  if ('name' in body) {
    p.name = text(body.name);
    if (!hasFirst) {
      const parts = p.name.split(/\s+/).filter(Boolean);
      p.first_name = parts[0] ?? '';
      p.last_name = parts.slice(1).join(' ');
    }
  } else if (hasFirst) {
    p.name = [p.first_name, p.last_name].filter(Boolean).join(' ');
  }
}

export function addProspect(ctx: WriteContext, type: ProspectType, body: Record<string, unknown>): Reply {
  const prepared = prepare(ctx, type, body);
  if (!prepared.ok) return prepared.reply;
  if (!text(body.name) && !text(body.first_name)) return failure(400, ctx.messages.nameRequired);
  const { emails, phones, customFields } = prepared.value;
  // noConflictOnCreate: a duplicate email makes a second profile (phones still clash).
  const clash = conflict(ctx, type, null, ctx.faults.noConflictOnCreate === true ? [] : emails, phones);
  if (clash) return clash;

  const p: StoredProspect = {
    id: ctx.state.takeId(),
    type,
    name: '',
    first_name: '',
    last_name: '',
    email: [],
    phone_number: [],
    custom_fields: customFields ?? [],
    fields: {},
    jobs: [],
    added_time: typeof body.added_time === 'string' ? body.added_time : rfDateTime(ctx.now),
    createdAt: ctx.now,
    searchableAt: ctx.now + Math.max(0, ctx.faults.searchLagMs ?? 0),
  };
  applyNames(p, body);
  for (const [k, v] of Object.entries(body)) if (!NAME_KEYS.has(k)) p.fields[k] = v;
  p.email = emails ?? [];
  p.phone_number = phones ?? [];
  ctx.state.insert(p);
  ctx.state.createLog.push({ email: p.email[0] ? emailKey(p.email[0].email) : '', type, id: p.id, at: ctx.now });
  return success({ data: { id: p.id } });
}

function prospectId(v: unknown): number | null {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^\d+$/.test(v)) return Number(v);
  return null;
}

export function updateProspect(ctx: WriteContext, type: ProspectType, body: Record<string, unknown>): Reply {
  const id = prospectId(body.id);
  const p = id === null ? undefined : ctx.state.prospects.get(id);
  if (!p || p.type !== type) return failure(400, fill(ctx.messages.unknownProspect, { object: type }));
  const prepared = prepare(ctx, type, body);
  if (!prepared.ok) return prepared.reply;
  const { emails, phones, customFields } = prepared.value;
  const clash = conflict(ctx, p.type, p.id, emails, phones);
  if (clash) return clash;
  // "Complete update": each key sent replaces the stored value; keys not sent stay as they are.
  applyNames(p, body);
  if (emails) ctx.state.setEmails(p, emails);
  if (phones) ctx.state.setPhones(p, phones);
  if (customFields) p.custom_fields = customFields;
  for (const [k, v] of Object.entries(body)) if (!NAME_KEYS.has(k)) p.fields[k] = v;
  return success();
}

export function addToJob(ctx: WriteContext, body: Record<string, unknown>): Reply {
  const id = prospectId(body.id);
  const jobId = prospectId(body.job_id);
  const p = id === null ? undefined : ctx.state.prospects.get(id);
  if (!p || p.type !== 'candidate') return failure(400, fill(ctx.messages.unknownProspect, { object: 'candidate' }));
  const job = jobId === null ? undefined : ctx.state.job(jobId);
  if (!job) return failure(400, ctx.messages.unknownJob);
  if ('added_time' in body && !(typeof body.added_time === 'string' && DATETIME.test(body.added_time))) {
    return failure(400, 'added_time must look like 2021-01-12T10:16:16+0000');
  }
  const sourced = job.stages.find((s) => s.name === 'Sourced') ?? job.stages[0];
  const already = p.jobs.find((j) => j.job_id === job.id);
  if (already) {
    if (ctx.faults.repeatAddToJob === 'error') return failure(400, ctx.messages.alreadyOnJob);
    if (ctx.faults.repeatAddToJob === 'reset') {
      already.stage_id = sourced?.id ?? 0;
      already.stage_name = sourced?.name ?? 'Sourced';
      already.stage_moved = rfDateTime(ctx.now);
    }
    return success();
  }
  p.jobs.push({
    job_id: job.id,
    stage_id: sourced?.id ?? 0,
    stage_name: sourced?.name ?? 'Sourced',
    stage_moved: typeof body.added_time === 'string' ? body.added_time : rfDateTime(ctx.now),
  });
  return success();
}
