// Every state tells the truth and every fix works: the journeys of issue 11's numbered items in the browser.
import { expect, goTo, openApp, test } from './fixtures';
import { importContacts, waitForState } from './helpers';

const rowOf = (page: import('@playwright/test').Page, email: string) =>
  page.getByRole('table', { name: 'Contacts in this sequence' }).getByRole('row', { name: new RegExp(email.replace(/[.@]/g, '\\$&')) });

test('demo data: not offered with a real account connected; loaded, it can be removed in full', async ({ page, app, sandbox }) => {
  await openApp(page, app);
  await page.getByRole('button', { name: 'Load demo workspace' }).click();
  await expect(page.getByRole('note').filter({ hasText: 'This workspace holds demo data' })).toBeVisible();
  await expect(page.getByText('only ever sync to the built-in Sandbox')).toBeVisible();
  await page.getByRole('button', { name: 'Remove demo data' }).click();
  await page.getByRole('dialog', { name: 'Remove demo data?' }).getByRole('button', { name: 'Remove demo data' }).click();
  await expect(page.getByRole('heading', { name: 'Your workspace is empty' })).toBeVisible();
  expect((await app.api('contacts:list')).total).toBe(0);

  // A real account (a Recruiterflow that is not the built-in Sandbox): the demo is no longer offered.
  await app.api('connection:connect', { baseUrl: sandbox.url, apiKey: sandbox.apiKey });
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Your workspace is empty' })).toBeVisible();
  await expect(page.getByText('not offered while a real Recruiterflow account is connected')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Load demo workspace' })).toHaveCount(0);
});

test('changing account asks first and says what happens; afterwards nothing shows synced from the old account', async ({
  page,
  app,
  sandbox,
}) => {
  await app.useSandbox();
  await importContacts(app, ['ana@example.com']);
  const seq = await app.api('sequences:create', { name: 'Backend' });
  await app.api('sequences:add', { sequenceId: seq.id, emails: ['ana@example.com'] });
  await waitForState(app, seq.id, 'synced', 1);

  await openApp(page, app, '/settings/connection');
  await page.getByRole('textbox', { name: 'Base URL' }).fill(sandbox.url);
  await page.getByLabel('API key').fill(sandbox.apiKey);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  const ask = page.getByRole('dialog', { name: 'Change Recruiterflow account?' });
  await expect(ask).toContainText('different Recruiterflow account');
  await expect(ask).toContainText('1 link to records of the old account is kept but not reused');
  await expect(ask).toContainText('1 contact synced in the old account will show as not synced here');
  await ask.getByRole('button', { name: 'Change account' }).click();
  await expect(page.getByTestId('connection-status')).toHaveText(/^connected$/i);
  await expect(page.getByText(`Server: ${sandbox.url}`)).toBeVisible();

  await openApp(page, app, `/sequences/${seq.id}`);
  await rowOf(page, 'ana@example.com').getByRole('button', { name: 'Synced in another account' }).click();
  await expect(page.getByRole('dialog', { name: 'Synced in another account' })).toContainText(
    'Resync sends it to the account connected now',
  );
});

test('a Candidate with a job whose email exists only as a Contact is flagged with the record; "Create a Candidate profile too" fixes it', async ({
  page,
  app,
}) => {
  await app.useSandbox();
  await importContacts(app, ['existing.contact@acme.example']);
  const jobs = await app.api('jobs:list');
  const seq = await app.api('sequences:create', { name: 'Frontend', jobId: jobs.find((j) => j.isOpen)!.id });
  await app.api('sequences:add', { sequenceId: seq.id, emails: ['existing.contact@acme.example'] });
  await waitForState(app, seq.id, 'flagged', 1);

  await openApp(page, app, `/sequences/${seq.id}`);
  const row = rowOf(page, 'existing.contact@acme.example');
  await row.getByRole('button', { name: 'Exists in Recruiterflow as a Contact' }).click();
  const popover = page.getByRole('dialog', { name: 'Exists in Recruiterflow as a Contact' });
  await expect(popover.getByLabel('Matched records')).toContainText(/Contact #\d+ · Casey Contact/);
  await expect(popover).toContainText('Matched on existing.contact@acme.example');
  await expect(popover.getByRole('button', { name: 'Link to the Contact without the job' })).toBeVisible();
  await popover.getByRole('button', { name: 'Create a Candidate profile too' }).click();
  await expect(row.getByRole('button', { name: 'Synced' })).toBeVisible({ timeout: 30_000 });
});

test('a failed enrollment: edit the contact, then retry, and it syncs', async ({ page, app }) => {
  await app.useSandbox();
  await app.api('mapping:set', { rules: [{ source: 'Seniority', target: 'custom:201' }] });
  await importContacts(app, ['staff@example.com'], { Seniority: ['Staff'] });
  const seq = await app.api('sequences:create', { name: 'Mapped' });
  await app.api('sequences:add', { sequenceId: seq.id, emails: ['staff@example.com'] });
  await waitForState(app, seq.id, 'failed', 1);

  await openApp(page, app, `/sequences/${seq.id}`);
  const row = rowOf(page, 'staff@example.com');
  await row.getByRole('button', { name: 'Custom field error' }).click();
  const popover = page.getByRole('dialog', { name: 'Custom field error' });
  await expect(popover.getByRole('button', { name: "Retry with today's mapping" })).toBeVisible();
  await expect(popover.getByRole('button', { name: 'Sync without this field' })).toBeVisible();
  await popover.getByRole('button', { name: 'Edit the contact' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit staff@example.com' });
  await edit.getByRole('textbox', { name: 'Seniority' }).fill('Senior');
  await edit.getByRole('textbox', { name: 'Title' }).fill('Staff Engineer');
  await edit.getByRole('button', { name: 'Save and retry' }).click();
  await expect(row.getByRole('button', { name: 'Synced' })).toBeVisible({ timeout: 30_000 });
});

test('"Waiting for a reply" is a state of its own, and Resync says why it queued nothing', async ({ page, app }) => {
  await app.useSandbox();
  await importContacts(app, ['quiet@example.com', 'later@example.com']);
  const seq = await app.api('sequences:create', { name: 'Warm intros', syncMode: 'on-reply' });
  await app.api('sequences:add', { sequenceId: seq.id, emails: ['quiet@example.com', 'later@example.com'] });

  await openApp(page, app);
  await expect(page.getByRole('columnheader', { name: 'Waiting for a reply' })).toBeVisible();
  await openApp(page, app, `/sequences/${seq.id}`);
  await rowOf(page, 'quiet@example.com').getByRole('button', { name: 'Waiting for a reply' }).click();
  await expect(page.getByRole('dialog', { name: 'Waiting for a reply' })).toContainText('no reply is recorded yet');
  await page.keyboard.press('Escape');
  await page.getByRole('tab', { name: 'Syncing' }).click();
  await page.getByRole('button', { name: 'Resync sequence' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '0 contacts queued: 2 are waiting for a reply' })).toBeVisible();
});

test('a duplicate flag shows the matched record, even a second address of it, and "Link to this record" links it', async ({
  page,
  app,
}) => {
  await app.useSandbox();
  await app.api('settings:set', { dedup: true });
  await importContacts(app, ['jo.ann@work.example']);
  const seq = await app.api('sequences:create', { name: 'Design' });
  await app.api('sequences:add', { sequenceId: seq.id, emails: ['jo.ann@work.example'] });

  await openApp(page, app);
  await goTo(page, 'Errors');
  const row = page.getByRole('table', { name: 'Errors' }).getByRole('row', { name: /jo\.ann@work\.example/ });
  await row.getByRole('button', { name: 'Exists in Recruiterflow' }).click();
  const popover = page.getByRole('dialog', { name: 'Exists in Recruiterflow' });
  const evidence = popover.getByLabel('Matched records');
  await expect(evidence).toContainText(/Candidate #\d+ · Jo Ann Twomail/);
  await expect(evidence).toContainText('joann@x.example, jo.ann@work.example');
  await expect(evidence).toContainText('(a second address of this record)');
  await expect(popover.getByRole('button', { name: 'Create a new record' })).toHaveCount(0); // one candidate per email
  await expect(popover.getByRole('button', { name: "Don't sync" })).toBeVisible();
  await popover.getByRole('button', { name: 'Link to this record' }).click();
  await waitForState(app, seq.id, 'synced', 1);
});
