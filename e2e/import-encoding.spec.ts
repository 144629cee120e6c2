import { expect, goTo, openApp, test } from './fixtures';

// An Excel "ANSI" export: Windows-1252 bytes, not UTF-8. Read as UTF-8 it would become "Jos�" and "M�ller AG".
const ANSI = Buffer.from(
  'email,first_name,last_name,company\njose@example.com,José,Núñez,Müller AG\nanna@example.com,Anna,Öberg,Café Olé\n',
  'latin1',
);

test('CSV import: a Windows-1252 file is detected, previewed as "José" and "Müller AG", and its encoding can be changed first', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  await goTo(page, 'Contacts');
  await page.getByRole('button', { name: 'Import CSV' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import contacts from CSV' });
  await dialog.getByLabel('CSV file').setInputFiles({ name: 'excel-ansi.csv', mimeType: 'text/csv', buffer: ANSI });

  // Detected, with the reason, and the preview reads right.
  const encoding = dialog.getByRole('combobox', { name: 'Text encoding' });
  await expect(encoding).toHaveValue(/Windows-1252/);
  await expect(dialog.getByTestId('encoding-reason')).toContainText('not valid UTF-8, detected with');
  const preview = dialog.getByRole('table', { name: 'CSV columns and their first rows' });
  await expect(preview).toContainText('José');
  await expect(preview).toContainText('Müller AG');

  // Choosing UTF-8 shows what it would do, and warns instead of importing replacement characters.
  await encoding.click();
  await page.getByRole('option', { name: 'UTF-8', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText('2 rows have characters that cannot be read as UTF-8');
  await expect(preview).toContainText('Jos\uFFFD');

  // Back to Windows-1252, then import: the summary names the encoding.
  await encoding.click();
  await page.getByRole('option', { name: /Windows-1252/ }).click();
  await expect(preview).toContainText('Müller AG');
  await dialog.getByRole('button', { name: 'Import 2 rows' }).click();
  await expect(dialog.getByText('Every row was accepted.')).toBeVisible();
  await expect(dialog).toContainText('Read as Windows-1252');
  await dialog.getByRole('button', { name: 'Done' }).click();

  const table = page.getByRole('table', { name: 'Contacts' });
  await table.getByRole('button', { name: 'jose@example.com' }).click();
  const drawer = page.getByRole('dialog', { name: 'jose@example.com' });
  await expect(drawer.getByRole('table', { name: 'Standard fields' })).toContainText('José');
  await expect(drawer.getByRole('table', { name: 'Standard fields' })).toContainText('Müller AG');
});

test('CSV import: Escape asks before discarding a chosen file, and a one-row file says "1 row"', async ({ page, app }) => {
  await openApp(page, app);
  await goTo(page, 'Contacts');
  await page.getByRole('button', { name: 'Import CSV' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import contacts from CSV' });
  await dialog
    .getByLabel('CSV file')
    .setInputFiles({ name: 'one.csv', mimeType: 'text/csv', buffer: Buffer.from('email\nsolo@example.com\n') });
  await expect(dialog.getByRole('button', { name: 'Import 1 row', exact: true })).toBeVisible();

  await page.keyboard.press('Escape');
  const confirm = page.getByRole('dialog', { name: 'Discard this import?' });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: 'Keep editing' }).click();
  await expect(dialog.getByRole('button', { name: 'Import 1 row', exact: true })).toBeVisible();

  await page.keyboard.press('Escape');
  await page.getByRole('dialog', { name: 'Discard this import?' }).getByRole('button', { name: 'Discard' }).click();
  await expect(dialog).toBeHidden();
});
