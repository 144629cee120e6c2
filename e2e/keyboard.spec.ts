import type { Locator, Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';

/** The page's globals, inside evaluate() callbacks (the e2e code is type-checked without the DOM library). */
interface PageGlobals {
  document: { activeElement: unknown };
  getComputedStyle(el: unknown): { outlineStyle: string };
}

/** Presses Tab (or Shift+Tab) until `target` has the focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator, { back = false, max = 80 } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === (globalThis as unknown as PageGlobals).document.activeElement).catch(() => false)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${String(target)} not reached with ${back ? 'Shift+Tab' : 'Tab'} in ${max} presses`);
}

/** Waits until the focus is inside `container`: Mantine moves it into a menu or popover on a timer after opening. */
async function expectFocusInside(container: Locator): Promise<void> {
  await expect
    .poll(() => container.evaluate((el) => el.contains((globalThis as unknown as PageGlobals).document.activeElement as never)))
    .toBe(true);
}

/** The focused element shows a focus ring (Mantine's :focus-visible outline). */
async function expectFocusRing(target: Locator): Promise<void> {
  await expect(target).toBeFocused();
  expect(await target.evaluate((el) => (globalThis as unknown as PageGlobals).getComputedStyle(el).outlineStyle)).not.toBe('none');
}

test('keyboard only: open a sequence, select rows, run a bulk action, open and close a drawer and a badge, act on the queue', async ({
  page,
  app,
}) => {
  await app.api('app:loadDemo');
  await app.useSandbox();
  await app.api('settings:set', { reviewBeforeSync: true }); // resynced contacts wait, held, in the queue
  await openApp(page, app);

  // The first Tab reaches the skip link; it jumps past the header and navigation.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main-content')).toBeFocused();

  const sequence = page.getByRole('table', { name: 'Sequences' }).getByRole('link', { name: /Senior backend engineers/ });
  await tabTo(page, sequence);
  await expectFocusRing(sequence);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Senior backend engineers' })).toBeFocused();

  // Space selects a row; Arrow Down moves to the next row's checkbox.
  const table = page.getByRole('table', { name: 'Contacts in this sequence' });
  const boxes = table.getByRole('checkbox');
  await tabTo(page, boxes.nth(1));
  await expectFocusRing(boxes.nth(1));
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await expect(boxes.nth(2)).toBeFocused();
  await page.keyboard.press('Space');
  const bar = page.getByRole('toolbar', { name: 'Bulk actions' });
  await expect(bar).toContainText('2 selected');

  // Back to the bulk bar, run Resync: a toast reports the finished bulk work and the focus returns to the table.
  await tabTo(page, bar.getByRole('button', { name: 'Resync' }), { back: true });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'Bulk action finished' })).toContainText('2 contacts queued');
  await expect(bar).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Contacts in this sequence (scrollable)' })).toBeFocused();

  // Enter opens a contact's drawer, Escape closes it and gives the focus back.
  const email = table.getByRole('row').nth(1).getByRole('button').first();
  const address = (await email.textContent())!;
  await tabTo(page, email);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: address })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: address })).toHaveCount(0);
  await expect(email).toBeFocused();

  // A state badge opens its explanation with Enter and closes with Escape.
  const badge = table.getByRole('row').nth(1).getByRole('button', { name: 'Queued' });
  await tabTo(page, badge);
  await page.keyboard.press('Enter');
  const explanation = page.getByRole('dialog', { name: 'Queued' });
  await expect(explanation).toContainText('Waiting in the sync queue');
  await expectFocusInside(explanation);
  await page.keyboard.press('Escape');
  await expect(badge).toBeFocused();

  // "g q" goes to the queue; "?" shows the shortcuts, during which "g" shortcuts stay inert.
  await page.keyboard.press('g');
  await page.keyboard.press('q');
  await expect(page.getByRole('heading', { level: 1, name: 'Sync queue' })).toBeFocused();
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('g');
  await page.keyboard.press('s');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Sync queue' })).toBeVisible();

  // A row's menu: Enter opens it, arrows pick an item, Enter runs it.
  const queue = page.getByRole('table', { name: 'Queue items' });
  const actions = queue.getByRole('button', { name: /^Actions for / }).first();
  await tabTo(page, actions);
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu');
  await expect(menu).toBeVisible();
  await expectFocusInside(menu);
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Approve' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'Queue: approve' })).toContainText('1 item approved');
});
