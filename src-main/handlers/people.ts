// Users, connection, settings, mapping and jobs.
import type { Ctx } from '../backend/context';
import type { HandlerGroup } from '../backend/registry';
import { cloneSettings, planClone } from '../domain/clone';
import { connect, describeConnection, disconnect, testConnection, useSandbox } from '../domain/connection';
import { contactByEmail } from '../domain/contacts';
import { effectiveRules, getMapping, mappingCatalog, sampleContactEmail, setMapping, validateRules } from '../domain/mapping';
import { cachedCustomFields, cachedJobs, refreshMetadata } from '../domain/metadata';
import { getMeta, setMeta } from '../store/meta';
import { getSettings, setSettings } from '../domain/settings';
import { addUser, currentUserRow, listUsers, updateMe, useUser } from '../domain/users';
import { isKeyPause } from '../sync/connectivity';
import { cancelDemoWork } from '../domain/demoGuard';
import { PAUSE_KEY } from '../sync/engine';
import { buildPayload } from '../sync/payload';
import { AppError } from '../../src-shared/result';

/** A fresh connection lifts a pause that a refused key caused. */
function liftKeyPause(ctx: Ctx): void {
  if (isKeyPause(getMeta(ctx, PAUSE_KEY))) setMeta(ctx, PAUSE_KEY, null);
}

export const peopleHandlers: HandlerGroup = {
  'users:list': (_, ctx) => listUsers(ctx),
  'users:add': (input, ctx) => addUser(ctx, input),
  'users:use': (input, ctx) => useUser(ctx, input.email),
  'users:updateMe': (input, ctx) => updateMe(ctx, input),

  'connection:get': (_, ctx) => describeConnection(ctx),
  'connection:connect': async (input, ctx) => {
    const connection = await connect(ctx, input);
    cancelDemoWork(ctx, currentUserRow(ctx).id);
    liftKeyPause(ctx);
    await refreshMetadata(ctx).catch(() => null);
    return connection;
  },
  'connection:useSandbox': async (input, ctx) => {
    const connection = await useSandbox(ctx, input.confirmSwitch);
    liftKeyPause(ctx);
    await refreshMetadata(ctx).catch(() => null);
    return connection;
  },
  'connection:test': async (_, ctx) => {
    const connection = await testConnection(ctx);
    if (connection.status === 'connected') liftKeyPause(ctx);
    return connection;
  },
  'connection:disconnect': (_, ctx) => disconnect(ctx),

  'settings:get': (_, ctx) => getSettings(ctx),
  'settings:set': (input, ctx) => setSettings(ctx, input),
  'settings:clonePlan': (input, ctx) => {
    const { cloned, skipped } = planClone(ctx, input);
    return { cloned, skipped };
  },
  'settings:clone': (input, ctx) => cloneSettings(ctx, input),

  'mapping:get': (_, ctx) => getMapping(ctx),
  'mapping:set': (input, ctx) => setMapping(ctx, input.rules),
  'mapping:catalog': (_, ctx) => mappingCatalog(ctx),
  'mapping:preview': (input, ctx) => {
    const email = input.email ?? sampleContactEmail(ctx);
    const syncAs = input.syncAs ?? getSettings(ctx).syncAs;
    const rules = input.rules ?? getMapping(ctx).rules;
    validateRules(rules);
    const contact = email ? contactByEmail(ctx, email) : null;
    if (email && !contact) throw new AppError('unknown_contact', `No contact with email ${email}`);
    // No contact to build a payload from: an empty preview, not a problem (the screen shows its empty state).
    if (!contact) return { email: null, syncAs, payload: null, problems: [] };
    const built = buildPayload(contact, effectiveRules(rules), syncAs, cachedCustomFields(ctx), {
      defaultCurrency: getSettings(ctx).defaultCurrency,
    });
    return { email: contact.email, syncAs, payload: built.body, problems: built.problems };
  },

  'jobs:list': (_, ctx) => cachedJobs(ctx),
  'jobs:refresh': async (_, ctx) => {
    await refreshMetadata(ctx);
    return cachedJobs(ctx);
  },
};
