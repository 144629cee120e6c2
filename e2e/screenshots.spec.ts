// Screenshots of every screen, light and dark, for docs/screenshots (and the README).
// Not part of the regular run: `FLOWBRIDGE_SCREENSHOTS=1 npx playwright test e2e/screenshots.spec.ts`.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';
import { go, importContacts, seedShowcase, useReducedMotion, useScheme } from './helpers';

const OUT = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));

test.skip(!process.env.FLOWBRIDGE_SCREENSHOTS, 'set FLOWBRIDGE_SCREENSHOTS=1 to refresh docs/screenshots');
test.setTimeout(240_000);

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

test('screenshots of every screen, light and dark', async ({ page, app }) => {
  mkdirSync(OUT, { recursive: true });
  await useReducedMotion(page);
  await openApp(page, app);
  // First start, on an empty data folder.
  for (const scheme of ['light', 'dark'] as const) {
    await useScheme(page, scheme);
    await go(page, '/sequences', () => expect(page.getByRole('button', { name: 'Load demo workspace' })).toBeVisible());
    await snap(page, 'welcome', scheme);
  }
  const ids = await seedShowcase(app);
  // A Candidate-with-job enrollment whose email Recruiterflow has only as a Contact (issue 11, item 3).
  await importContacts(app, ['existing.contact@acme.example']);
  await app.api('sequences:add', { sequenceId: ids.backend, emails: ['existing.contact@acme.example'] });
  // The designers (on reply, loaded before the Sandbox was connected) now wait for their replies.
  await app.api('enrollments:resync', { sequenceId: ids.designers });
  for (const scheme of ['light', 'dark'] as const) {
    await useScheme(page, scheme);

    await go(page, '/sequences', () => expect(page.getByRole('table', { name: 'Sequences' })).toBeVisible());
    await snap(page, 'sequences', scheme);

    await go(page, `/sequences/${ids.fintech}`, () => expect(page.getByRole('button', { name: 'Exists in Recruiterflow' })).toBeVisible());
    await snap(page, 'sequence-contacts', scheme);
    await page.getByRole('button', { name: 'Exists in Recruiterflow' }).click();
    await snap(page, 'error-badge', scheme);
    await page.keyboard.press('Escape');

    // Each state's badge and its popover: the evidence of a flag, the fixes of a failure, a reply awaited.
    await go(page, `/sequences/${ids.backend}`, () =>
      expect(page.getByRole('button', { name: 'Exists in Recruiterflow as a Contact' })).toBeVisible(),
    );
    await page.getByRole('button', { name: 'Exists in Recruiterflow as a Contact' }).click();
    await expect(page.getByRole('dialog', { name: 'Exists in Recruiterflow as a Contact' }).getByLabel('Matched records')).toBeVisible();
    await snap(page, 'badge-exists-as-contact', scheme);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Custom field error' }).click();
    await expect(page.getByRole('dialog', { name: 'Custom field error' }).getByRole('button', { name: 'Edit the contact' })).toBeVisible();
    await snap(page, 'badge-field-fixes', scheme);
    await page.keyboard.press('Escape');
    await go(page, `/sequences/${ids.designers}`, () =>
      expect(page.getByRole('button', { name: 'Waiting for a reply' }).first()).toBeVisible(),
    );
    await page.getByRole('button', { name: 'Waiting for a reply' }).first().click();
    await expect(page.getByRole('dialog', { name: 'Waiting for a reply' })).toBeVisible();
    await snap(page, 'badge-awaiting-reply', scheme);
    await page.keyboard.press('Escape');

    await go(page, `/sequences/${ids.backend}/syncing`, () =>
      expect(page.getByRole('button', { name: 'Save sync settings' })).toBeVisible(),
    );
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
      buffer: Buffer.from(
        'Email,First Name,Last Name,Company,Seniority,Source\nlena@ex.example,Lena,Meyer,Acme,Senior,Meetup\nnot-an-email,Bad,Row,,,\nomar@ex.example,Omar,Haddad,Globex,Mid,Referral\n',
      ),
    });
    await expect(page.getByRole('table', { name: 'CSV columns and their first rows' })).toBeVisible();
    await snap(page, 'import-mapping', scheme);
    await page.getByRole('button', { name: /^Import \d+ rows/ }).click();
    await expect(page.getByRole('table', { name: 'Rejected rows' })).toBeVisible();
    await snap(page, 'import-summary', scheme);
    await page.getByRole('button', { name: 'Done' }).click();

    await go(page, '/queue', () => expect(page.getByRole('table', { name: 'Queue items' }).getByRole('row').nth(1)).toBeVisible());
    await snap(page, 'queue', scheme);
    await page
      .getByRole('button', { name: /^Show requests for/ })
      .first()
      .click();
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
