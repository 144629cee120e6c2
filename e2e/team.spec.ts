import { expect, openApp, test } from './fixtures';

test('clone my settings to teammates: the confirmation lists who is cloned and who is skipped and why', async ({ page, app }) => {
  await app.api('settings:set', { syncMode: 'on-reply', dedup: true });
  await app.api('users:add', { email: 'oscar@team.example', name: 'Oscar Other', role: 'member', integration: 'other' });
  await app.api('users:add', { email: 'nora@team.example', name: 'Nora None', role: 'member', integration: 'none' });

  await openApp(page, app, '/settings/team');
  await page.getByRole('button', { name: 'Add teammate' }).click();
  const add = page.getByRole('dialog', { name: 'Add a teammate' });
  await add.getByRole('textbox', { name: 'Email' }).fill('mia@team.example');
  await add.getByRole('textbox', { name: 'Name' }).fill('Mia Manager');
  await add.getByRole('combobox', { name: 'Role' }).click();
  await page.getByRole('option', { name: 'Manager' }).click();
  await add.getByRole('textbox', { name: 'Group' }).fill('Berlin');
  await add.getByRole('button', { name: 'Add teammate' }).click();

  const teammates = page.getByRole('table', { name: 'Teammates' });
  await expect(teammates.getByRole('row', { name: /Mia Manager/ })).toContainText('manager');
  await expect(teammates.getByRole('row', { name: /Mia Manager/ })).toContainText('Berlin');
  await expect(teammates.getByRole('row', { name: /Mia Manager/ })).toContainText('Recruiterflow');
  await expect(teammates.getByRole('row', { name: /Oscar Other/ })).toContainText('Other ATS');

  await page.getByRole('checkbox', { name: 'All teammates' }).check();
  await page.getByRole('button', { name: 'Review clone…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Clone your settings?' });
  await expect(confirm.getByRole('list', { name: 'Will be cloned' })).toContainText('mia@team.example');
  const skipped = confirm.getByRole('list', { name: 'Skipped' });
  await expect(skipped).toContainText('oscar@team.example');
  await expect(skipped).toContainText('uses a different integration');
  await expect(skipped).toContainText('nora@team.example');
  await expect(skipped).toContainText('has no integration');
  await confirm.getByRole('button', { name: 'Clone to 1 teammate' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Cloned to 1 teammate, 2 skipped' })).toBeVisible();

  // Mia now has the owner's settings.
  await app.api('users:use', { email: 'mia@team.example' });
  const settings = await app.api('settings:get');
  expect(settings).toMatchObject({ syncMode: 'on-reply', dedup: true });
});

test('members cannot clone settings', async ({ page, app }) => {
  await app.api('users:add', { email: 'max@team.example', name: 'Max Member', role: 'member', integration: 'recruiterflow' });
  await app.api('users:use', { email: 'max@team.example' });
  await openApp(page, app, '/settings/team');
  await expect(page.getByText('Only owners and managers can clone settings; you are a member.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Review clone…' })).toHaveCount(0);
});
