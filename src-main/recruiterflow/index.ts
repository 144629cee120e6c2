// Public API of the Recruiterflow client.
export { RecruiterflowError, parseRetryAfter } from './errors';
export { type RequestEvent } from './http';
export { createRecruiterflowClient, type RecruiterflowClient, type RecruiterflowClientOptions } from './client';
export {
  DEFAULT_SEARCH_BATCH,
  planAddNote,
  planAddToJob,
  planCreate,
  planGet,
  planJob,
  planMoveToStage,
  planSearch,
  planUpdate,
} from './requests';
export { currentCustomFields, mergeForUpdate } from './merge';
export { formatCustomFieldValue } from './customFields';
export { InFilterCheck } from './lookup';
export type { Prospect, ProspectInput } from './types';
