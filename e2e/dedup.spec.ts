import { expect, openApp, test } from './fixtures';
import { importContacts } from './helpers';

test('a contact already in Recruiterflow is flagged "Exists in Recruiterflow" and can be linked to that record', async ({ page, app }) => {
  await app.useSandbox();
  // existing@acme.example is a candidate the sandbox Recruiterflow already holds.
  await importContacts(app, ['existing@acme.example', 'fresh@example.com']);
  await app.api('settings:set', { dedup: true });
  const second = await app.api('sequences:create', { name: 'Second touch' });
  await openApp(page, app, `/sequences/${second.id}`);
  await page.getByRole('button', { name: 'Add contacts' }).first().click();
  const add = page.getByRole('dialog', { name: 'Add contacts to this sequence' });
  await add.getByRole('textbox', { name: 'Find contacts to add' }).fill('example');
  await add.getByRole('checkbox', { name: /existing@acme\.example/ }).check();
  await add.getByRole('checkbox', { name: /fresh@example\.com/ }).check();
  await add.getByRole('button', { name: 'Add 2 contacts' }).click();
  const flagged = add.getByRole('table', { name: 'Flagged contacts' });
  await expect(flagged).toContainText('existing@acme.example');
  await expect(flagged).toContainText('Exists in Recruiterflow');
  await add.getByRole('button', { name: 'Done' }).click();

  const table = page.getByRole('table', { name: 'Contacts in this sequence' });
  const known = table.getByRole('row', { name: /existing@acme\.example/ });
  await known.getByRole('button', { name: 'Exists in Recruiterflow' }).click();
  const popover = page.getByRole('dialog', { name: 'Exists in Recruiterflow' });
  await expect(popover).toContainText('Deduplication found this email');
  await popover.getByRole('button', { name: 'Link to this record' }).click();

  // Resolved, it follows its sync mode (on add): linked to the existing record, not duplicated.
  await expect(known.getByRole('button', { name: 'Synced' })).toBeVisible({ timeout: 30_000 });
  await expect(table.getByRole('row', { name: /fresh@example\.com/ }).getByRole('button', { name: 'Synced' })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Errors/ })).not.toContainText(/\d/);
});
