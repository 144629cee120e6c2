// Records that change on Recruiterflow's side while Flowbridge runs: a recruiter deletes a profile, or
// merges two profiles of one person into one (the survivor keeps both's emails, phones and jobs).
// Tests and the e2e journeys call these through the admin endpoints or the Sandbox object.
import { failure, ok, type Reply } from './reply';
import type { SandboxState } from './state';
import type { StoredProspect } from './types';

function positiveId(v: unknown): number | null {
  return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : null;
}

/** Deletes a record: gone from search, list and get (what get answers is the `goneGet` switch). */
export function deleteProspect(state: SandboxState, id: unknown): Reply {
  const n = positiveId(id);
  const p = n === null ? undefined : state.prospects.get(n);
  if (!p) return failure(404, `No record with id ${JSON.stringify(id)}`);
  remove(state, p, null);
  return ok({ deleted: p.id });
}

/** Merges record `id` into `into` (same type): `into` survives with both's emails, phones and jobs. */
export function mergeProspect(state: SandboxState, id: unknown, into: unknown): Reply {
  const a = positiveId(id);
  const b = positiveId(into);
  const loser = a === null ? undefined : state.prospects.get(a);
  const survivor = b === null ? undefined : state.prospects.get(b);
  if (!loser || !survivor) return failure(404, `Both records must exist (id ${JSON.stringify(id)}, into ${JSON.stringify(into)})`);
  if (loser.id === survivor.id) return failure(400, 'A record cannot be merged into itself');
  if (loser.type !== survivor.type) return failure(400, 'Only records of the same type can be merged');
  const emails = [...survivor.email];
  const phones = [...survivor.phone_number];
  const jobs = [...survivor.jobs];
  const taken = { email: loser.email, phones: loser.phone_number };
  remove(state, loser, survivor.id);
  for (const e of taken.email)
    if (!emails.some((x) => x.email.toLowerCase() === e.email.toLowerCase())) emails.push({ email: e.email, is_primary: 0 });
  for (const x of taken.phones) if (!phones.some((y) => y.phone_number === x.phone_number)) phones.push(x);
  for (const j of loser.jobs) if (!jobs.some((y) => y.job_id === j.job_id)) jobs.push(j);
  state.setEmails(survivor, emails);
  state.setPhones(survivor, phones);
  survivor.jobs = jobs;
  if (typeof survivor.fields.linkedin_profile !== 'string' && typeof loser.fields.linkedin_profile === 'string')
    survivor.fields.linkedin_profile = loser.fields.linkedin_profile;
  return ok({ merged: loser.id, into: survivor.id });
}

function remove(state: SandboxState, p: StoredProspect, survivor: number | null): void {
  state.setEmails(p, []);
  state.setPhones(p, []);
  state.prospects.delete(p.id);
  state.gone.set(p.id, { type: p.type, survivor });
}
