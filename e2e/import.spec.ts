import { csvFile, expect, goTo, openApp, test } from './fixtures';

test('CSV import: preview, column mapping, progress, and rejected rows numbered as a spreadsheet shows them', async ({ page, app }) => {
  await openApp(page, app);
  await goTo(page, 'Contacts');
  await page.getByRole('button', { name: 'Import CSV' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import contacts from CSV' });
  await dialog.getByLabel('CSV file').setInputFiles(
    csvFile('people.csv', [
      ['E-mail', 'Given name', 'last_name', 'Employer', 'Seniority', 'Notes'],
      ['zoe.park@example.com', 'Zoe', 'Park', 'Acme', 'Senior', 'met at meetup'],
      ['not-an-email', 'Bad', 'Row', 'Nope', 'Junior', ''],
      ['yuki.tanaka@example.com', 'Yuki', 'Tanaka', 'Globex', 'Principal', ''],
      ['', 'Missing', 'Email', 'Nowhere', '', ''],
    ]),
  );

  // The mapping step shows the first rows; fix the columns the suggestion could not know.
  await expect(dialog.getByRole('table', { name: 'CSV columns and their first rows' })).toContainText('zoe.park@example.com');
  const field = (column: string) => dialog.getByRole('combobox', { name: `Field for column ${column}` });
  await field('E-mail').click();
  await page.getByRole('option', { name: 'Email', exact: true }).click();
  await field('Given name').click();
  await page.getByRole('option', { name: 'First name', exact: true }).click();
  await field('Employer').click();
  await page.getByRole('option', { name: 'Company', exact: true }).click();
  await field('Notes').click();
  await page.getByRole('option', { name: 'Ignore', exact: true }).click();
  await expect(field('Seniority')).toHaveValue('Keep as extra column');

  await dialog.getByRole('button', { name: 'Import 4 rows' }).click();
  await expect(dialog.getByText('Every row was accepted.').or(dialog.getByRole('table', { name: 'Rejected rows' }))).toBeVisible();
  const rejected = dialog.getByRole('table', { name: 'Rejected rows' });
  await expect(rejected.getByRole('row')).toHaveCount(3);
  await expect(rejected.getByRole('row').nth(1)).toContainText('3');
  await expect(rejected.getByRole('row').nth(1)).toContainText('not-an-email');
  await expect(rejected.getByRole('row').nth(2)).toContainText('5');
  await dialog.getByRole('button', { name: 'Done' }).click();

  // The imported contact carries its standard fields and the extra column; the ignored one is gone.
  const table = page.getByRole('table', { name: 'Contacts' });
  await expect(table.getByRole('row')).toHaveCount(3);
  await table.getByRole('button', { name: 'zoe.park@example.com' }).click();
  const drawer = page.getByRole('dialog', { name: 'zoe.park@example.com' });
  await expect(drawer.getByRole('table', { name: 'Standard fields' })).toContainText('Zoe');
  await expect(drawer.getByRole('table', { name: 'Standard fields' })).toContainText('Acme');
  await expect(drawer.getByRole('table', { name: 'Extra CSV columns' })).toContainText('Senior');
  await expect(drawer).not.toContainText('met at meetup');
});
