// Users, connection, settings, mapping and jobs.
import type { HandlerGroup } from '../backend/registry';
import { cloneSettings, planClone } from '../domain/clone';
import { describeConnection, disconnect } from '../domain/connection';
import { getMapping, mappingCatalog, setMapping, setRequiredFields } from '../domain/mapping';
import { cachedJobs, refreshMetadata } from '../domain/metadata';
import { getSettings, setSettings } from '../domain/settings';
import { addUser, listUsers, updateMe, useUser } from '../domain/users';
import { connectAndResume, testAndResume, useSandboxAndResume } from '../sync/connect';
import { previewMapping } from '../sync/preview';

export const peopleHandlers: HandlerGroup = {
  'users:list': (_, ctx) => listUsers(ctx),
  'users:add': (input, ctx) => addUser(ctx, input),
  'users:use': (input, ctx) => useUser(ctx, input.email),
  'users:updateMe': (input, ctx) => updateMe(ctx, input),

  'connection:get': (_, ctx) => describeConnection(ctx),
  'connection:connect': (input, ctx) => connectAndResume(ctx, input),
  'connection:useSandbox': (input, ctx) => useSandboxAndResume(ctx, input.confirmSwitch),
  'connection:test': (_, ctx) => testAndResume(ctx),
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
  'mapping:setRequired': (input, ctx) => setRequiredFields(ctx, input.fields),
  'mapping:preview': (input, ctx) => previewMapping(ctx, input),

  'jobs:list': (_, ctx) => cachedJobs(ctx),
  'jobs:refresh': async (_, ctx) => {
    await refreshMetadata(ctx);
    return cachedJobs(ctx);
  },
};
