// The limit a sync is measured against, measured in the same run on the same data: the requests the
// engine sends for n new contacts with a job (per batch of DEFAULT_SEARCH_BATCH: the email lookup over
// candidates and contacts, the LinkedIn URL and phone searches; per contact: the create and the job
// assignment; once: the check of the server's `in` filter), sent by a bare loop over the app's HTTP client
// at the engine's concurrency, with no application code: no database, no queue, no leases, no mapping.
// A batch's creates wait for its searches (they decide whether to create); the next batch's searches go out
// while this batch's creates run, so the lanes never idle for want of work.
import { createRecruiterflowClient, DEFAULT_SEARCH_BATCH, type ProspectInput } from '../../src-main/recruiterflow';
import { contactRow } from './data';

const PHONE_TYPE_MOBILE = 1;

function body(i: number): ProspectInput {
  const [email, first, last, title, , phone, linkedin, location] = contactRow(i);
  return {
    email: [{ email: email!, is_primary: 1 }],
    first_name: first,
    last_name: last,
    name: `${first} ${last}`,
    title,
    phone_number: [{ phone_number: phone!, type: PHONE_TYPE_MOBILE }],
    linkedin_profile: linkedin,
    location: { location },
  };
}

/**
 * The bare loop for contacts 0..n-1 against a sandbox just reset (the job is the first open one): its
 * wall-clock ms and the requests it sent (`served` reads the sandbox's request count).
 */
export async function bareSync(
  sandbox: { url: string; apiKey: string; served: () => Promise<number> },
  n: number,
  concurrency: number,
): Promise<{ ms: number; requests: number }> {
  const client = createRecruiterflowClient({ baseUrl: sandbox.url, apiKey: sandbox.apiKey });
  const jobId = (await client.listJobs()).find((j) => j.isOpen)!.id;
  // The tasks in the order the engine meets them; each lane takes the next one when it is free.
  const tasks: (() => Promise<unknown>)[] = [];
  for (let start = 0; start < n; start += DEFAULT_SEARCH_BATCH) {
    const ids = Array.from({ length: Math.min(DEFAULT_SEARCH_BATCH, n - start) }, (_, k) => start + k);
    const rows = ids.map(contactRow);
    let searched!: () => void;
    let left = 3;
    const searches = new Promise<void>((resolve) => (searched = resolve));
    const search = (call: () => Promise<unknown>) => async () => {
      await call();
      if (--left === 0) searched();
    };
    tasks.push(
      search(() => client.findByEmails(rows.map((r) => r[0]!))),
      search(() =>
        client.findByIdentity(
          'linkedin_profile',
          rows.map((r) => r[6]!),
          'candidate',
        ),
      ),
      search(() =>
        client.findByIdentity(
          'phone_number',
          rows.map((r) => r[5]!),
          'candidate',
        ),
      ),
    );
    for (const i of ids) {
      tasks.push(async () => {
        await searches;
        await client.addToJob(await client.addCandidate(body(i)), jobId);
      });
    }
  }
  let next = 0;
  const lane = async () => {
    while (next < tasks.length) await tasks[next++]!();
  };
  const before = await sandbox.served();
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, lane));
  const ms = performance.now() - started;
  return { ms, requests: (await sandbox.served()) - before };
}
