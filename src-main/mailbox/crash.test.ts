// kill -9 in the middle of a `mailbox scan` (a real CLI process against a real Dovecot), then a
// rescan: every reply is recorded exactly once, none lost, none twice.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runKillable } from '../testing/crash/spawnCli';
import { inspectAfterCrash } from '../testing/crash/inspect';
import { dovecotUnavailable, rawMessage, startDovecot, type Dovecot } from '../testing/dovecot';
import { contactsCsv, openTestBackend, tempDir } from '../testing/fixtures';

const skip = dovecotUnavailable();
if (skip) console.log(`mailbox crash test skipped: ${skip}`);

const CONTACTS = 200;
let dovecot: Dovecot;

beforeAll(async () => {
  if (!skip) dovecot = await startDovecot();
}, 30_000);
afterAll(async () => dovecot?.stop());

describe.skipIf(skip !== null)('kill -9 during a mailbox scan', () => {
  it('the rescan records every reply once: none lost, none twice', async () => {
    const dataDir = tempDir('flowbridge-mailbox-crash-');
    const t = openTestBackend({ dataDir });
    await t.call('contacts:import', { csv: contactsCsv(CONTACTS) });
    const seq = await t.call('sequences:create', { name: 'Crash', syncMode: 'on-reply' });
    await t.call('sequences:add', { sequenceId: seq.id, emails: Array.from({ length: CONTACTS }, (_, i) => `person${i}@example.test`) });
    const later = new Date(Date.now() + 5_000);
    const raws: string[] = [];
    for (let i = 0; i < CONTACTS; i++) {
      raws.push(rawMessage({ from: `person${i}@example.test`, subject: `Re: hello ${i}`, date: later }));
      raws.push(rawMessage({ from: `stranger${i}@elsewhere.test`, subject: `News ${i}`, date: later }));
    }
    await dovecot.appendMany(raws);
    await t.call('mailbox:connect', {
      host: dovecot.host,
      port: dovecot.tlsPort,
      user: dovecot.user,
      password: dovecot.password,
      caFile: dovecot.caFile,
    });
    await t.backend.close();

    const watch = new Database(join(dataDir, 'flowbridge.db'), { readonly: true, fileMustExist: true });
    const recorded = () => watch.prepare('select count(*) from replies').pluck().get() as number;
    const run = await runKillable(
      [
        join('node_modules', 'tsx', 'dist', 'cli.mjs'),
        join('src-main', 'cli', 'main.ts'),
        'mailbox',
        'scan',
        '--data-dir',
        dataDir,
        '--json',
      ],
      { kind: 'when', when: () => recorded() > 0, jitterMs: 0 },
      { env: { FLOWBRIDGE_MAILBOX_BATCH: '25' }, awaitReaped: true },
    );
    watch.close();
    expect(run.killed).toBe(true);
    const before = inspectAfterCrash(dataDir, (db) => {
      expect(db.integrity).toBe('ok');
      return db.value<number>('select count(*) from replies');
    });
    expect(before).toBeGreaterThan(0);
    expect(before).toBeLessThan(CONTACTS);

    const again = openTestBackend({ dataDir });
    try {
      const counts = await again.call('mailbox:scan', {});
      expect(counts.replies).toBe(CONTACTS - before);
      const rows = again.backend.ctx.sqlite.prepare('select count(*) as n, count(distinct message_key) as keys from replies').get() as {
        n: number;
        keys: number;
      };
      expect(rows).toEqual({ n: CONTACTS, keys: CONTACTS });
      // And each contact's enrollment saw its reply.
      expect(again.backend.ctx.sqlite.prepare('select count(*) from enrollments where replied_at is not null').pluck().get()).toBe(
        CONTACTS,
      );
      expect(await again.call('mailbox:scan', {})).toMatchObject({ scanned: 0, replies: 0 });
    } finally {
      await again.close();
    }
  }, 120_000);
});
