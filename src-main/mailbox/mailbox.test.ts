// Reply detection against a real Dovecot IMAP server (src-main/testing/dovecot.ts): the connection and
// its failures, what counts as a reply, auto-replies in every header form and language, bounces,
// strangers, old mail, UIDVALIDITY changes, the server going away, notes in the sandbox, live IDLE.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dovecotUnavailable, rawMessage, startDovecot, type Dovecot } from '../testing/dovecot';
import { contactsCsv } from '../testing/fixtures';
import { connectedBackend, openTestBackend } from '../testing/fixtures';
import { createsOf, enrollmentOf, eventually, FAST_BACKOFF, syncBackend, type SyncTest } from '../testing/syncFixtures';

const skip = dovecotUnavailable();
if (skip) console.log(`mailbox tests skipped: ${skip}`);

const ANA = 'person0@example.test';
const BEN = 'person1@example.test';
const CY = 'person2@example.test';
const DAY = 86_400_000;

let dovecot: Dovecot;
let t: SyncTest | null = null;

beforeAll(async () => {
  if (!skip) dovecot = await startDovecot();
}, 30_000);
afterAll(async () => dovecot?.stop());
afterEach(async () => {
  await t?.close();
  t = null;
});

async function setUp(options: { live?: boolean } = {}) {
  const test = options.live
    ? await connectedBackend({
        csv: contactsCsv(4),
        backend: { scheduler: { engine: { backoff: FAST_BACKOFF } }, mailbox: { retryMs: 100, maxRetryMs: 300 } },
      })
    : await syncBackend({ csv: contactsCsv(4) });
  // The mailbox is shared by the tests of this file: each test starts from an empty inbox.
  const fresh = `run${Math.random().toString(36).slice(2, 8)}`;
  await dovecot.createFolder(fresh);
  void options;
  t = test;
  const reply = await test.call('sequences:create', { name: 'Backend engineers', syncMode: 'on-reply', jobId: 101 });
  const second = await test.call('sequences:create', { name: 'Platform leads', syncMode: 'on-reply' });
  const onAdd = await test.call('sequences:create', { name: 'Warm', syncMode: 'on-add' });
  await test.call('sequences:add', { sequenceId: reply.id, emails: [ANA, BEN, CY] });
  await test.call('sequences:add', { sequenceId: second.id, emails: [ANA] });
  await test.call('sequences:add', { sequenceId: onAdd.id, emails: ['person3@example.test'] });
  await test.call('mailbox:connect', {
    host: dovecot.host,
    port: dovecot.tlsPort,
    user: dovecot.user,
    password: dovecot.password,
    security: 'tls',
    caFile: dovecot.caFile,
    folder: fresh,
  });
  return { t: test, folder: fresh, seq: { reply, second, onAdd } };
}

const put = (folder: string, m: Parameters<typeof rawMessage>[0]) => dovecot.append(rawMessage(m), { folder });

describe.skipIf(skip !== null)('mailbox connection', () => {
  it('checks the login before saving: a wrong password is auth_failed and saves nothing', async () => {
    t = await syncBackend();
    const error = await t.fails('mailbox:connect', {
      host: dovecot.host,
      port: dovecot.tlsPort,
      user: dovecot.user,
      password: 'wrong',
      caFile: dovecot.caFile,
    });
    expect(error.code).toBe('auth_failed');
    expect(error.message).not.toContain('wrong');
    expect((await t.call('mailbox:get', {})).connected).toBe(false);
  });

  it('refuses an untrusted certificate (tls_failed) and accepts it with --ca; STARTTLS works too', async () => {
    t = await syncBackend();
    const base = { host: dovecot.host, user: dovecot.user, password: dovecot.password };
    expect((await t.fails('mailbox:connect', { ...base, port: dovecot.tlsPort })).code).toBe('tls_failed');
    expect((await t.fails('mailbox:connect', { ...base, port: dovecot.plainPort, security: 'starttls' })).code).toBe('tls_failed');
    const ok = await t.call('mailbox:connect', { ...base, port: dovecot.plainPort, security: 'starttls', caFile: dovecot.caFile });
    expect(ok).toMatchObject({ connected: true, security: 'starttls', state: 'idle' });
  });

  it('allows plain IMAP only to loopback hosts, and says when nothing listens', async () => {
    t = await syncBackend();
    const refused = await t.fails('mailbox:connect', { host: 'imap.example.com', user: 'u', password: 'p', security: 'none' });
    expect(refused).toMatchObject({ code: 'invalid_input' });
    expect(refused.message).toMatch(/only allowed to this machine/);
    const plain = await t.call('mailbox:connect', {
      host: '127.0.0.1',
      port: dovecot.plainPort,
      user: dovecot.user,
      password: dovecot.password,
      security: 'none',
    });
    expect(plain.connected).toBe(true);
    expect((await t.fails('mailbox:connect', { host: '127.0.0.1', port: 1, user: 'u', password: 'p', security: 'none' })).code).toBe(
      'unreachable',
    );
  });

  it('keeps the password out of the database, the events and every answer', async () => {
    t = await syncBackend();
    const events: string[] = [];
    t.backend.events.subscribe((name, payload) => events.push(JSON.stringify({ name, payload })));
    await t.call('mailbox:connect', {
      host: dovecot.host,
      port: dovecot.tlsPort,
      user: dovecot.user,
      password: dovecot.password,
      caFile: dovecot.caFile,
    });
    const status = JSON.stringify(await t.call('mailbox:get', {}));
    expect(status).not.toContain(dovecot.password);
    expect(events.join('\n')).not.toContain(dovecot.password);
    for (const file of readdirSync(t.dataDir).filter((f) => f.startsWith('flowbridge.db'))) {
      expect(readFileSync(join(t.dataDir, file)).includes(Buffer.from(dovecot.password))).toBe(false);
    }
    await t.call('mailbox:disconnect', {});
    expect(readFileSync(join(t.dataDir, 'secrets.json'), 'utf8')).not.toContain(dovecot.password);
  });
});

describe.skipIf(skip !== null)('what counts as a reply', () => {
  it('records replies, triggers every on-reply enrollment waiting for one, and a second scan finds nothing new', async () => {
    const { t, folder, seq } = await setUp();
    await put(folder, {
      from: 'Ana <Person0@Example.test>',
      subject: 'Re: Backend role',
      body: 'Happy to talk next week.\n\nOn Mon, Ana wrote:\n> old text',
    });
    await put(folder, { from: 'stranger@elsewhere.test', subject: 'Hello' });
    const first = await t.call('mailbox:scan', {});
    expect(first).toEqual({ scanned: 2, replies: 1, autoReplies: 0, bounces: 0, ignored: 1 });
    expect((await enrollmentOf(t, ANA, seq.reply.id)).state).toBe('queued');
    expect((await enrollmentOf(t, ANA, seq.second.id)).state).toBe('queued');
    expect((await enrollmentOf(t, BEN, seq.reply.id)).state).toBe('awaiting_reply');
    expect(await t.call('mailbox:scan', {})).toEqual({ scanned: 0, replies: 0, autoReplies: 0, bounces: 0, ignored: 0 });
    // --since reads the same mail again: nothing is recorded twice.
    const again = await t.call('mailbox:scan', { since: new Date(Date.now() - DAY).toISOString().slice(0, 10) });
    expect(again).toMatchObject({ scanned: 2, replies: 0 });

    const { replies, bounced } = await t.call('mailbox:contactReplies', { email: ANA });
    expect(bounced).toBe(false);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({
      kind: 'reply',
      source: 'mailbox',
      subject: 'Re: Backend role',
      snippet: 'Happy to talk next week.',
    });
    // The sequence's table filters on it, and the activity chart counts it on today's bar.
    const replied = await t.call('sequences:enrollments', { sequenceId: seq.reply.id, replied: true });
    expect(replied.rows.map((r) => r.email)).toEqual([ANA]);
    expect(replied.total).toBe(1);
    expect((await t.call('sequences:enrollments', { sequenceId: seq.reply.id, replied: false })).total).toBe(2);
    expect((await t.call('mailbox:perDay', { days: 7 })).at(-1)).toMatchObject({ day: new Date().toISOString().slice(0, 10), replies: 1 });
    // The stranger is not stored anywhere.
    expect(t.backend.ctx.sqlite.prepare("select count(*) from replies where from_address like '%stranger%'").pluck().get()).toBe(0);

    await t.call('sync:run', {});
    expect(createsOf(t.sandbox, ANA)).toBe(1);
    expect(t.sandbox.state.findByEmail(ANA)?.jobs.map((j) => j.job_id)).toEqual([101]);
    expect(createsOf(t.sandbox, BEN)).toBe(0);
  });

  it('ignores mail older than the enrollment', async () => {
    const { t, folder, seq } = await setUp();
    await put(folder, { from: BEN, subject: 'Re: last year', date: new Date(Date.now() - 3 * DAY) });
    expect(await t.call('mailbox:scan', {})).toMatchObject({ scanned: 1, replies: 0, ignored: 1 });
    expect((await enrollmentOf(t, BEN, seq.reply.id)).state).toBe('awaiting_reply');
    expect((await t.call('mailbox:contactReplies', { email: BEN })).replies).toEqual([]);
  });

  it('records auto-replies in every header form and each language, with the return date, and triggers nothing', async () => {
    const { t, folder, seq } = await setUp();
    const later = new Date(Date.now() + 60_000);
    const forms: Parameters<typeof rawMessage>[0][] = [
      { from: BEN, subject: 'Re: role', headers: { 'Auto-Submitted': 'auto-replied' } },
      { from: BEN, subject: 'Re: role', headers: { 'X-Autoreply': 'yes' } },
      { from: BEN, subject: 'Re: role', headers: { 'X-Autorespond': 'Out of office' } },
      { from: BEN, subject: 'Re: role', headers: { Precedence: 'auto_reply' } },
      { from: BEN, subject: 'Re: role', headers: { Precedence: 'bulk' } },
      { from: BEN, subject: 'Re: role', headers: { Precedence: 'junk' } },
      { from: BEN, subject: 'Out of Office: Re: role', body: 'I am back on Monday, 7 December.' },
      { from: BEN, subject: 'Automatic reply: role' },
      { from: BEN, subject: 'Abwesenheitsnotiz: role', body: 'Ich bin ab dem 14. Dezember wieder im Büro.' },
      { from: BEN, subject: 'Automatische Antwort: role' },
      { from: BEN, subject: 'Absence du bureau', body: 'Je serai de retour le 21 décembre.' },
      { from: BEN, subject: 'Réponse automatique : role' },
      { from: BEN, subject: 'Respuesta automática: role', body: 'Estaré de vuelta el 28 de diciembre.' },
      { from: BEN, subject: 'Fuera de la oficina' },
    ];
    for (const m of forms) await put(folder, { ...m, date: later });
    // Auto-Submitted: no is a person's reply.
    await put(folder, { from: CY, subject: 'Re: role', headers: { 'Auto-Submitted': 'no' }, date: later });
    expect(await t.call('mailbox:scan', {})).toMatchObject({ autoReplies: forms.length, replies: 1 });
    expect((await enrollmentOf(t, BEN, seq.reply.id)).state).toBe('awaiting_reply');
    expect((await enrollmentOf(t, CY, seq.reply.id)).state).toBe('queued');
    const ben = await t.call('mailbox:contactReplies', { email: BEN });
    expect(ben.replies.every((r) => r.kind === 'auto_reply')).toBe(true);
    const year = new Date(later).getUTCFullYear();
    const dates = ben.replies
      .map((r) => r.returnDate)
      .filter((d) => d !== null)
      .map((d) => d.slice(5));
    expect(dates.sort()).toEqual(['12-07', '12-14', '12-21', '12-28']);
    expect(ben.replies.some((r) => r.returnDate?.startsWith(String(year)) || r.returnDate?.startsWith(String(year + 1)))).toBe(true);
  });

  it('bounces (a DSN with Final-Recipient, and a mailer-daemon message) mark the contact bounced, not replied', async () => {
    const { t, folder, seq } = await setUp();
    const boundary = 'dsn-boundary';
    await put(folder, {
      from: 'Mail Delivery System <mailer-daemon@mx.example.test>',
      subject: 'Undelivered Mail Returned to Sender',
      contentType: `multipart/report; report-type=delivery-status; boundary="${boundary}"`,
      body: [
        `--${boundary}`,
        'Content-Type: text/plain',
        '',
        'Your message could not be delivered to one recipient.',
        `--${boundary}`,
        'Content-Type: message/delivery-status',
        '',
        'Reporting-MTA: dns; mx.example.test',
        '',
        `Final-Recipient: rfc822; ${BEN}`,
        'Action: failed',
        'Status: 5.1.1',
        `--${boundary}--`,
      ].join('\n'),
    });
    // A DSN from an ordinary-looking sender is a bounce too.
    await put(folder, {
      from: 'Delivery <notices@mx2.example.test>',
      subject: 'Delivery failure',
      contentType: `multipart/report; report-type=delivery-status; boundary="${boundary}"`,
      body: [
        `--${boundary}`,
        'Content-Type: message/delivery-status',
        '',
        `Final-Recipient: rfc822;${CY}`,
        'Action: failed',
        `--${boundary}--`,
      ].join('\n'),
    });
    await put(folder, {
      from: 'postmaster@example.test',
      subject: 'Delivery Status Notification (Failure)',
      body: `Delivery to the following recipient failed permanently:\n\n     ${ANA}\n`,
    });
    expect(await t.call('mailbox:scan', {})).toMatchObject({ bounces: 3, replies: 0 });
    for (const email of [ANA, BEN, CY]) {
      expect((await t.call('mailbox:contactReplies', { email })).bounced).toBe(true);
      expect((await enrollmentOf(t, email, seq.reply.id)).state).toBe('awaiting_reply');
    }
    // A sequence's table shows it.
    const rows = (await t.call('sequences:enrollments', { sequenceId: seq.reply.id })).rows;
    expect(
      rows
        .filter((r) => r.bounced)
        .map((r) => r.email)
        .sort(),
    ).toEqual([ANA, BEN, CY]);
    // The error report lists them.
    const report = JSON.parse((await t.call('errors:export', { format: 'json' })).content) as {
      email: string;
      state: string;
      error: string;
    }[];
    expect(
      report
        .filter((r) => r.state === 'bounced')
        .map((r) => r.email)
        .sort(),
    ).toEqual([ANA, ANA, BEN, CY]);
    expect(report.find((r) => r.email === BEN)?.error).toBe('Email bounced: Undelivered Mail Returned to Sender');
  });

  it('a UIDVALIDITY change rescans the window without recording anything twice', async () => {
    const { t, folder } = await setUp();
    await put(folder, { from: ANA, subject: 'Re: one' });
    await put(folder, { from: BEN, subject: 'Re: no id', messageId: null });
    expect(await t.call('mailbox:scan', {})).toMatchObject({ replies: 2 });
    dovecot.changeUidValidity(folder);
    await put(folder, { from: CY, subject: 'Re: after the rebuild' });
    const after = await t.call('mailbox:scan', {});
    expect(after).toMatchObject({ scanned: 3, replies: 1 });
    const count = t.backend.ctx.sqlite.prepare("select count(*) from replies where source = 'mailbox'").pluck().get();
    expect(count).toBe(3);
  });

  it('two hosts on one data folder scanning at once record each reply once', async () => {
    const { t, folder } = await setUp();
    for (let i = 0; i < 3; i++) await put(folder, { from: [ANA, BEN, CY][i]!, subject: `Re: at once ${i}` });
    const other = openTestBackend({ dataDir: t.dataDir });
    try {
      const [a, b] = await Promise.all([t.call('mailbox:scan', {}), other.call('mailbox:scan', {})]);
      expect(a.replies + b.replies).toBe(3);
    } finally {
      await other.backend.close();
    }
    expect(t.backend.ctx.sqlite.prepare('select count(*) from replies').pluck().get()).toBe(3);
    expect(await t.call('mailbox:scan', {})).toMatchObject({ scanned: 0, replies: 0 });
  });

  it('replies recorded by hand are listed as manual', async () => {
    const { t } = await setUp();
    await t.call('replies:record', { email: CY });
    expect((await t.call('mailbox:contactReplies', { email: CY })).replies).toMatchObject([{ kind: 'reply', source: 'manual' }]);
  });
});

describe.skipIf(skip !== null)('the server going away', () => {
  it('a wrong password and an unreachable server show in the status; the scan catches up when it is back', async () => {
    const { t, folder } = await setUp();
    await put(folder, { from: ANA, subject: 'Re: first' });
    expect(await t.call('mailbox:scan', {})).toMatchObject({ replies: 1 });
    await dovecot.kill();
    try {
      await put(folder, { from: BEN, subject: 'never' }).catch(() => undefined);
      expect((await t.fails('mailbox:scan', {})).code).toBe('unreachable');
      expect(await t.call('mailbox:get', {})).toMatchObject({ state: 'unreachable', message: expect.stringMatching(/Cannot reach/) });
    } finally {
      await dovecot.restart();
    }
    await put(folder, { from: BEN, subject: 'Re: while you were away' });
    expect(await t.call('mailbox:scan', {})).toMatchObject({ scanned: 1, replies: 1 });
    expect((await t.call('mailbox:get', {})).state).toBe('idle');

    // The password changed on the server (simulated: the saved one is wrong now).
    t.backend.ctx.secrets.set(
      `mailbox-password:${t.backend.ctx.sqlite.prepare('select user_id from mailboxes').pluck().get() as number}`,
      'revoked',
    );
    expect((await t.fails('mailbox:scan', {})).code).toBe('auth_failed');
    expect((await t.call('mailbox:get', {})).state).toBe('auth_failed');
  }, 30_000);
});

describe.skipIf(skip !== null)('notes in Recruiterflow', () => {
  it('adds one note per reply after the on-reply create, shows it in the dry run, and retries a failed one without blocking the sync', async () => {
    const { t, folder, seq } = await setUp();
    await t.call('mailbox:setNotes', { enabled: true });
    await put(folder, { from: ANA, subject: 'Re: Backend role' });
    await t.call('mailbox:scan', {});
    const items = await t.call('queue:list', {});
    const item = items.rows.find((r) => r.email === ANA && r.sequenceId === seq.reply.id)!;
    const plan = await t.call('queue:preview', { id: item.id });
    expect(plan.requests.at(-1)).toMatchObject({
      method: 'POST',
      path: '/api/external/candidate/notes/add',
      body: { id: '<new id>', value: expect.stringContaining('Re: Backend role') },
    });

    t.sandbox.setFaults({ failPaths: [{ path: 'candidate/notes/add', status: 503, times: 1 }] });
    await t.call('sync:run', {});
    expect(createsOf(t.sandbox, ANA)).toBe(1);
    expect((await enrollmentOf(t, ANA, seq.reply.id)).state).toBe('synced');
    expect(t.sandbox.state.notes).toHaveLength(0);
    // The retry comes due (fast-forward its backoff) and goes through once.
    t.backend.ctx.sqlite.prepare('update reply_notes set next_attempt_at = 0').run();
    await t.call('sync:run', {});
    await t.call('sync:run', {});
    const id = t.sandbox.state.findByEmail(ANA)!.id;
    expect(t.sandbox.state.notes).toMatchObject([
      {
        prospectId: id,
        type: 'candidate',
        value: expect.stringMatching(/^Replied to Backend engineers, Platform leads on \d{4}-\d{2}-\d{2}: Re: Backend role$/),
      },
    ]);
  });

  it('the sandbox takes notes strictly as the spec has them', async () => {
    const { t } = await setUp();
    const post = (path: string, body: unknown) =>
      fetch(`${t.sandbox.url}/api/external/${path}`, {
        method: 'POST',
        headers: { 'RF-Api-Key': t.sandbox.apiKey, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const [prospect] = [...t.sandbox.state.prospects.values()];
    const good = await post(`${prospect!.type}/notes/add`, { id: prospect!.id, value: 'Hi' });
    expect(await good.json()).toEqual({ note_id: 1 });
    expect((await post(`${prospect!.type}/notes/add`, { id: prospect!.id, value: 'Hi', extra: 1 })).status).toBe(400);
    expect((await post(`${prospect!.type}/notes/add`, { id: String(prospect!.id), value: 'Hi' })).status).toBe(400);
    expect((await post(`${prospect!.type}/notes/add`, { id: prospect!.id })).status).toBe(400);
    expect((await post(`${prospect!.type}/notes/add`, { id: 999_999, value: 'x' })).status).toBe(404);
  });
});

describe.skipIf(skip !== null)('live: IDLE while the app runs', () => {
  it('a reply put in the mailbox leads to its on-reply create within seconds', async () => {
    const { t, folder } = await setUp({ live: true });
    t.backend.scheduler.start();
    await eventually(async () => (await t.call('mailbox:get', {})).lastScanAt !== null, 10_000);
    const started = Date.now();
    await put(folder, { from: BEN, subject: 'Re: Backend role' });
    await eventually(() => createsOf(t.sandbox, BEN) === 1, 10_000);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect((await t.call('mailbox:get', {})).live).toBe(true);
  }, 30_000);
});

describe.skipIf(skip !== null)('live: the server going away and coming back', () => {
  it('shows unreachable while it is gone, reconnects by itself, and catches up', async () => {
    const { t, folder } = await setUp({ live: true });
    t.backend.scheduler.start();
    await eventually(async () => (await t.call('mailbox:get', {})).lastScanAt !== null, 10_000);
    await dovecot.kill();
    try {
      await eventually(async () => (await t.call('mailbox:get', {})).state === 'unreachable', 10_000);
      expect((await t.call('mailbox:get', {})).message).toBeTruthy();
    } finally {
      await dovecot.restart();
    }
    await put(folder, { from: CY, subject: 'Re: after the outage' });
    await eventually(() => createsOf(t.sandbox, CY) === 1, 15_000);
    await eventually(async () => (await t.call('mailbox:get', {})).state === 'idle', 5_000);
    expect(createsOf(t.sandbox, CY)).toBe(1);
  }, 40_000);
});
