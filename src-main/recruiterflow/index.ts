// Public API of the Recruiterflow client.
export { RecruiterflowError, isRecruiterflowError, parseRetryAfter, type RfErrorKind } from './errors';
export { DEFAULT_TIMEOUT_MS, type Clock, type RequestEvent } from './http';
export { createRecruiterflowClient, type RecruiterflowClient, type RecruiterflowClientOptions } from './client';
export {
  API,
  DEFAULT_PAGE_SIZE,
  DEFAULT_SEARCH_BATCH,
  cleanProspectBody,
  planAddNote,
  planAddToJob,
  planCreate,
  planCustomFieldList,
  planGet,
  planJob,
  planJobList,
  planSearch,
  planUpdate,
  planUserList,
} from './requests';
export { mergeForUpdate } from './merge';
export { InFilterCheck } from './lookup';
export { customFieldKind, formatCustomFieldValue, parseDate, type FormatOptions, type FormatResult } from './customFields';
export type {
  EmailInput,
  JobDetail,
  LocationInput,
  PhoneInput,
  PlannedRequest,
  Prospect,
  ProspectInput,
  ProspectObject,
  RfUser,
} from './types';
