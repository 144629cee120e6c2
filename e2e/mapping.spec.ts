import { expect, goTo, openApp, test } from './fixtures';
import { importContacts } from './helpers';

test('a mapping change applies only to contacts added afterwards', async ({ page, app }) => {
  await app.useSandbox();
  await app.api('settings:set', { reviewBeforeSync: true }); // keep both in the queue, where their requests can be read
  await importContacts(app, ['before@example.com', 'after@example.com'], { Seniority: ['Senior', 'Senior'] });
  const seq = await app.api('sequences:create', { name: 'Mapping check' });
  await app.api('sequences:add', { sequenceId: seq.id, emails: ['before@example.com'] });

  await openApp(page, app, '/settings/mapping');
  await expect(page.getByText('Changes apply to contacts added afterwards')).toBeVisible();
  await page.getByRole('button', { name: 'Add rule' }).click();
  await page.getByRole('combobox', { name: 'Source field of rule 1' }).click();
  await page.getByRole('option', { name: 'Seniority', exact: true }).click();
  await page.getByRole('combobox', { name: 'Recruiterflow field of rule 1' }).click();
  await page.getByRole('option', { name: /^Seniority · single_select/ }).click();
  await expect(page.getByText('Takes single_select: Junior, Mid, Senior.')).toBeVisible();
  // The preview shows the payload with the new rule for a sample contact.
  await page.getByRole('combobox', { name: 'Sample contact' }).fill('before');
  await page.getByRole('option', { name: 'before@example.com' }).click();
  await expect(page.getByLabel('Payload preview')).toContainText('"id": 201');
  await page.getByRole('button', { name: 'Save mapping' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Mapping version 2 saved' })).toBeVisible();

  await app.api('sequences:add', { sequenceId: seq.id, emails: ['after@example.com'] });
  await goTo(page, 'Sync queue');
  const queue = page.getByRole('table', { name: 'Queue items' });
  await expect(queue.getByRole('row')).toHaveCount(3);

  await queue.getByRole('button', { name: 'Show requests for before@example.com' }).click();
  let dialog = page.getByRole('dialog', { name: 'Requests for before@example.com' });
  await expect(dialog.getByRole('list', { name: 'Planned requests' })).toContainText('/candidate/add');
  await expect(dialog).not.toContainText('custom_fields');
  await page.keyboard.press('Escape');

  await queue.getByRole('button', { name: 'Show requests for after@example.com' }).click();
  dialog = page.getByRole('dialog', { name: 'Requests for after@example.com' });
  await expect(dialog).toContainText('custom_fields');
  await expect(dialog).toContainText('"id": 201');
  await expect(dialog).toContainText('"value": "Senior"');
});
