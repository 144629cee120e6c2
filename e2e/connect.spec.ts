import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, openApp, test } from './fixtures';

test('connect with a base URL and API key; a wrong key says so; the key is never shown back', async ({ page, app, sandbox }) => {
  await openApp(page, app, '/settings/connection');
  await expect(page.getByTestId('connection-status')).toHaveText(/not connected/i);

  await page.getByRole('textbox', { name: 'Base URL' }).fill(sandbox.url);
  await page.getByLabel('API key').fill('definitely-wrong');
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: /key/i }).first()).toBeVisible();
  await expect(page.getByTestId('connection-status')).not.toHaveText('Connected');

  await page.getByLabel('API key').fill(sandbox.apiKey);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.getByTestId('connection-status')).toHaveText(/^connected$/i);
  await expect(page.getByTestId('status-connection')).toHaveText('Connected');
  await expect(page.getByText('An API key is set.')).toBeVisible();
  await expect(page.getByLabel('API key')).toHaveValue('');
  await expect(page.getByLabel('API key')).toHaveAttribute('placeholder', 'A key is set');

  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Connection tested' })).toBeVisible();

  await page.getByRole('button', { name: 'Disconnect' }).click();
  await page.getByRole('dialog', { name: 'Disconnect from Recruiterflow?' }).getByRole('button', { name: 'Disconnect' }).click();
  await expect(page.getByTestId('connection-status')).toHaveText(/not connected/i);
});

test('"Use the Sandbox" connects to the built-in sandbox and loads its jobs', async ({ page, app }) => {
  await openApp(page, app, '/settings/connection');
  await page.getByRole('button', { name: 'Use the Sandbox' }).click();
  await expect(page.getByTestId('status-connection')).toHaveText('Connected (Sandbox)');
  await expect(page.getByText(/\d+ jobs cached/)).toBeVisible();
});

test('browser mode says in one line why it cannot use a key the desktop app encrypted, and does not call it invalid', async ({
  page,
  app,
}) => {
  await app.useSandbox();
  // As the desktop app leaves it: the key encrypted with safeStorage, which browser mode cannot decrypt.
  const secrets = join(app.dataDir, 'secrets.json');
  const stored = JSON.parse(readFileSync(secrets, 'utf8')) as Record<string, string>;
  for (const name of Object.keys(stored)) stored[name] = `safe:${Buffer.from('ciphertext').toString('base64')}`;
  writeFileSync(secrets, JSON.stringify(stored), { mode: 0o600 });
  await openApp(page, app, '/settings/connection');
  await expect(page.getByRole('alert').filter({ hasText: 'was saved by the desktop app' })).toContainText(
    "encrypted with this computer's keychain",
  );
  await expect(page.getByTestId('status-connection')).toHaveText('API key unreadable here (Sandbox)');
});
