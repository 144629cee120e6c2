// Mailbox figures (issue 13), against a real Dovecot on this machine:
// - the first scan of a folder of 10,000 messages, 500 of them from enrolled contacts (≤ 10 s);
// - with the app running and IDLE on, a reply put in the mailbox → its on-reply contact created in the
//   sandbox Recruiterflow (≤ 5 s).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend, type Backend } from '../../src-main/app/createBackend';
import { startSandbox } from '../../src-main/sandbox';
import { dovecotUnavailable, rawMessage, startDovecot, type Dovecot } from '../../src-main/testing/dovecot';
import { median, ms, timeIt, type Figure } from './measure';

const MESSAGES = 10_000;
const FROM_CONTACTS = 500;

function backendIn(prefix: string): { backend: Backend; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { backend: createBackend({ dataDir: dir, host: 'cli' }), dir };
}

async function invoke<T>(backend: Backend, channel: string, input: unknown): Promise<T> {
  const r = await backend.invoke(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

async function enroll(backend: Backend, emails: string[], mode: 'on-reply' | 'on-add'): Promise<void> {
  await invoke(backend, 'contacts:import', {
    csv: ['email,first_name,last_name', ...emails.map((e, i) => `${e},First${i},Last${i}`)].join('\n'),
  });
  const seq = await invoke<{ id: string }>(backend, 'sequences:create', { name: `Bench ${mode}`, syncMode: mode });
  await invoke(backend, 'sequences:add', { sequenceId: seq.id, emails });
}

async function firstScanFigure(dovecot: Dovecot, runs: number): Promise<Figure> {
  const folder = 'BenchScan';
  await dovecot.createFolder(folder);
  const { backend, dir } = backendIn('flowbridge-bench-mailbox-');
  try {
    // Enrolled first: mail older than the enrollment is not a reply.
    await enroll(
      backend,
      Array.from({ length: FROM_CONTACTS }, (_, i) => `reply${i}@example.test`),
      'on-reply',
    );
    const later = new Date(Date.now() + 1_000);
    const raws: string[] = [];
    for (let i = 0; i < MESSAGES; i++) {
      const fromContact = i % (MESSAGES / FROM_CONTACTS) === 0;
      const from = fromContact ? `reply${i / (MESSAGES / FROM_CONTACTS)}@example.test` : `news${i}@elsewhere.test`;
      raws.push(
        rawMessage({ from, subject: fromContact ? `Re: role ${i}` : `Newsletter ${i}`, date: later, body: 'Some text.\n'.repeat(20) }),
      );
    }
    await dovecot.appendMany(raws, folder);
    await invoke(backend, 'mailbox:connect', {
      host: dovecot.host,
      port: dovecot.tlsPort,
      user: dovecot.user,
      password: dovecot.password,
      caFile: dovecot.caFile,
      folder,
    });
    const times: number[] = [];
    let found = 0;
    for (let r = 0; r < runs; r++) {
      // A first scan each time: no checkpoint, nothing recorded yet.
      backend.ctx.sqlite.exec('delete from mailbox_checkpoints; delete from replies; update enrollments set replied_at = null');
      times.push(
        await timeIt(async () => {
          found = (await invoke<{ replies: number }>(backend, 'mailbox:scan', {})).replies;
        }),
      );
    }
    if (found !== FROM_CONTACTS) throw new Error(`the scan found ${found} replies, not ${FROM_CONTACTS}`);
    const t = median(times);
    return {
      figure: `first mailbox scan of ${MESSAGES.toLocaleString('en')} messages, ${FROM_CONTACTS} from enrolled contacts (real Dovecot over TLS)`,
      measured: `${ms(t)} (${found} replies)`,
      target: '≤ 10 s',
      met: t <= 10_000,
    };
  } finally {
    await backend.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function idleFigure(dovecot: Dovecot, runs: number): Promise<Figure> {
  const folder = 'BenchIdle';
  await dovecot.createFolder(folder);
  const sandbox = await startSandbox({ port: 0 });
  const { backend, dir } = backendIn('flowbridge-bench-idle-');
  try {
    await invoke(backend, 'connection:connect', { baseUrl: sandbox.url, apiKey: sandbox.apiKey });
    const emails = Array.from({ length: runs }, (_, i) => `idle${i}@example.test`);
    await enroll(backend, emails, 'on-reply');
    await invoke(backend, 'mailbox:connect', {
      host: dovecot.host,
      port: dovecot.tlsPort,
      user: dovecot.user,
      password: dovecot.password,
      caFile: dovecot.caFile,
      folder,
    });
    backend.scheduler.start();
    const ready = Date.now() + 15_000;
    while ((await invoke<{ lastScanAt: number | null }>(backend, 'mailbox:get', {})).lastScanAt === null) {
      if (Date.now() > ready) throw new Error('the live watcher did not scan within 15 s');
      await new Promise((r) => setTimeout(r, 20));
    }
    // Let the connection settle into IDLE, as it is between replies in real use.
    await new Promise((r) => setTimeout(r, 1_000));
    const times: number[] = [];
    for (const email of emails) {
      times.push(
        await timeIt(async () => {
          await dovecot.append(rawMessage({ from: email, subject: 'Re: your role', date: new Date(Date.now() + 2_000) }), { folder });
          const until = Date.now() + 30_000;
          while (!sandbox.state.findByEmail(email)) {
            if (Date.now() > until) throw new Error(`${email} was not created within 30 s`);
            await new Promise((r) => setTimeout(r, 5));
          }
        }),
      );
      await new Promise((r) => setTimeout(r, 500));
    }
    const t = median(times);
    return {
      figure: 'reply put in the mailbox → its on-reply contact created in the sandbox (app running, IDLE)',
      measured: ms(t),
      target: '≤ 5 s',
      met: t <= 5_000,
    };
  } finally {
    await backend.close();
    await sandbox.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Both figures; none (with one line on stderr) where no test Dovecot can run. */
export async function mailboxFigures(runs: number): Promise<Figure[]> {
  const reason = dovecotUnavailable();
  if (reason) {
    process.stderr.write(`mailbox figures skipped: ${reason}\n`);
    return [];
  }
  const dovecot = await startDovecot();
  try {
    return [await firstScanFigure(dovecot, runs), await idleFigure(dovecot, runs)];
  } finally {
    await dovecot.stop();
  }
}
