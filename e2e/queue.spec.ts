import { expect, goTo, openApp, test } from './fixtures';
import { importContacts, waitForState } from './helpers';

test('review and approve a held sync while Recruiterflow is unreachable; it goes out once it is back', async ({ page, app }) => {
  await app.useSandbox();
  await app.api('settings:set', { reviewBeforeSync: true });
  await importContacts(app, ['held.one@example.com', 'held.two@example.com']);
  const seq = await app.api('sequences:create', { name: 'Held for review' });
  await app.api('sequences:add', { sequenceId: seq.id, emails: ['held.one@example.com', 'held.two@example.com'] });

  // Recruiterflow goes away.
  await app.sandboxFaults({ dropRate: 1 });
  await openApp(page, app, '/settings/connection');
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByTestId('status-connection')).toHaveText(/unreachable/i);

  await goTo(page, 'Sync queue');
  await expect(page.getByRole('status').filter({ hasText: 'You are offline' })).toBeVisible();
  // Items held by review before sync say so (and are told apart from items held on purpose).
  const all = page.getByRole('table', { name: 'Queue items' });
  await expect(all.getByRole('row', { name: /held\.one/ })).toContainText('Awaiting review');
  await page
    .getByRole('radiogroup', { name: 'Filter the queue by state' })
    .getByText(/^Awaiting review/)
    .click();
  const queue = page.getByRole('table', { name: 'Queue items' });
  await expect(queue.getByRole('row')).toHaveCount(3);

  // Each item shows the exact requests it will send, offline too.
  await queue.getByRole('button', { name: 'Show requests for held.one@example.com' }).click();
  const requests = page.getByRole('dialog', { name: 'Requests for held.one@example.com' });
  await expect(requests).toContainText('POST');
  await expect(requests).toContainText('/api/external/candidate/add');
  await page.keyboard.press('Escape');

  // Approve one through its row menu, the other through the bulk bar.
  await queue.getByRole('button', { name: 'Actions for held.one@example.com' }).click();
  await page.getByRole('menuitem', { name: 'Approve' }).click();
  await expect(queue.getByRole('row')).toHaveCount(2);
  await queue.getByRole('checkbox', { name: 'Select held.two@example.com' }).check();
  await page.getByRole('toolbar', { name: 'Bulk actions' }).getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByText('No awaiting review items.')).toBeVisible();

  // Back online: the approved items are sent by the scheduler.
  await app.sandboxFaults({});
  await waitForState(app, seq.id, 'synced', 2);
  await goTo(page, 'Sequences');
  await expect(
    page
      .getByRole('table', { name: 'Sequences' })
      .getByRole('row', { name: /Held for review/ })
      .getByRole('cell', { name: 'Synced: 2' }),
  ).toBeVisible();
});

test('hold and release, pause and resume, and Sync now with its result', async ({ page, app }) => {
  await app.useSandbox();
  await app.api('sync:pause');
  await importContacts(app, ['q.one@example.com', 'q.two@example.com']);
  const seq = await app.api('sequences:create', { name: 'Queue controls' });
  await app.api('sequences:add', { sequenceId: seq.id, emails: ['q.one@example.com', 'q.two@example.com'] });

  await openApp(page, app, '/queue');
  await expect(page.getByRole('status').filter({ hasText: 'Sync is paused' })).toBeVisible();
  const queue = page.getByRole('table', { name: 'Queue items' });
  await expect(queue.getByRole('row')).toHaveCount(3);
  await queue.getByRole('button', { name: 'Actions for q.two@example.com' }).click();
  await page.getByRole('menuitem', { name: 'Hold' }).click();
  await expect(queue.getByRole('row', { name: /q\.two/ })).toContainText('Held');

  await page.getByRole('button', { name: 'Resume sync' }).click();
  await expect(page.getByRole('button', { name: 'Pause sync' })).toBeVisible();
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Sync finished' })).toBeVisible();
  await waitForState(app, seq.id, 'synced', 1);
  await expect(queue.getByRole('row')).toHaveCount(2);

  await queue.getByRole('button', { name: 'Actions for q.two@example.com' }).click();
  await page.getByRole('menuitem', { name: 'Release' }).click();
  await waitForState(app, seq.id, 'synced', 2);
  await expect(page.getByText('The queue is empty')).toBeVisible();
});

test('a synced contact queued again for its update reads "Followed up · Updated" in the finished items, not "Synced" twice', async ({
  page,
  app,
}) => {
  await app.useSandbox();
  // A write rule that updates existing records: a change of title is then sent to Recruiterflow.
  await app.api('mapping:set', { rules: [{ source: 'title', target: 'title', write: 'always' }] });
  await importContacts(app, ['again@example.com']);
  const seq = await app.api('sequences:create', { name: 'Follow-ups' });
  await app.api('sequences:add', { sequenceId: seq.id, emails: ['again@example.com'] });
  await waitForState(app, seq.id, 'synced', 1);
  // Its data changes: the contact is queued again, and the update goes out.
  await app.api('contacts:update', { email: 'again@example.com', fields: { title: 'Head of Data' } });
  await expect.poll(async () => (await app.api('queue:list', { states: ['done'] })).total, { timeout: 30_000 }).toBe(2);

  await openApp(page, app, '/queue');
  await page
    .getByRole('radiogroup', { name: 'Filter the queue by state' })
    .getByText(/^Finished/)
    .click();
  const rows = page.getByRole('table', { name: 'Queue items' }).getByRole('row', { name: /again@example\.com/ });
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText(/Followed up · Updated · Candidate #\d+/);
  await expect(rows.last()).toContainText(/Synced · Candidate #\d+/);
});
