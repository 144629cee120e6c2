// The sync as its own process, for the crash test: what `sync run --wait SECONDS --json` does, except
// that every answer from Recruiterflow is held back HOLD_MS after it arrived. A SIGKILL then often lands
// after Recruiterflow created a record and before the outcome was written: exactly the window that
// check-before-create (and the create_started_at mark) must cover.
// Usage: node --import tsx src-main/testing/syncChild.ts DATA_DIR HOLD_MS WAIT_SECONDS
import { createBackend } from '../app/createBackend';

const [dataDir, hold = '0', wait = '30'] = process.argv.slice(2);
if (!dataDir) {
  process.stderr.write('usage: syncChild.ts DATA_DIR HOLD_MS WAIT_SECONDS\n');
  process.exit(2);
}
const holdMs = Number(hold);
const base = globalThis.fetch;
const heldFetch = (async (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => {
  const res = await base(input, init);
  if (holdMs > 0) await new Promise((resolve) => setTimeout(resolve, holdMs));
  return res;
}) as typeof fetch;

const backend = createBackend({
  dataDir,
  host: 'cli',
  fetch: heldFetch,
  scheduler: { engine: { backoff: { baseMs: 50, capMs: 500, maxAttempts: 20 }, offlineProbeMs: 100 } },
});
const result = await backend.invoke('sync:run', { wait: Number(wait) });
await backend.close();
process.stdout.write(`${JSON.stringify(result.ok ? result.value : { error: result.error })}\n`, () => process.exit(result.ok ? 0 : 1));
