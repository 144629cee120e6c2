// Read shapes, modelled on the spec's examples: emails/phones as plain strings in get/list and as
// objects in search; nullable fields as null, or as the string "None" when that fault is on.
import { leadOwnerOf } from './stages';
import type { SandboxState } from './state';
import type { SandboxCustomField, SandboxJob, StoredProspect } from './types';

export type ReadMode = 'get' | 'search';

/** null → "None" throughout, as Recruiterflow's Python backend does in many fields. */
function noneify(v: unknown): unknown {
  if (v === null) return 'None';
  if (Array.isArray(v)) return v.map(noneify);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = noneify(x);
    return out;
  }
  return v;
}

const PROFILE_KEYS = [
  'linkedin_profile',
  'twitter_profile',
  'facebook_profile',
  'github_profile',
  'angellist_profile',
  'behance_profile',
  'dribbble_profile',
  'xing_profile',
];

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v : null;
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function location(v: unknown): Record<string, string> {
  const rec = v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  const out: Record<string, string> = {};
  for (const k of ['city', 'country', 'google_place_id', 'location', 'postal_code', 'state', 'street_address_1', 'street_address_2']) {
    out[k] = typeof rec[k] === 'string' ? rec[k] : '';
  }
  return out;
}

function customFields(defs: SandboxCustomField[], list: StoredProspect['custom_fields'], asText: boolean): unknown[] {
  return list.map((c) => {
    const def = defs.find((d) => d.id === c.id);
    if (!asText) return { id: c.id, name: def?.name ?? '', value: c.value };
    // Another read format than the write one: display text, plus a typed key as client records show.
    return {
      id: c.id,
      name: def?.name ?? '',
      type: def?.type ?? '',
      value: displayText(c.value),
      [`${def?.type ?? 'field'}_value`]: c.value,
    };
  });
}

function displayText(v: unknown): string {
  if (Array.isArray(v)) return v.map(displayText).join(', ');
  if (v && typeof v === 'object') {
    const r = v as Record<string, unknown>;
    if ('number1' in r) return `${String(r.currency ?? '')} ${String(r.number1)} - ${String(r.number2)}`.trim();
    if ('number' in r) return `${String(r.currency ?? '')} ${String(r.number)}`.trim();
    return JSON.stringify(v);
  }
  return String(v);
}

function renderJobLink(state: SandboxState, link: StoredProspect['jobs'][number]): Record<string, unknown> {
  const job = state.job(link.job_id);
  return {
    added_to_job_by: { id: 40201, name: 'Alex Admin' },
    application_form_id: null,
    client_company_id: null,
    client_company_name: job?.company ?? null,
    department_name: job?.department ?? null,
    disqualification_reason: null,
    is_open: job?.is_open ?? false,
    job_id: link.job_id,
    job_visibility_id: 1,
    locations: [],
    name: job?.name ?? '',
    stage_id: link.stage_id,
    stage_moved: link.stage_moved,
    stage_name: link.stage_name,
    stages: job?.stages ?? [],
    starred: 0,
  };
}

export function renderProspect(
  state: SandboxState,
  p: StoredProspect,
  mode: ReadMode,
  noneStrings: boolean,
  customFieldsAsText = false,
): Record<string, unknown> {
  const f = p.fields;
  const out: Record<string, unknown> = {
    id: p.id,
    prospect_id: p.id,
    prospect_type_id: p.type === 'candidate' ? 1 : 2,
    name: p.name,
    first_name: p.first_name,
    last_name: p.last_name,
    email: mode === 'search' ? p.email.map((e) => ({ email: e.email, is_primary: e.is_primary === 1 })) : p.email.map((e) => e.email),
    phone_number:
      mode === 'search'
        ? p.phone_number.map((x) => ({ phone_number: x.phone_number, type: x.type }))
        : p.phone_number.map((x) => x.phone_number),
    tags: strings(f.tags),
    skills: strings(f.skills),
    websites: strings(f.websites),
    custom_fields: customFields(state.customFields[p.type], p.custom_fields, customFieldsAsText),
    current_designation: str(f.title),
    current_organization: str(f.organization),
    source_name: str(f.source),
    status: { id: null, name: null },
    lead_owner: leadOwnerOf(state, f),
    added_by: { id: 40201, img_link: null, name: 'Alex Admin' },
    added_time: p.added_time,
    location: location(f.location),
    do_not_email: false,
    img_link: null,
    last_contacted: null,
    last_contact_type: null,
    last_engaged: null,
    last_engagement_type: null,
    latest_activity_time: null,
    experience: Array.isArray(f.experience) ? f.experience : [],
    education: Array.isArray(f.education) ? f.education : [],
    jobs: p.jobs.map((j) => renderJobLink(state, j)),
    submission_times: [],
    upcoming_activities: {},
  };
  for (const k of PROFILE_KEYS) out[k] = str(f[k]);
  if (p.type === 'contact') {
    out.client = null;
    out.client_company_id = null;
    out.client_company_name = str(f.client_company);
    out.lead_owner_name = leadOwnerOf(state, f).name;
    out.last_updated = p.added_time;
    out.campaigns = [];
  } else {
    out.client = null;
    out.client_company_id = null;
  }
  return (noneStrings ? noneify(out) : out) as Record<string, unknown>;
}

export function renderJob(job: SandboxJob, withStages: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: job.id,
    name: job.name,
    title: job.name,
    is_open: job.is_open,
    company: { id: job.id % 7, name: job.company },
    department: job.department,
    employment_type: 'Full Time',
    job_type: { id: 1, name: 'Contingent' },
    job_status: { id: 1, name: job.is_open ? 'Open' : 'Closed', color: '#2E7D32' },
    job_visibility_id: 1,
    locations: [
      {
        id: job.id,
        name: job.location,
        city: job.location,
        state: null,
        country: null,
        postal_code: '',
        zipcode: '',
        iso_3166_1_alpha_2_code: null,
      },
    ],
    hiring_team: [
      { user_id: 40202, name: 'Riley Recruiter', email: 'riley.recruiter@acme-recruiting.example', role: 'Recruiter', role_id: 2 },
    ],
    custom_fields: [],
    apply_link: `https://sandbox.recruiterflow.example/jobs/${job.id}`,
    number_of_openings: 1,
    current_opening: 1,
  };
  if (withStages) out.stages = job.stages;
  return out;
}

export function renderUser(u: SandboxState['users'][number]): Record<string, unknown> {
  return {
    id: u.id,
    email: u.email,
    first_name: u.first_name,
    middle_name: '',
    last_name: u.last_name,
    name: `${u.first_name} ${u.last_name}`,
    img_link: null,
    roles: u.roles,
  };
}
