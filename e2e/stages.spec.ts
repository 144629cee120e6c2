// Issue 14 in the window: a sequence's reply stage set in its Syncing tab, a reply recorded, and the
// candidate moved in Recruiterflow (read back from the sandbox's own API); the owner chosen in Settings → Team.
import { expect, openApp, test } from './fixtures';
import { waitForState } from './helpers';

const ANA = 'ana.silva@example.com';

async function candidate(sandbox: { url: string; apiKey: string }, id: number): Promise<Record<string, unknown>> {
  const res = await fetch(`${sandbox.url}/api/external/candidate/get?id=${id}`, { headers: { 'RF-Api-Key': sandbox.apiKey } });
  const body = (await res.json()) as Record<string, unknown> | Record<string, unknown>[];
  return Array.isArray(body) ? body[0]! : body;
}

test('set a reply stage, record a reply, and see the candidate move in Recruiterflow', async ({ page, app, sandbox }) => {
  await app.api('connection:connect', { baseUrl: sandbox.url, apiKey: sandbox.apiKey });
  await app.api('contacts:import', { csv: `email,first_name,last_name\n${ANA},Ana,Silva` });
  const seq = await app.api('sequences:create', { name: 'Backend hires', jobId: 101 });

  await openApp(page, app, `/sequences/${seq.id}/syncing`);
  await page.getByRole('combobox', { name: 'Reply stage' }).click();
  await page.getByRole('option', { name: 'Phone Screen' }).click();
  await expect(page.getByText('Applies to contacts added after you save.').first()).toBeVisible();
  await page.getByRole('button', { name: 'Save stages' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Stages saved' })).toBeVisible();

  await app.api('sequences:add', { sequenceId: seq.id, emails: [ANA] });
  await app.api('sync:run', {});
  await waitForState(app, seq.id, 'synced', 1);
  const rfId = (await app.api('contacts:get', { email: ANA })).recruiterflowIds[0]!;
  const stageOf = async () =>
    ((await candidate(sandbox, rfId)).jobs as { job_id: number; stage_name: string }[]).find((j) => j.job_id === 101)?.stage_name;
  expect(await stageOf()).toBe('Sourced');

  // The recruiter records the reply in the sequence's contacts.
  await page.getByRole('tab', { name: 'Contacts' }).click();
  const table = page.getByRole('table', { name: 'Contacts in this sequence' });
  await table.getByRole('checkbox').nth(1).check();
  await page.getByRole('button', { name: 'Mark replied' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Recorded a reply for 1 contact' })).toBeVisible();
  await app.api('sync:run', {});
  await expect.poll(stageOf, { timeout: 30_000 }).toBe('Phone Screen');
  await waitForState(app, seq.id, 'synced', 1);
});

test('choose the Recruiterflow owner of a teammate in Settings → Team', async ({ page, app, sandbox }) => {
  await app.api('connection:connect', { baseUrl: sandbox.url, apiKey: sandbox.apiKey });
  const me = (await app.api('users:list'))[0]!.email;
  await openApp(page, app, '/settings/team');
  const owner = page.getByRole('combobox', { name: `Recruiterflow owner for ${me}` });
  await owner.click();
  await page.getByRole('option', { name: /Riley Recruiter/ }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Owner saved' })).toBeVisible();
  expect((await app.api('owners:list')).users[0]).toMatchObject({ rfUserId: 40202, how: 'chosen' });
});
