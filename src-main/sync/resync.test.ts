// Rule 3: resync backfills enrollments that never synced, under the current settings, and never
// touches one that synced. Contract details 6 and 12.
import { afterEach, describe, expect, it } from 'vitest';
import { EXISTS_IN_RECRUITERFLOW } from '../../src-shared/domain';
import { startSandbox, type Sandbox } from '../sandbox';
import { contactsCsv, openTestBackend, type TestBackend } from '../testing/fixtures';
import {
  FAST_BACKOFF,
  createsOf,
  csvOf,
  enrollmentOf,
  people,
  requestsTo,
  statesOf,
  syncBackend,
  type SyncTest,
} from '../testing/syncFixtures';

let t: SyncTest | null = null;
let offline: TestBackend | null = null;
let sandbox: Sandbox | null = null;
afterEach(async () => {
  await t?.close();
  await offline?.close();
  await sandbox?.stop();
  t = offline = sandbox = null;
});

describe('rule 3: resync', () => {
  it('contacts added before the connection existed wait as not synced; sync run refuses; resync backfills them', async () => {
    offline = openTestBackend({ scheduler: { engine: { backoff: FAST_BACKOFF } } });
    await offline.call('contacts:import', { csv: contactsCsv(3) });
    const seq = await offline.call('sequences:create', { name: 'Before connecting', jobId: 104 });
    await offline.call('sequences:add', { sequenceId: seq.id, emails: people(3) });
    expect(await statesOf(offline, people(3), seq.id)).toEqual(['not_synced', 'not_synced', 'not_synced']);

    const before = await offline.call('sync:status', {});
    expect((await offline.fails('sync:run', {})).code).toBe('not_connected');
    expect((await offline.fails('enrollments:resync', {})).code).toBe('not_connected');
    expect(await offline.call('sync:status', {})).toEqual(before);

    sandbox = await startSandbox({ port: 0 });
    await offline.call('connection:connect', { baseUrl: sandbox.url, apiKey: sandbox.apiKey });
    // Connecting alone does not sync them (contract detail 6): only resync does.
    expect(await offline.call('sync:run', {})).toMatchObject({ created: 0, pending: 0 });
    expect(await offline.call('enrollments:resync', {})).toMatchObject({ queued: 3 });
    expect(await offline.call('sync:run', {})).toMatchObject({ created: 3, jobsAssigned: 3, pending: 0 });
    expect(await statesOf(offline, people(3), seq.id)).toEqual(['synced', 'synced', 'synced']);
  });

  it('contacts added while sync was off are backfilled under the settings of now', async () => {
    t = await syncBackend({ csv: contactsCsv(3) });
    await t.call('settings:set', { syncMode: 'off' });
    const seq = await t.call('sequences:create', { name: 'Was off' });
    await t.call('sequences:add', { sequenceId: seq.id, emails: people(3) });
    await t.call('settings:set', { syncMode: 'on-add', syncAs: 'contact' });
    expect(await t.call('enrollments:resync', { email: 'person1@example.test' })).toMatchObject({ queued: 1 });
    expect(await t.call('enrollments:resync', { sequenceId: seq.id })).toMatchObject({ queued: 2 });
    expect(await enrollmentOf(t, 'person0@example.test', seq.id)).toMatchObject({ state: 'queued', syncAs: 'contact', syncMode: 'on-add' });
    await t.call('sync:run', {});
    for (const email of people(3)) expect(t.sandbox.state.findByEmail(email)?.type).toBe('contact');
  });

  it('resync never touches a contact that already synced', async () => {
    t = await syncBackend({ csv: contactsCsv(2) });
    const seq = await t.call('sequences:create', { name: 'Done' });
    await t.call('sequences:add', { sequenceId: seq.id, emails: people(2) });
    await t.call('sync:run', {});
    const requests = t.sandbox.stats().requests;
    await t.call('settings:set', { syncAs: 'contact', defaultJobId: 101 });
    expect(await t.call('enrollments:resync', {})).toMatchObject({ queued: 0 });
    expect(await t.call('sync:run', {})).toMatchObject({ created: 0, linked: 0, jobsAssigned: 0 });
    expect(t.sandbox.stats().requests).toBe(requests);
    expect(await enrollmentOf(t, 'person0@example.test', seq.id)).toMatchObject({ state: 'synced', syncAs: 'candidate', jobId: null });
    expect(requestsTo(t.sandbox, 'candidate/update')).toBe(0);
  });

  it('resync skips flagged contacts and on-reply contacts without a reply; cleared, a flagged on-reply one waits for its reply', async () => {
    const existing = 'existing@acme.example';
    t = await syncBackend({
      csv: csvOf([
        { email: existing, first_name: 'Erin' },
        { email: 'quiet@example.test', first_name: 'Quinn' },
      ]),
    });
    await t.call('settings:set', { dedup: true, syncMode: 'on-reply' });
    const seq = await t.call('sequences:create', { name: 'Replies only' });
    const added = await t.call('sequences:add', { sequenceId: seq.id, emails: [existing, 'quiet@example.test'] });
    expect(added.flagged).toEqual([{ email: existing, error: EXISTS_IN_RECRUITERFLOW }]);

    expect(await t.call('enrollments:resync', {})).toMatchObject({ queued: 0 });
    expect(await statesOf(t, [existing, 'quiet@example.test'], seq.id)).toEqual(['flagged', 'awaiting_reply']);

    expect(await t.call('errors:clear', { email: existing, sequenceId: seq.id })).toEqual({ cleared: 1 });
    expect(await enrollmentOf(t, existing, seq.id)).toMatchObject({ state: 'awaiting_reply', error: null });
    expect(await t.call('enrollments:resync', {})).toMatchObject({ queued: 0 });
    await t.call('replies:record', { email: existing });
    expect((await enrollmentOf(t, existing, seq.id)).state).toBe('queued');
    expect(await t.call('sync:run', {})).toMatchObject({ created: 0, linked: 1 });
    expect(createsOf(t.sandbox, existing)).toBe(0);
  });

  it('resync requeues a failed contact under the current settings and with a fresh attempt budget', async () => {
    t = await syncBackend({ csv: contactsCsv(1) });
    const seq = await t.call('sequences:create', { name: 'Retry me' });
    t.sandbox.setFaults({ failPaths: [{ path: 'candidate/add', status: 422, times: 1, body: { message: 'Name is required' } }] });
    await t.call('sequences:add', { sequenceId: seq.id, emails: people(1) });
    expect(await t.call('sync:run', {})).toMatchObject({ failed: 1 });
    expect(await enrollmentOf(t, 'person0@example.test', seq.id)).toMatchObject({ state: 'failed', attempts: 1 });
    expect(await t.call('enrollments:resync', {})).toMatchObject({ queued: 1 });
    expect(await enrollmentOf(t, 'person0@example.test', seq.id)).toMatchObject({ state: 'queued', attempts: 0, error: null });
    expect(await t.call('sync:run', {})).toMatchObject({ created: 1 });
  });

  it('resync says why it queued nothing: waiting for a reply, sync disabled, sync off, flagged', async () => {
    t = await syncBackend({ csv: contactsCsv(7) });
    const warm = await t.call('sequences:create', { name: 'Warm', syncMode: 'on-reply' });
    const paused = await t.call('sequences:create', { name: 'Paused', disableSync: true });
    await t.call('sequences:add', { sequenceId: warm.id, emails: people(3) });
    await t.call('sequences:add', { sequenceId: paused.id, emails: people(2, 3) });
    expect(await statesOf(t, people(3), warm.id)).toEqual(['awaiting_reply', 'awaiting_reply', 'awaiting_reply']);
    const result = await t.call('enrollments:resync', {});
    expect(result).toEqual({
      queued: 0,
      skipped: { awaitingReply: 3, syncDisabled: 2, syncOff: 0, flagged: 0, alreadyQueued: 0, dontSync: 0 },
      message: '0 contacts queued: 3 are waiting for a reply, 2 are in a sequence with sync disabled',
    });
    // The counts every screen reads name the state too.
    const summary = (await t.call('sequences:list', {})).find((s) => s.id === warm.id)!;
    expect(summary.counts).toMatchObject({ awaiting_reply: 3, not_synced: 0 });
    expect((await t.call('sync:status', {})).states).toMatchObject({ awaiting_reply: 3, sync_disabled: 2 });
  });
});
