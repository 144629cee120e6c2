import type { Job } from '../../../src-shared/domain';

/** Select data for a job picker: open jobs first, then closed ones, each group sorted by name. */
export function jobOptions(jobs: Job[] | undefined, extra: { value: string; label: string }[] = []) {
  const list = [...(jobs ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  const open = list.filter((j) => j.isOpen).map((j) => ({ value: String(j.id), label: jobLabel(j) }));
  const closed = list.filter((j) => !j.isOpen).map((j) => ({ value: String(j.id), label: `${jobLabel(j)} (closed)` }));
  const groups: ({ value: string; label: string } | { group: string; items: { value: string; label: string }[] })[] = [...extra];
  if (open.length) groups.push({ group: 'Open jobs', items: open });
  if (closed.length) groups.push({ group: 'Closed jobs', items: closed });
  return groups;
}

export function jobName(jobs: Job[] | undefined, id: number | null | undefined): string {
  if (id == null) return 'No job';
  return jobs?.find((j) => j.id === id)?.name ?? `Job #${id}`;
}

/** "Frontend Engineer · Acme Corp · Remote": two jobs with one title are told apart by client and place. */
function jobLabel(job: Job): string {
  return [job.name, job.client, job.location].filter(Boolean).join(' · ');
}
