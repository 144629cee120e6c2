// Demo data for the sandbox: enough jobs to page through, custom fields of every type,
// users (one with the client-only "Contact" role) and a few existing prospects.
import type { SandboxCustomField, SandboxJob, SandboxStage, SandboxUser } from './types';

const STAGE_NAMES = ['Sourced', 'Applied', 'Phone Screen', 'Interview', 'Offer', 'Hired', 'Disqualified'];

function stages(jobId: number): SandboxStage[] {
  return STAGE_NAMES.map((name, i) => ({ id: jobId * 100 + i + 1, name, rank: i + 1 }));
}

const JOB_ROWS: [number, string, boolean, string, string, string][] = [
  [101, 'Senior Backend Engineer', true, 'Engineering', 'Acme Corp', 'Berlin'],
  [102, 'Frontend Engineer', true, 'Engineering', 'Acme Corp', 'Remote'],
  [103, 'Product Designer', true, 'Design', 'Globex', 'London'],
  [104, 'Data Scientist', false, 'Data', 'Globex', 'New York'],
  [105, 'Engineering Manager', true, 'Engineering', 'Initech', 'Austin'],
  [106, 'DevOps Engineer', true, 'Platform', 'Initech', 'Remote'],
  [107, 'Technical Recruiter', false, 'People', 'Hooli', 'San Francisco'],
  [108, 'QA Engineer', true, 'Engineering', 'Hooli', 'Lisbon'],
  [109, 'Sales Engineer', false, 'Sales', 'Umbrella', 'Paris'],
  [110, 'Mobile Engineer', true, 'Engineering', 'Umbrella', 'Remote'],
];

export function seedJobs(): SandboxJob[] {
  return JOB_ROWS.map(([id, name, is_open, department, company, location]) => ({
    id,
    name,
    is_open,
    department,
    company,
    location,
    stages: stages(id),
  }));
}

export function seedCandidateFields(): SandboxCustomField[] {
  return [
    {
      id: 201,
      name: 'Seniority',
      type: 'single_select',
      choices: [
        { id: 2011, name: 'Junior' },
        { id: 2012, name: 'Mid' },
        { id: 2013, name: 'Senior' },
      ],
    },
    {
      id: 202,
      name: 'Skills',
      type: 'multi_select',
      choices: ['TypeScript', 'Go', 'Python', 'Rust', 'SQL'].map((name, i) => ({ id: 2021 + i, name })),
    },
    { id: 203, name: 'Expected Salary', type: 'money' },
    { id: 204, name: 'Salary Range', type: 'money_range' },
    { id: 205, name: 'Notice Period (days)', type: 'number' },
    { id: 206, name: 'Available From', type: 'date' },
    { id: 207, name: 'Open to Relocation', type: 'yes_no' },
    { id: 208, name: 'Summary', type: 'long_text' },
    { id: 209, name: 'Nickname', type: 'short_text' },
  ];
}

export function seedContactFields(): SandboxCustomField[] {
  return [
    { id: 301, name: 'Decision Maker', type: 'yes_no' },
    {
      id: 302,
      name: 'Preferred Channel',
      type: 'single_select',
      choices: [
        { id: 3021, name: 'Email' },
        { id: 3022, name: 'Phone' },
        { id: 3023, name: 'LinkedIn' },
      ],
    },
    { id: 303, name: 'Hiring Budget', type: 'money' },
  ];
}

export function seedUsers(): SandboxUser[] {
  return [
    { id: 40201, email: 'alex.admin@acme-recruiting.example', first_name: 'Alex', last_name: 'Admin', roles: [{ id: 1, name: 'Admin' }] },
    {
      id: 40202,
      email: 'riley.recruiter@acme-recruiting.example',
      first_name: 'Riley',
      last_name: 'Recruiter',
      roles: [{ id: 2, name: 'Recruiter' }],
    },
    { id: 40203, email: 'client.login@acme.example', first_name: 'Client', last_name: 'Login', roles: [{ id: 7, name: 'Contact' }] },
  ];
}

/** Bodies as a caller would POST them to {type}/add, plus the jobs to attach. */
export interface SeedProspect {
  type: 'candidate' | 'contact';
  body: Record<string, unknown>;
  jobs: number[];
}

export function seedProspects(): SeedProspect[] {
  return [
    {
      type: 'candidate',
      body: {
        name: 'Erin Existing',
        email: [{ email: 'existing@acme.example', is_primary: 1 }],
        phone_number: [{ phone_number: '+1 555 0100', type: 1 }],
        title: 'Staff Engineer',
        organization: 'Acme Corp',
        tags: ['seed'],
        skills: ['Go'],
        location: { city: 'Berlin', country: 'Germany' },
        custom_fields: [
          { id: 201, value: 'Senior' },
          { id: 208, value: 'Seeded candidate.' },
        ],
      },
      jobs: [101],
    },
    {
      type: 'contact',
      body: {
        first_name: 'Casey',
        last_name: 'Contact',
        email: [{ email: 'existing.contact@acme.example', is_primary: 1 }],
        client_company: 'Acme Corp',
        title: 'VP Engineering',
        custom_fields: [{ id: 301, value: 1 }],
      },
      jobs: [],
    },
    {
      type: 'candidate',
      body: {
        name: 'Jo Ann Twomail',
        email: [
          { email: 'joann@x.example', is_primary: 1 },
          { email: 'Jo.Ann@Work.example', is_primary: 0 },
        ],
        title: 'Designer',
      },
      jobs: [],
    },
  ];
}
