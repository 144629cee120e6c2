import { expect } from '@playwright/test';
import type { App } from './fixtures';

interface Summary {
  id: string;
  name: string;
  counts: Record<string, number>;
  total: number;
}

/** Waits (polling the API) until a sequence has `n` enrollments in `state`. */
export async function waitForState(app: App, sequenceId: string, state: string, n: number): Promise<void> {
  await expect
    .poll(async () => (await app.api<Summary[]>('sequences:list')).find((s) => s.id === sequenceId)?.counts[state] ?? 0, { timeout: 30_000 })
    .toBe(n);
}

export async function importContacts(app: App, emails: string[], extra: Record<string, string[]> = {}): Promise<void> {
  const extraCols = Object.keys(extra);
  const lines = [['email', 'first_name', 'last_name', ...extraCols].join(',')];
  emails.forEach((e, i) => lines.push([e, `First${i}`, `Last${i}`, ...extraCols.map((c) => extra[c]![i] ?? '')].join(',')));
  await app.api('contacts:import', { csv: lines.join('\n') });
}
