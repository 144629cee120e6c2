// The request cost of matching as Recruiterflow matches: 1,000 new contacts, each with an email, a LinkedIn
// URL and a phone, checked before their creates by the sync engine (batched `in` filter searches), against
// the sandbox in its own process. Every request is counted by what it looks up.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend } from '../../src-main/app/createBackend';
import { importContacts } from '../../src-main/domain/contactImport';
import { contactsCsv } from './data';
import type { Figure } from './measure';
import { startRemoteSandbox } from './sync';

const N = 1000;
/** Batched: a few dozen requests for 1,000 contacts (one search per 100 values, key and record type). */
const TARGET = 60;

/** The matching figure, and the links check of the records it made (reads only). */
export async function matchingFigures(): Promise<Figure[]> {
  const sandbox = await startRemoteSandbox();
  const counts = { email: 0, linkedin_profile: 0, phone_number: 0, canary: 0 };
  const counting: typeof fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.endsWith('/search') && typeof init?.body === 'string') {
      const key = (JSON.parse(init.body) as { filters?: { key?: string }[] }).filters?.[0]?.key;
      if (key === 'email' || key === 'linkedin_profile' || key === 'phone_number') counts[key] += 1;
    } else if (/\/(candidate|contact)\/list\?/.test(url)) counts.canary += 1;
    return fetch(input, init);
  };
  try {
    await sandbox.reset();
    const backend = createBackend({ dataDir: mkdtempSync(join(tmpdir(), 'flowbridge-bench-')), host: 'cli', fetch: counting });
    const must = async (channel: string, input: unknown) => {
      const r = await backend.invoke(channel, input);
      if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
      return r.value;
    };
    await importContacts(backend.ctx, contactsCsv(N));
    await must('connection:connect', { baseUrl: sandbox.url, apiKey: sandbox.apiKey });
    const seq = (await must('sequences:create', { name: 'Matching' })) as { id: string };
    const emails = backend.ctx.sqlite.prepare('select email from contacts order by id').pluck().all() as string[];
    await must('sequences:add', { sequenceId: seq.id, emails });
    const before = { ...counts };
    await must('sync:run', { wait: 120 });
    const email = counts.email - before.email;
    const linkedin = counts.linkedin_profile - before.linkedin_profile;
    const phone = counts.phone_number - before.phone_number;
    const canary = counts.canary - before.canary;
    const verify = (await must('links:verify', {})) as { checked: number; requests: number };
    await backend.close();
    const total = email + linkedin + phone + canary;
    return [
      {
        figure: `matching ${N.toLocaleString('en')} new contacts before their creates by email, LinkedIn URL and phone (sync engine, batched searches)`,
        measured: `${total} requests (email ${email}, LinkedIn URL ${linkedin}, phone ${phone}, filter check ${canary})`,
        target: `≤ ${TARGET} requests (batched lookups)`,
        met: total <= TARGET,
      },
      {
        figure: `links verify of ${verify.checked.toLocaleString('en')} linked records (batched reads)`,
        measured: `${verify.requests} requests`,
        target: '≤ 25 requests (batched reads)',
        met: verify.requests <= 25,
      },
    ];
  } finally {
    sandbox.stop();
  }
}
