// Record owners and pipeline stages.
import type { HandlerGroup } from '../backend/registry';
import { listOwnerPairings, setOwnerPairing } from '../domain/owners';
import { getStageSettings, setDefaultStage, setSequenceStages } from '../domain/stages';

export const ownerStageHandlers: HandlerGroup = {
  'owners:list': (_, ctx) => listOwnerPairings(ctx),
  'owners:set': (input, ctx) => setOwnerPairing(ctx, input),
  'stages:get': (input, ctx) => getStageSettings(ctx, input),
  'stages:setDefault': (input, ctx) => setDefaultStage(ctx, input),
  'stages:setSequence': (input, ctx) => setSequenceStages(ctx, input),
};
