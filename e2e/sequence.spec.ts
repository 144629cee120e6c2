import { expect, goTo, openApp, test } from './fixtures';

const PEOPLE = ['ana.silva@example.com', 'ben.okoro@example.com', 'cleo.martin@example.com'];

test('create a sequence with a job, add contacts, and watch them sync', async ({ page, app }) => {
  await app.useSandbox();
  await app.api('contacts:import', {
    csv: ['email,first_name,last_name,company', ...PEOPLE.map((e, i) => `${e},Person${i},Example,Co ${i}`)].join('\n'),
  });
  const jobs = await app.api('jobs:list');
  const job = jobs.find((j) => j.isOpen)!;

  await openApp(page, app);
  await page.getByRole('button', { name: 'New sequence' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create a sequence' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Backend hires');
  await dialog.getByRole('combobox', { name: 'Sync as' }).click();
  await page.getByRole('option', { name: 'Candidate', exact: true }).click();
  await dialog.getByRole('combobox', { name: 'Job' }).click();
  // Open jobs are listed first.
  await expect(page.getByRole('listbox').getByRole('group').first()).toContainText('Open jobs');
  // The picker tells jobs apart by client and location.
  expect(job.client && job.location).toBeTruthy();
  await page.getByRole('option', { name: `${job.name} · ${job.client} · ${job.location}`, exact: true }).click();
  await dialog.getByRole('button', { name: 'Create sequence' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Backend hires' })).toBeVisible();
  await expect(page.getByText(`into “${job.name}”`)).toBeVisible();

  await page.getByRole('button', { name: 'Add contacts' }).first().click();
  const add = page.getByRole('dialog', { name: 'Add contacts to this sequence' });
  await add.getByRole('tab', { name: 'Paste emails' }).click();
  await add.getByRole('textbox', { name: 'Emails' }).fill(PEOPLE.join('\n'));
  await add.getByRole('button', { name: 'Add 3 contacts' }).click();
  await expect(add.getByText('Added', { exact: true })).toBeVisible();
  await expect(add).toContainText('3');
  await add.getByRole('button', { name: 'Done' }).click();

  // The scheduler syncs them; the table follows without a reload.
  const table = page.getByRole('table', { name: 'Contacts in this sequence' });
  await expect(table.getByRole('button', { name: 'Synced' })).toHaveCount(3, { timeout: 30_000 });
  await expect(table.getByRole('row', { name: /ana\.silva/ })).toContainText(/#\d+/);

  // The contact's page shows the Recruiterflow link and the job captured at enrollment.
  await table.getByRole('button', { name: 'ana.silva@example.com' }).click();
  const drawer = page.getByRole('dialog', { name: 'ana.silva@example.com' });
  await expect(drawer.getByRole('table', { name: 'Enrollments' })).toContainText(job.name);
  await expect(drawer).toContainText('Candidate');
  await page.keyboard.press('Escape');

  await goTo(page, 'Sequences');
  const row = page.getByRole('table', { name: 'Sequences' }).getByRole('row', { name: /Backend hires/ });
  await expect(row.getByRole('cell', { name: 'Synced: 3' })).toBeVisible();
});

test('the Syncing tab warns that changes only affect contacts added afterwards', async ({ page, app }) => {
  const seq = await app.api('sequences:create', { name: 'Designers' });
  await openApp(page, app, `/sequences/${seq.id}/syncing`);
  await expect(page.getByText('Changes apply only to contacts added after you save.').first()).toBeVisible();
  await page.getByRole('combobox', { name: 'Sync mode' }).click();
  await page.getByRole('option', { name: 'When the contact replies' }).click();
  await page.getByRole('button', { name: 'Save sync settings' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Sync settings saved' })).toBeVisible();
  await goTo(page, 'Sequences');
  const row = page.getByRole('table', { name: 'Sequences' }).getByRole('row', { name: /Designers/ });
  await expect(row).toContainText('On reply');
  await expect(row).toContainText('own setting');
});
