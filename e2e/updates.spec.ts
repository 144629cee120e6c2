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
  await expect(log.getByRole('list', { name: 'Fields changed' })).toContainText('Title: “Staff Engineer” → “Principal Engineer”');

  // Editing the synced contact in Flowbridge sends the change too; the contact drawer lists both updates.
  await app.api('contacts:update', { email: 'existing@acme.example', fields: { title: 'Distinguished Engineer' } });
  await expect
    .poll(async () => (await app.api('contacts:fieldChanges', { email: 'existing@acme.example' })).length, { timeout: 30_000 })
    .toBe(2);
  await goTo(page, 'Contacts');
  await page.getByRole('table', { name: 'Contacts' }).getByRole('button', { name: 'existing@acme.example' }).click();
  const updates = page
    .getByRole('dialog', { name: 'existing@acme.example' })
    .getByRole('table', { name: 'Fields updated in Recruiterflow' });
  await expect(updates.getByRole('row')).toHaveCount(3);
  await expect(updates).toContainText('Distinguished Engineer');
  await expect(updates).toContainText('Principal Engineer');
});

test('a required field set in the mapping editor stops a contact without it, and editing the contact fixes it', async ({ page, app }) => {
  await app.useSandbox();
  await app.api('contacts:import', { csv: 'email,first_name,title\nno.title@example.com,Noa,' });

  await openApp(page, app, '/settings/mapping');
  await page.getByRole('combobox', { name: 'Required Recruiterflow fields' }).click();
  await page
    .getByRole('listbox', { name: 'Required Recruiterflow fields' })
    .getByRole('option', { name: /^Title/ })
    .click();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Save required fields' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Required fields saved' })).toBeVisible();
  expect((await app.api('mapping:get')).required).toEqual(['title']);

  const seq = await app.api('sequences:create', { name: 'Titles required' });
  await app.api('sequences:add', { sequenceId: seq.id, emails: ['no.title@example.com'] });
  await waitForState(app, seq.id, 'failed', 1);

  await goTo(page, 'Errors');
  const table = page.getByRole('table', { name: 'Errors' });
  await expect(table).toContainText('Recruiterflow requires Title');
  await table
    .getByRole('row', { name: /no\.title@example\.com/ })
    .getByRole('button', { name: 'Failed' })
    .click();
  const badge = page.getByRole('dialog', { name: 'Failed' });
  await expect(badge).toContainText('Recruiterflow requires Title, and this contact has none');
  // Leaving the field out cannot help with a field Recruiterflow requires: that fix is not offered.
  await expect(badge.getByRole('button', { name: 'Sync without this field' })).toHaveCount(0);
  await badge.getByRole('button', { name: 'Edit the contact' }).click();
  const editor = page.getByRole('dialog', { name: /no\.title@example\.com/ });
  await editor.getByRole('textbox', { name: 'Title' }).fill('Engineer');
  await editor.getByRole('button', { name: 'Save and retry' }).click();
  await waitForState(app, seq.id, 'synced', 1);
});
