// Accessibility audit: axe-core on every screen, dialog and drawer, in the light and the dark scheme.
// Serious and critical violations (colour contrast included) fail the test; each one is listed by
// screen, rule and element so the report says what to fix.
import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';
import { go, seedShowcase, seriousViolations, useReducedMotion, useScheme } from './helpers';

const SCHEMES = ['light', 'dark'] as const;
/** Modals and drawers are checked on their own: the page behind them, dimmed by the overlay, was checked before. */
const DIALOG = '[role="dialog"]';

// The light scheme gets every rule; the dark one colour contrast only (the rest does not depend on colours).
async function audit(page: Page, where: string, found: string[], within?: string): Promise<void> {
  const contrastOnly = where.startsWith('dark');
  for (const v of await seriousViolations(page, { contrastOnly, within })) found.push(`[${where}] ${v}`);
}

test('no serious or critical accessibility violations on any screen, light and dark', async ({ page, app }) => {
  test.setTimeout(150_000);
  const found: string[] = [];
  const table = (name: string) => page.getByRole('table', { name });

  // First start: the empty workspace and the empty screens.
  await useReducedMotion(page);
  await openApp(page, app);
  for (const scheme of SCHEMES) {
    await useScheme(page, scheme);
    await go(page, '/sequences', () => expect(page.getByRole('button', { name: 'Load demo workspace' })).toBeVisible());
    await audit(page, `${scheme} empty sequences`, found);
    await go(page, '/contacts', () => expect(page.getByText('No contacts yet')).toBeVisible());
    await audit(page, `${scheme} empty contacts`, found);
    await go(page, '/queue', () => expect(page.getByText(/The queue is empty/)).toBeVisible());
    await audit(page, `${scheme} empty queue`, found);
    await go(page, '/errors', () => expect(page.getByText('No errors', { exact: true })).toBeVisible());
    await audit(page, `${scheme} no errors`, found);
    await go(page, '/activity', () => expect(page.getByText(/Nothing logged yet/)).toBeVisible());
    await audit(page, `${scheme} empty activity`, found);
  }

  const ids = await seedShowcase(app);
  for (const scheme of SCHEMES) {
    await useScheme(page, scheme);
    await go(page, '/sequences', () => expect(table('Sequences').getByRole('link').first()).toBeVisible());
    await audit(page, `${scheme} sequences`, found);
    await page.getByRole('button', { name: 'New sequence' }).click();
    await expect(page.getByRole('dialog', { name: 'Create a sequence' })).toBeVisible();
    await audit(page, `${scheme} create sequence`, found, DIALOG);
    await page.keyboard.press('Escape');

    await go(page, `/sequences/${ids.fintech}`, () => expect(page.getByRole('button', { name: 'Exists in Recruiterflow' })).toBeVisible());
    await table('Contacts in this sequence').getByRole('checkbox').nth(1).check();
    await expect(page.getByRole('toolbar', { name: 'Bulk actions' })).toBeVisible();
    // A badge's popover covers nothing: one run checks it and the page under it.
    await page.getByRole('button', { name: 'Exists in Recruiterflow' }).click();
    await expect(page.getByRole('dialog', { name: 'Exists in Recruiterflow' })).toBeVisible();
    await audit(page, `${scheme} sequence contacts with a badge's fix`, found);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Add contacts' }).first().click();
    await expect(page.getByRole('dialog', { name: 'Add contacts to this sequence' })).toBeVisible();
    await audit(page, `${scheme} add contacts`, found, DIALOG);
    await page.keyboard.press('Escape');

    await go(page, `/sequences/${ids.backend}/syncing`, () =>
      expect(page.getByRole('button', { name: 'Save sync settings' })).toBeVisible(),
    );
    await audit(page, `${scheme} sequence syncing`, found);

    await go(page, '/contacts', () => expect(table('Contacts').getByRole('row').nth(1)).toBeVisible());
    await audit(page, `${scheme} contacts`, found);
    await page.getByRole('button', { name: 'ada.okafor@northwindlabs.example' }).click();
    await expect(
      page.getByRole('dialog', { name: 'ada.okafor@northwindlabs.example' }).getByRole('table', { name: 'Enrollments' }),
    ).toBeVisible();
    await audit(page, `${scheme} contact drawer`, found, DIALOG);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Import CSV' }).click();
    const wizard = page.getByRole('dialog', { name: 'Import contacts from CSV' });
    await expect(wizard.getByLabel('CSV file')).toBeVisible();
    await audit(page, `${scheme} import: choose file`, found, DIALOG);
    await wizard.getByLabel('CSV file').setInputFiles({
      name: 'leads.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Email,First Name,Seniority\nlena@ex.example,Lena,Senior\nnot-an-email,Bad,\n'),
    });
    await expect(wizard.getByRole('table', { name: 'CSV columns and their first rows' })).toBeVisible();
    await audit(page, `${scheme} import: map columns`, found, DIALOG);
    await wizard.getByRole('button', { name: /^Import \d+ rows/ }).click();
    await expect(wizard.getByRole('table', { name: 'Rejected rows' })).toBeVisible();
    await audit(page, `${scheme} import: summary`, found, DIALOG);
    await wizard.getByRole('button', { name: 'Done' }).click();

    await go(page, '/queue', () => expect(table('Queue items').getByRole('row').nth(1)).toBeVisible());
    await audit(page, `${scheme} queue`, found);
    await page
      .getByRole('button', { name: /^Show requests for/ })
      .first()
      .click();
    await expect(page.getByRole('list', { name: 'Planned requests' })).toBeVisible();
    await audit(page, `${scheme} request preview`, found, DIALOG);
    await page.keyboard.press('Escape');

    await go(page, '/errors', () => expect(table('Errors').getByRole('row').nth(1)).toBeVisible());
    await audit(page, `${scheme} errors`, found);
    await go(page, '/activity', () => expect(table('Sync log')).toBeVisible());
    await audit(page, `${scheme} activity`, found);

    await go(page, '/settings/connection', () => expect(page.getByTestId('connection-status')).toBeVisible());
    await audit(page, `${scheme} settings: connection`, found);
    await go(page, '/settings/defaults', () => expect(page.getByRole('button', { name: 'Save defaults' })).toBeVisible());
    await audit(page, `${scheme} settings: defaults`, found);
    await go(page, '/settings/mapping', () => expect(page.getByLabel('Payload preview')).toBeVisible());
    await audit(page, `${scheme} settings: mapping`, found);
    await go(page, '/settings/team', () => expect(table('Teammates')).toBeVisible());
    await audit(page, `${scheme} settings: team`, found);
    await page.getByRole('checkbox', { name: 'All teammates' }).check();
    await page.getByRole('button', { name: 'Review clone…' }).click();
    await expect(page.getByRole('dialog', { name: 'Clone your settings?' })).toBeVisible();
    await audit(page, `${scheme} clone confirmation`, found, DIALOG);
    await page.keyboard.press('Escape');
    await page.getByRole('checkbox', { name: 'All teammates' }).uncheck();

    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await audit(page, `${scheme} shortcuts`, found, DIALOG);
    await page.keyboard.press('Escape');
  }
  expect(found, found.join('\n')).toEqual([]);
});
