// A small window (1024×700): no screen scrolls sideways as a whole, tables fit their columns, and a long
// email is cut with an ellipsis and shows in full as a tooltip.
import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';
import { go } from './helpers';

const LONG = 'maximiliane.von-hohenzollern-sigmaringen.recruiting@extremely-long-company-domain-name.example';

async function expectNoSidewaysOverflow(page: Page, where: string): Promise<void> {
  // Runs in the page (a string: the e2e code is type-checked without the DOM library).
  const overflow = await page.evaluate<{ doc: number; tables: number; clipped: string[] }>(`(() => {
    const doc = document.documentElement.scrollWidth - window.innerWidth;
    const tables = [...document.querySelectorAll('[role="region"][id^="table-"]')].map((el) => el.scrollWidth - el.clientWidth);
    // A control cut off by its table cell (say, a row's menu button in a column too narrow) cannot be used.
    const clipped = [...document.querySelectorAll('td button, td a[href], td input')]
      .filter((el) => {
        const cell = el.closest('td').getBoundingClientRect();
        const box = el.getBoundingClientRect();
        return box.width > 0 && (box.right > cell.right + 1 || box.left < cell.left - 1);
      })
      .map((el) => el.getAttribute('aria-label') ?? el.textContent);
    return { doc, tables: Math.max(0, ...tables), clipped };
  })()`);
  expect(overflow, `${where} overflows sideways`).toEqual({ doc: 0, tables: 0, clipped: [] });
}

test('at 1024×700 nothing overflows, and long emails truncate with a tooltip', async ({ page, app }) => {
  await app.api('app:loadDemo');
  await app.api('contacts:import', {
    csv: `email,first_name,last_name,company\n${LONG},Maximiliane Alexandra,von Hohenzollern-Sigmaringen,International Business Machines Corporation\n`,
  });
  const seqs = await app.api('sequences:list');
  const seq = seqs.find((s) => s.name.includes('designers'))!.id;
  await app.api('sequences:add', { sequenceId: seq, emails: [LONG] });
  // Something in the queue (held for review) and on the errors screen (a contact already in Recruiterflow).
  await app.useSandbox();
  await app.api('settings:set', { reviewBeforeSync: true, dedup: true });
  await app.api('enrollments:resync', { sequenceId: seqs.find((s) => s.name.includes('backend'))!.id });
  await app.api('contacts:import', { csv: 'email\nexisting@acme.example\n' });
  await app.api('sequences:add', { sequenceId: seq, emails: ['existing@acme.example'] });
  await page.setViewportSize({ width: 1024, height: 700 });
  await openApp(page, app);

  const screens: [string, string][] = [
    ['/sequences', 'Sequences'],
    [`/sequences/${seq}`, 'Demo · Product designers (sync on reply)'],
    [`/sequences/${seq}/syncing`, 'Demo · Product designers (sync on reply)'],
    ['/contacts', 'Contacts'],
    ['/queue', 'Sync queue'],
    ['/errors', 'Errors'],
    ['/activity', 'Activity'],
    ['/settings/connection', 'Settings'],
    ['/settings/defaults', 'Settings'],
    ['/settings/mapping', 'Settings'],
    ['/settings/team', 'Settings'],
  ];
  for (const [hash, heading] of screens) {
    await go(page, hash, () => expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible());
    await expect(page.getByLabel(/^Loading/)).toHaveCount(0);
    await expectNoSidewaysOverflow(page, hash);
  }

  for (const hash of [`/sequences/${seq}`, '/contacts']) {
    await go(page, hash, () => expect(page.getByRole('button', { name: LONG })).toBeVisible());
    const cell = page.getByRole('button', { name: LONG });
    await expect(cell).toHaveAttribute('title', LONG);
    expect(await cell.evaluate((el) => el.scrollWidth > el.clientWidth), `${hash}: the long email is cut`).toBe(true);
  }
});
