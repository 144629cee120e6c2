import { expect, goTo, openApp, test } from './fixtures';

const N = 100_000;

test('100,000 contacts: tables stay virtualized and fetch pages on demand', async ({ page, app }) => {
  test.setTimeout(120_000);
  const lines = ['email,first_name,last_name,company'];
  for (let i = 0; i < N; i++) lines.push(`p${String(i).padStart(6, '0')}@bulk.example,First${i},Last${i},Company ${i % 997}`);
  const seq = await app.api('sequences:create', { name: 'Bulk', disableSync: true });
  await app.api('sequences:addCsv', { sequenceId: seq.id, csv: lines.join('\n') });

  const pages: { offset: number; limit: number }[] = [];
  page.on('request', (req) => {
    if (req.url().includes('/api/invoke/sequences:enrollments'))
      pages.push(JSON.parse(req.postData() ?? '{}') as { offset: number; limit: number });
  });
  await openApp(page, app, `/sequences/${seq.id}`);
  await expect(page.getByText('100,000 shown')).toBeVisible();
  const table = page.getByRole('table', { name: 'Contacts in this sequence' });
  await expect(table).toHaveAttribute('aria-rowcount', String(N + 1));
  // All 100,000 share one added-at time, so which end comes first is the backend's tie-break: either is fine.
  await expect(table.getByRole('row', { name: /p0(00000|99999)@bulk\.example/ })).toBeVisible();
  expect(await page.locator('tr').count()).toBeLessThan(200);

  // Jump to the middle: only the pages around it are fetched.
  const region = page.getByRole('region', { name: 'Contacts in this sequence (scrollable)' });
  await region.evaluate((el) => el.scrollTo({ top: el.scrollHeight / 2 }));
  await expect(table.getByRole('row', { name: /p0[45]\d{4}@bulk\.example/ }).first()).toBeVisible();
  expect(await page.locator('tr').count()).toBeLessThan(200);
  expect(pages.every((p) => p.limit <= 1000)).toBe(true);
  expect(pages.reduce((sum, p) => sum + p.limit, 0)).toBeLessThan(2_000);

  // Sorting and searching happen on the server.
  await table.getByRole('button', { name: 'Contact' }).click();
  await table.getByRole('button', { name: 'Contact' }).click();
  await expect(table.getByRole('row').nth(1)).toContainText('p099999@bulk.example');
  await page.getByRole('textbox', { name: 'Search contacts in this sequence' }).fill('p012345@');
  await expect(page.getByText('1 shown')).toBeVisible();

  await goTo(page, 'Contacts');
  await expect(page.getByText('100,000 contacts')).toBeVisible();
  expect(await page.locator('tr').count()).toBeLessThan(200);
});
