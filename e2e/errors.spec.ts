import { readFile } from 'node:fs/promises';
import { expect, goTo, openApp, test } from './fixtures';
import { importContacts, waitForState } from './helpers';

test('errors: grouped and filtered, each badge offers its fix, and the report exports as CSV and JSON', async ({ page, app }) => {
  await app.useSandbox();
  await app.api('settings:set', { dedup: true });
  await app.api('mapping:set', { rules: [{ source: 'Seniority', target: 'custom:201' }] });
  // existing@acme.example is already in the sandbox; "Staff" is not a Seniority choice there.
  await importContacts(app, ['existing@acme.example', 'staff@example.com'], { Seniority: ['Senior', 'Staff'] });
  const seq = await app.api('sequences:create', { name: 'Error cases' });
  await app.api('sequences:add', { sequenceId: seq.id, emails: ['existing@acme.example', 'staff@example.com'] });
  await waitForState(app, seq.id, 'failed', 1);

  await openApp(page, app);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Errors/ })).toContainText('2');
  await goTo(page, 'Errors');
  const table = page.getByRole('table', { name: 'Errors' });
  await expect(table.getByRole('row')).toHaveCount(3);

  // Grouping by error.
  await page.getByRole('combobox', { name: 'Group by error' }).click();
  await page.getByRole('option', { name: 'Exists in Recruiterflow (1)' }).click();
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table).toContainText('existing@acme.example');
  await page.getByRole('combobox', { name: 'Group by error' }).click();
  await page.getByRole('option', { name: /^All errors/ }).click();

  // Filtering by state.
  await page.getByRole('group', { name: 'Filter by state' }).getByText('Failed').click();
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table).toContainText('staff@example.com');
  await page.getByRole('group', { name: 'Filter by state' }).getByText('Failed').click();

  // Export CSV: the columns of the contract, one row per enrollment in error.
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  expect(csv.suggestedFilename()).toMatch(/\.csv$/);
  const lines = (await readFile(await csv.path(), 'utf8')).trim().split(/\r?\n/);
  expect(lines[0]).toBe('email,name,sequence_id,sequence_name,state,error,error_code,matched_records,first_seen,last_attempt,attempts');
  expect(lines).toHaveLength(3);
  expect(lines.find((l) => l.startsWith('existing@acme.example'))).toContain('flagged');
  expect(lines.find((l) => l.startsWith('staff@example.com'))).toContain('failed');

  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
  expect(json.suggestedFilename()).toMatch(/\.json$/);
  const parsed = JSON.parse(await readFile(await json.path(), 'utf8')) as unknown;
  const rows = (Array.isArray(parsed) ? parsed : (parsed as { rows: unknown[] }).rows) as { email: string }[];
  expect(rows.map((r) => r.email).sort()).toEqual(['existing@acme.example', 'staff@example.com']);

  // The custom-field error explains itself and offers fixes that work (mappings are versioned: editing
  // the mapping alone would never reach this contact).
  await table
    .getByRole('row', { name: /staff@example\.com/ })
    .getByRole('button', { name: 'Custom field error' })
    .click();
  const popover = page.getByRole('dialog', { name: 'Custom field error' });
  await expect(popover).toContainText('Staff');
  await expect(popover.getByRole('button', { name: 'Edit the contact' })).toBeVisible();
  await expect(popover.getByRole('button', { name: "Retry with today's mapping" })).toBeVisible();
  await popover.getByRole('button', { name: 'Sync without this field' }).click();
  await expect(table.getByRole('row', { name: /staff@example\.com/ })).toHaveCount(0, { timeout: 30_000 });
});
