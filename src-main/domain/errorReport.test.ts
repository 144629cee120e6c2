// The error report a recruiter sends to support: every flagged, failed or retrying enrollment with its
// contact, sequence, error, first seen and attempts; spreadsheet formulas are defused.
import { afterEach, describe, expect, it } from 'vitest';
import { EXISTS_IN_RECRUITERFLOW } from '../../src-shared/domain';
import { csvOf, syncBackend, type SyncTest } from '../testing/syncFixtures';

let t: SyncTest | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

describe('error report', () => {
  it('lists flagged, failed and retrying enrollments, in CSV (formulas escaped) and JSON', async () => {
    t = await syncBackend({
      csv: csvOf([
        { email: 'existing@acme.example', first_name: 'Erin', last_name: 'Existing' },
        { email: 'bad@example.test', first_name: '=HYPERLINK("http://x")', last_name: 'Formula' },
        { email: 'slow@example.test', first_name: 'Sam', last_name: 'Slow' },
        { email: 'fine@example.test', first_name: 'Fay', last_name: 'Fine' },
      ]),
      engine: { backoff: { baseMs: 60_000, capMs: 60_000, maxAttempts: 5 } },
    });
    await t.call('settings:set', { dedup: true });
    const contacts = await t.call('sequences:create', { name: '+Clients', syncAs: 'contact' });
    const candidates = await t.call('sequences:create', { name: 'Candidates' });
    t.sandbox.setFaults({
      failPaths: [
        { path: 'contact/add', status: 422, times: 1, body: { message: 'Invalid value for custom field "Hiring Budget": "-5"' } },
        { path: 'candidate/add', status: 503, times: 1 },
      ],
    });
    await t.call('sequences:add', { sequenceId: contacts.id, emails: ['existing@acme.example', 'bad@example.test'] });
    await t.call('sequences:add', { sequenceId: candidates.id, emails: ['slow@example.test'] });
    await t.call('sync:run', {});
    await t.call('sequences:add', { sequenceId: candidates.id, emails: ['fine@example.test'] });
    await t.call('sync:run', {});

    const list = await t.call('errors:list', {});
    expect(list.rows.map((r) => [r.email, r.state]).sort()).toEqual([
      ['bad@example.test', 'failed'],
      ['existing@acme.example', 'flagged'],
      ['slow@example.test', 'retrying'],
    ]);
    // A candidate in Recruiterflow, added to a sequence that syncs contacts: not the record type asked for.
    expect(list.groups.map((g) => g.error)).toContain(`${EXISTS_IN_RECRUITERFLOW} as a Candidate`);

    const csv = await t.call('errors:export', { format: 'csv' });
    expect(csv.rows).toBe(3);
    const lines = csv.content.trim().split('\r\n');
    expect(lines[0]).toBe('email,name,sequence_id,sequence_name,state,error,error_code,matched_records,first_seen,last_attempt,attempts');
    expect(lines.find((l) => l.startsWith('existing@acme.example'))).toContain(
      'candidate #2001 Erin Existing <existing@acme.example> matched existing@acme.example',
    );
    const bad = lines.find((l) => l.startsWith('bad@example.test'))!;
    expect(bad).toContain(`"'=HYPERLINK(""http://x"") Formula"`);
    expect(bad).toContain(`'+Clients`);
    expect(bad).toContain('Hiring Budget');
    expect(bad).toMatch(/,failed,.*,\d{4}-\d\d-\d\dT.*,1$/);
    const slow = lines.find((l) => l.startsWith('slow@example.test'))!;
    expect(slow).toMatch(/,retrying,.*503.*,1$/);

    const json = await t.call('errors:export', { format: 'json' });
    const rows = JSON.parse(json.content) as {
      email: string;
      state: string;
      attempts: number;
      firstSeen: string | null;
      sequenceName: string;
    }[];
    expect(rows).toHaveLength(3);
    expect(rows.find((r) => r.email === 'existing@acme.example')).toMatchObject({
      state: 'flagged',
      sequenceName: '+Clients',
      attempts: 0,
    });
    expect(rows.every((r) => r.firstSeen !== null)).toBe(true);
  });
});
