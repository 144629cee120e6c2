import { expect, goTo, openApp, test } from './fixtures';
import { waitForState } from './helpers';

test('a write rule on a default field updates the record that exists, and the activity shows old → new', async ({ page, app }) => {
  await app.useSandbox();
  // The sandbox has Erin as a candidate with the title "Staff Engineer".
  await app.api('contacts:import', { csv: 'email,first_name,title\nexisting@acme.example,Erin,Principal Engineer' });

  await openApp(page, app, '/settings/mapping');
  const defaults = page.getByRole('table', { name: 'Write rules of the default fields' });
  await defaults.getByRole('combobox', { name: 'Write rule of the default field Title' }).click();
  await page.getByRole('option', { name: 'Always (overwrite)' }).click();
  await expect(page.getByRole('combobox', { name: 'Write rule of rule 1' })).toHaveValue('Always (overwrite)');
  await page.getByRole('button', { name: 'Save mapping' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Mapping version 2 saved' })).toBeVisible();
  expect((await app.api('mapping:get')).rules).toEqual([{ source: 'title', target: 'title', write: 'always' }]);

  const seq = await app.api('sequences:create', { name: 'Existing people' });
  await app.api('sequences:add', { sequenceId: seq.id, emails: ['existing@acme.example'] });
  await waitForState(app, seq.id, 'synced', 1);

  await goTo(page, 'Activity');
  const log = page.getByRole('table', { name: 'Sync log' });
  await expect(log.getByText('Updated the record in Recruiterflow for existing@acme.example.')).toBeVisible();
  await expect(log.getByRole('list', { name: 'Fields changed' })).toContainText('title: “Staff Engineer” → “Principal Engineer”');
});
