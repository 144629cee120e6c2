import { expect, openApp, test } from './fixtures';
import { importContacts, seriousViolations, waitForState } from './helpers';

// Every Recruiterflow path the sync and the connection check use, refused with 401 (a revoked key).
const REFUSE_KEY = [
  'user/list',
  'job/list',
  'candidate/list',
  'contact/list',
  'candidate/search',
  'contact/search',
  'candidate/add',
  'contact/add',
  'candidate/add-to-job',
  'candidate/custom-field/list',
  'contact/custom-field/list',
].map((path) => ({ path, status: 401, times: 1000 }));

test('a refused API key pauses the queue: a "Sync paused" toast, the reason in the status bar, and Reconnect', async ({ page, app }) => {
  await app.useSandbox();
  await importContacts(app, ['key.one@example.com', 'key.two@example.com']);
  const seq = await app.api('sequences:create', { name: 'Revoked key' });
  // The page is open when the key is revoked: whoever notices first (the scheduler's connection check, or
  // "Sync now") pauses the queue, and the toast reaches the open page.
  await openApp(page, app, '/queue');
  await app.sandboxFaults({ failPaths: REFUSE_KEY });
  await app.api('connection:test');
  await app.api('sequences:add', { sequenceId: seq.id, emails: ['key.one@example.com', 'key.two@example.com'] });
  await expect(page.getByTestId('status-connection')).toHaveText(/Invalid API key/);
  await page.getByRole('button', { name: 'Sync now' }).click();

  const toast = page.getByRole('alert').filter({ hasText: 'Sync paused' });
  await expect(toast).toContainText('Recruiterflow refused the API key');
  await expect(toast.getByRole('link', { name: 'Reconnect' })).toBeVisible();
  const paused = page.getByTestId('status-paused');
  await expect(paused).toContainText('Sync paused: Recruiterflow refused the API key');
  await expect(paused.getByRole('link', { name: 'Reconnect' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Sync is paused: Recruiterflow refused the API key' })).toBeVisible();
  // Nothing was lost: both contacts still wait in the queue.
  await expect(page.getByRole('table', { name: 'Queue items' }).getByRole('row')).toHaveCount(3);
  // The error toast, the paused alert and the status bar pass the accessibility audit too.
  expect(await seriousViolations(page)).toEqual([]);

  // Reconnecting (here: the key works again) lifts the pause and the queue drains.
  await toast.getByRole('link', { name: 'Reconnect' }).click();
  await expect(page.getByRole('tab', { name: 'Recruiterflow connection', selected: true })).toBeVisible();
  await app.sandboxFaults({});
  await page.getByRole('button', { name: 'Use the Sandbox' }).click();
  await expect(page.getByTestId('status-connection')).toHaveText('Connected (Sandbox)');
  await expect(paused).toHaveCount(0);
  await waitForState(app, seq.id, 'synced', 2);
});
