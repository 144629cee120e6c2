// Rule 7: owners and managers copy their Recruiterflow settings (never the key) to teammates connected
// to Recruiterflow, in a group or not; the others are skipped with their reason; members cannot clone.
import { afterEach, describe, expect, it } from 'vitest';
import { syncBackend, type SyncTest } from '../testing/syncFixtures';

let t: SyncTest | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

async function team(t: SyncTest): Promise<void> {
  await t.call('users:add', {
    email: 'mia@agency.example',
    name: 'Mia Manager',
    role: 'manager',
    group: 'Tech',
    integration: 'recruiterflow',
  });
  await t.call('users:add', { email: 'max@agency.example', name: 'Max Member', role: 'member', integration: 'recruiterflow' });
  await t.call('users:add', { email: 'gus@agency.example', name: 'Gus Greenhouse', role: 'member', group: 'Tech', integration: 'other' });
  await t.call('users:add', { email: 'nel@agency.example', name: 'Nel None', role: 'member', integration: 'none' });
}

describe('rule 7: cloning settings', () => {
  it("the owner's mode, sync-as, dedup, default job and mapping reach every Recruiterflow teammate, in a group or not; the key never does", async () => {
    t = await syncBackend();
    await team(t);
    await t.call('settings:set', { syncMode: 'on-reply', syncAs: 'contact', dedup: true, defaultJobId: 105 });
    const mapping = await t.call('mapping:set', {
      rules: [
        { source: 'seniority', target: 'custom:201' },
        { source: 'stack', target: 'skills', write: 'if_blank' },
      ],
    });
    await t.call('mapping:setRequired', { fields: ['title'] });

    const result = await t.call('settings:clone', { all: true });
    expect(result.cloned.sort()).toEqual(['max@agency.example', 'mia@agency.example']);
    expect(result.skipped.sort((a, b) => a.email.localeCompare(b.email))).toEqual([
      { email: 'gus@agency.example', reason: 'different_integration' },
      { email: 'nel@agency.example', reason: 'no_integration' },
    ]);

    for (const email of result.cloned) {
      await t.call('users:use', { email });
      expect(await t.call('settings:get', {})).toMatchObject({
        syncMode: 'on-reply',
        syncAs: 'contact',
        dedup: true,
        defaultJobId: 105,
        connected: false,
      });
      // Write rules come with the rules, and the account's required fields with them.
      expect(await t.call('mapping:get', {})).toMatchObject({ rules: mapping.rules, required: ['title'] });
      expect((await t.call('connection:get', {})).keySet).toBe(false);
    }
    await t.call('users:use', { email: 'nel@agency.example' });
    expect(await t.call('settings:get', {})).toMatchObject({ syncMode: 'on-add', syncAs: 'candidate', dedup: false, defaultJobId: null });
  });

  it('a manager clones to named teammates, and each skipped one comes with its reason', async () => {
    t = await syncBackend();
    await team(t);
    await t.call('users:use', { email: 'mia@agency.example' });
    await t.call('settings:set', { syncMode: 'off', dedup: true });
    const plan = await t.call('settings:clonePlan', { to: ['max@agency.example', 'gus@agency.example', 'nel@agency.example'] });
    const result = await t.call('settings:clone', { to: ['max@agency.example', 'gus@agency.example', 'nel@agency.example'] });
    expect(result).toEqual(plan);
    expect(result.cloned).toEqual(['max@agency.example']);
    expect(result.skipped).toEqual([
      { email: 'gus@agency.example', reason: 'different_integration' },
      { email: 'nel@agency.example', reason: 'no_integration' },
    ]);
    await t.call('users:use', { email: 'max@agency.example' });
    expect(await t.call('settings:get', {})).toMatchObject({ syncMode: 'off', dedup: true });
  });

  it('a member cannot clone settings: forbidden', async () => {
    t = await syncBackend();
    await team(t);
    await t.call('users:use', { email: 'max@agency.example' });
    expect((await t.fails('settings:clone', { all: true })).code).toBe('forbidden');
    expect((await t.fails('settings:clone', { to: ['mia@agency.example'] })).code).toBe('forbidden');
  });

  it('a cloned teammate keeps their own sequences: later enrollments use the cloned settings, earlier ones keep theirs', async () => {
    t = await syncBackend();
    await team(t);
    await t.call('contacts:import', { csv: 'email,first_name\nzoe@example.test,Zoe\nyan@example.test,Yan' });
    await t.call('users:use', { email: 'mia@agency.example' });
    const seq = await t.call('sequences:create', { name: "Mia's" });
    await t.call('sequences:add', { sequenceId: seq.id, emails: ['zoe@example.test'] });
    await t.call('users:use', { email: 'owner@flowbridge.local' });
    await t.call('settings:set', { syncAs: 'contact' });
    await t.call('settings:clone', { to: ['mia@agency.example'] });
    await t.call('sequences:add', { sequenceId: seq.id, emails: ['yan@example.test'] });
    const zoe = (await t.call('contacts:get', { email: 'zoe@example.test' })).enrollments[0]!;
    const yan = (await t.call('contacts:get', { email: 'yan@example.test' })).enrollments[0]!;
    expect([zoe.syncAs, yan.syncAs]).toEqual(['candidate', 'contact']);
  });
});
