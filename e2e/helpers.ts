import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import type { EnrollmentState } from '../src-shared/domain';
import type { App } from './fixtures';

/** Waits (polling the API) until a sequence has `n` enrollments in `state`. */
export async function waitForState(app: App, sequenceId: string, state: EnrollmentState, n: number): Promise<void> {
  await expect
    .poll(async () => (await app.api('sequences:list')).find((s) => s.id === sequenceId)?.counts[state] ?? 0, { timeout: 30_000 })
    .toBe(n);
}

export async function importContacts(app: App, emails: string[], extra: Record<string, string[]> = {}): Promise<void> {
  const extraCols = Object.keys(extra);
  const lines = [['email', 'first_name', 'last_name', ...extraCols].join(',')];
  emails.forEach((e, i) => lines.push([e, `First${i}`, `Last${i}`, ...extraCols.map((c) => extra[c]![i] ?? '')].join(',')));
  await app.api('contacts:import', { csv: lines.join('\n') });
}

/**
 * A workspace with something on every screen: the demo data synced to the sandbox, a job, an
 * "Exists in Recruiterflow" flag, a custom-field failure, held queue items and two teammates.
 */
export async function seedShowcase(app: App): Promise<{ backend: string; fintech: string; designers: string }> {
  // A recruiter who has said who they are (otherwise every screen opens with the first-start card).
  await app.api('users:updateMe', { name: 'Robin Recruiter', email: 'robin@agency.example' });
  await app.api('app:loadDemo');
  await app.useSandbox();
  const seqs = await app.api('sequences:list');
  const id = (part: string) => seqs.find((s) => s.name.includes(part))!.id;
  const backend = id('backend');
  const fintech = id('Fintech');
  const designers = id('designers');
  await app.api('enrollments:resync', { sequenceId: backend });
  await waitForState(app, backend, 'synced', 8);
  const jobs = await app.api('jobs:list');
  await app.api('sequences:update', { id: backend, jobId: jobs.find((j) => j.isOpen)!.id });

  await app.api('settings:set', { dedup: true });
  await app.api('mapping:set', { rules: [{ source: 'seniority', target: 'custom:201' }] });
  await importContacts(app, ['existing@acme.example', 'sam.staff@example.com'], { seniority: ['Senior', 'Staff'] });
  await app.api('sequences:add', { sequenceId: fintech, emails: ['existing@acme.example'] });
  await app.api('sequences:add', { sequenceId: backend, emails: ['sam.staff@example.com'] });
  await waitForState(app, backend, 'failed', 1);

  await app.api('settings:set', { reviewBeforeSync: true });
  await app.api('enrollments:resync', { sequenceId: fintech });
  await app.api('users:add', {
    email: 'mia@team.example',
    name: 'Mia Manager',
    role: 'manager',
    group: 'Berlin',
    integration: 'recruiterflow',
  });
  await app.api('users:add', { email: 'oscar@team.example', name: 'Oscar Other', role: 'member', integration: 'other' });
  return { backend, fintech, designers };
}

/** Navigates by setting the hash (the app's own router) and waits until `ready` holds. */
export async function go(page: Page, hash: string, ready: () => Promise<void>): Promise<void> {
  await page.evaluate(`location.hash = ${JSON.stringify(hash)}`);
  await ready();
}

/** Sets the colour scheme the way the toggle stores it, and reloads. */
export async function useScheme(page: Page, scheme: 'light' | 'dark'): Promise<void> {
  await page.evaluate(`localStorage.setItem('flowbridge-color-scheme', '${scheme}')`);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
}

/** Emulates prefers-reduced-motion: the theme's respectReducedMotion then turns Mantine's transitions off. */
export async function useReducedMotion(page: Page): Promise<void> {
  await page.emulateMedia({ reducedMotion: 'reduce' });
}

/**
 * Runs axe on the page as it is and returns the serious and critical violations, one line per
 * offending element ("rule (impact): target — summary"), so a failure names what to fix. `contrastOnly`
 * checks colour contrast alone (for the second colour scheme: names, roles and structure do not change);
 * `within` limits the run to one element (an open dialog: the page behind it was checked on its own).
 */
export async function seriousViolations(
  page: Page,
  { contrastOnly = false, within }: { contrastOnly?: boolean; within?: string } = {},
): Promise<string[]> {
  // With reduced motion emulated (see useReducedMotion) Mantine skips its transitions, so nothing is mid-fade.
  // Legacy mode runs axe in the page in one go; the default opens a second page per run to merge frame
  // results, which this app (no iframes) does not need and which doubles the time.
  const builder = new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ['violations'] });
  if (within) builder.include(within);
  if (contrastOnly) builder.withRules(['color-contrast']);
  else builder.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']);
  const results = await builder.analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map(
        (n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${(n.failureSummary ?? v.help).replace(/\s+/g, ' ').slice(0, 300)}`,
      ),
    );
}
