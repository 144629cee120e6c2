// Screenshots of every screen, light and dark, for docs/screenshots (and the README).
// Not part of the regular run: `FLOWBRIDGE_SCREENSHOTS=1 npx playwright test e2e/screenshots.spec.ts`.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, openApp, test, type App } from './fixtures';
import { importContacts, waitForState } from './helpers';

const OUT = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));

test.skip(!process.env.FLOWBRIDGE_SCREENSHOTS, 'set FLOWBRIDGE_SCREENSHOTS=1 to refresh docs/screenshots');
test.setTimeout(240_000);

async function seed(app: App): Promise<Record<string, string>> {
  await app.api('app:loadDemo');
  await app.useSandbox();
  const seqs = await app.api<{ id: string; name: string }[]>('sequences:list');
  const id = (part: string) => seqs.find((s) => s.name.includes(part))!.id;
  const backend = id('backend');
  const fintech = id('Fintech');
  const designers = id('designers');
  await app.api('enrollments:resync', { sequenceId: backend });
  await waitForState(app, backend, 'synced', 8);
  const jobs = await app.api<{ id: number; isOpen: boolean }[]>('jobs:list');
  await app.api('sequences:update', { id: backend, jobId: jobs.find((j) => j.isOpen)!.id });

  await app.api('settings:set', { dedup: true });
  await app.api('mapping:set', { rules: [{ source: 'seniority', target: 'custom:201' }] });
  await importContacts(app, ['existing@acme.example', 'sam.staff@example.com'], { seniority: ['Senior', 'Staff'] });
  await app.api('sequences:add', { sequenceId: fintech, emails: ['existing@acme.example'] });
  await app.api('sequences:add', { sequenceId: backend, emails: ['sam.staff@example.com'] });
  await waitForState(app, backend, 'failed', 1);

  await app.api('settings:set', { reviewBeforeSync: true });
  await app.api('enrollments:resync', { sequenceId: fintech });
  await app.api('users:add', { email: 'mia@team.example', name: 'Mia Manager', role: 'manager', group: 'Berlin', integration: 'recruiterflow' });
  await app.api('users:add', { email: 'oscar@team.example', name: 'Oscar Other', role: 'member', integration: 'other' });
  return { backend, fintech, designers };
}

async function snap(page: Page, name: string, scheme: string): Promise<void> {
  // Close the toasts of the set-up steps: they would cover the header.
  const toasts = page.locator('.mantine-Notification-root');
  while ((await toasts.count()) > 0) {
    await toasts.first().getByRole('button').click();
    await page.waitForTimeout(250);
  }
  await page.mouse.move(0, 0);
  await page.waitForTimeout(400); // let transitions settle
  await page.screenshot({ path: join(OUT, `${name}-${scheme}.png`) });
}

async function go(page: Page, hash: string, ready: () => Promise<void>): Promise<void> {
  await page.evaluate(`location.hash = ${JSON.stringify(hash)}`);
  await ready();
}

test('screenshots of every screen, light and dark', async ({ page, app }) => {
  mkdirSync(OUT, { recursive: true });
  const ids = await seed(app);
  for (const scheme of ['light', 'dark']) {
    await openApp(page, app);
    await page.evaluate(`localStorage.setItem('flowbridge-color-scheme', '${scheme}')`);
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme);

    await go(page, '/sequences', () => expect(page.getByRole('table', { name: 'Sequences' })).toBeVisible());
    await snap(page, 'sequences', scheme);

    await go(page, `/sequences/${ids.fintech}`, () => expect(page.getByRole('button', { name: 'Exists in Recruiterflow' })).toBeVisible());
    await snap(page, 'sequence-contacts', scheme);
    await page.getByRole('button', { name: 'Exists in Recruiterflow' }).click();
    await snap(page, 'error-badge', scheme);
    await page.keyboard.press('Escape');

    await go(page, `/sequences/${ids.backend}/syncing`, () => expect(page.getByRole('button', { name: 'Save sync settings' })).toBeVisible());
    await snap(page, 'sequence-syncing', scheme);

    await go(page, '/contacts', () => expect(page.getByRole('table', { name: 'Contacts' })).toBeVisible());
    await snap(page, 'contacts', scheme);
    await page.getByRole('button', { name: 'ada.okafor@northwindlabs.example' }).click();
    await expect(page.getByRole('dialog', { name: 'ada.okafor@northwindlabs.example' }).getByText('Synced')).toBeVisible();
    await snap(page, 'contact-detail', scheme);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Import CSV' }).click();
    await page.getByLabel('CSV file').setInputFiles({
      name: 'new-leads.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Email,First Name,Last Name,Company,Seniority,Source\nlena@ex.example,Lena,Meyer,Acme,Senior,Meetup\nnot-an-email,Bad,Row,,,\nomar@ex.example,Omar,Haddad,Globex,Mid,Referral\n'),
    });
    await expect(page.getByRole('table', { name: 'CSV columns and their first rows' })).toBeVisible();
    await snap(page, 'import-mapping', scheme);
    await page.getByRole('button', { name: /^Import \d+ rows/ }).click();
    await expect(page.getByRole('table', { name: 'Rejected rows' })).toBeVisible();
    await snap(page, 'import-summary', scheme);
    await page.getByRole('button', { name: 'Done' }).click();

    await go(page, '/queue', () => expect(page.getByRole('table', { name: 'Queue items' }).getByRole('row').nth(1)).toBeVisible());
    await snap(page, 'queue', scheme);
    await page.getByRole('button', { name: /^Show requests for/ }).first().click();
    await expect(page.getByRole('list', { name: 'Planned requests' })).toBeVisible();
    await snap(page, 'queue-requests', scheme);
    await page.keyboard.press('Escape');

    await go(page, '/errors', () => expect(page.getByRole('table', { name: 'Errors' }).getByRole('row').nth(1)).toBeVisible());
    await snap(page, 'errors', scheme);

    await go(page, '/activity', () => expect(page.getByRole('table', { name: 'Sync log' })).toBeVisible());
    await snap(page, 'activity', scheme);

    await go(page, '/settings/connection', () => expect(page.getByTestId('connection-status')).toBeVisible());
    await snap(page, 'settings-connection', scheme);
    await go(page, '/settings/defaults', () => expect(page.getByRole('button', { name: 'Save defaults' })).toBeVisible());
    await snap(page, 'settings-defaults', scheme);
    await go(page, '/settings/mapping', () => expect(page.getByLabel('Payload preview')).toBeVisible());
    await snap(page, 'settings-mapping', scheme);
    await go(page, '/settings/team', () => expect(page.getByRole('table', { name: 'Teammates' })).toBeVisible());
    await page.getByRole('checkbox', { name: 'All teammates' }).check();
    await page.getByRole('button', { name: 'Review clone…' }).click();
    await expect(page.getByRole('dialog', { name: 'Clone your settings?' })).toBeVisible();
    await snap(page, 'settings-team-clone', scheme);
    await page.keyboard.press('Escape');
    await page.getByRole('checkbox', { name: 'All teammates' }).uncheck();
  }
});
