import { expect, goTo, openApp, test } from './fixtures';

test('an empty data folder offers the demo workspace, and the shell navigates by link and keyboard', async ({ page, app }) => {
  await openApp(page, app);
  await expect(page.getByRole('heading', { level: 1, name: 'Sequences' })).toBeVisible();
  await expect(page.getByText('Your workspace is empty')).toBeVisible();
  // The token left the visible URL as soon as the page read it.
  expect(page.url()).not.toContain('token=');

  await page.getByRole('button', { name: 'Load demo workspace' }).click();
  const sequences = page.getByRole('table', { name: 'Sequences' });
  await expect(sequences.getByRole('link', { name: /Senior backend engineers/ })).toBeVisible();

  await sequences.getByRole('link', { name: /Senior backend engineers/ }).click();
  const contacts = page.getByRole('table', { name: 'Contacts in this sequence' });
  await expect(contacts.getByRole('row')).toHaveCount(9); // header + 8 demo contacts
  await expect(contacts.getByRole('button', { name: 'Not synced' }).first()).toBeVisible();

  for (const screen of ['Contacts', 'Sync queue', 'Errors', 'Activity', 'Settings', 'Sequences'] as const) await goTo(page, screen);

  // "g" then a letter jumps between screens and puts focus on the new heading.
  await page.keyboard.press('g');
  await page.keyboard.press('c');
  await expect(page.getByRole('heading', { level: 1, name: 'Contacts' })).toBeFocused();
  await page.keyboard.press('/');
  await expect(page.getByRole('textbox', { name: 'Search contacts' })).toBeFocused();
  await page.keyboard.press('Escape');
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('g');
  await page.keyboard.press('q');
  await expect(page.getByRole('heading', { level: 1, name: 'Sync queue' })).toBeFocused();
});

test('the colour scheme toggles and survives a reload', async ({ page, app }) => {
  await openApp(page, app);
  const html = page.locator('html');
  const toggle = page.getByRole('button', { name: /Switch to (dark|light) theme/ });
  const before = await html.getAttribute('data-mantine-color-scheme');
  await toggle.click();
  const after = before === 'dark' ? 'light' : 'dark';
  await expect(html).toHaveAttribute('data-mantine-color-scheme', after);
  await page.reload();
  await expect(html).toHaveAttribute('data-mantine-color-scheme', after);
  await expect(page.getByRole('button', { name: `Switch to ${before} theme` })).toBeVisible();
});

test('without its token the page explains where the access link comes from', async ({ page, app }) => {
  await page.goto(app.origin);
  await expect(page.getByRole('heading', { name: 'Flowbridge needs its access link' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('npm start');

  // A wrong token is refused by the server and leads to the same explanation.
  await page.goto(`${app.origin}/#token=not-the-token`);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Flowbridge needs its access link' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('refused');
});

test('a browser-mode API call without the token is refused', async ({ app }) => {
  const res = await fetch(`${app.origin}/api/invoke/app:info`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: '{}',
  });
  expect(res.status).toBe(401);
});
