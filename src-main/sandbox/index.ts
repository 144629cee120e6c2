// Public API of the sandbox Recruiterflow (used by tests, e2e fixtures, benchmarks and the app's
// sandbox mode). specProxy.ts is test tooling and deliberately not exported here.
export { startSandbox, seedState, SANDBOX_API_KEY, DEFAULT_MESSAGES, ADMIN_TOKEN_HEADER, type Sandbox } from './server';
export { SandboxState } from './state';
export { mulberry32 } from './random';
export type {
  CreateLogEntry,
  FailPath,
  Faults,
  SandboxCustomField,
  SandboxJob,
  SandboxMessages,
  SandboxOptions,
  SandboxStats,
  SandboxUser,
  StoredProspect,
} from './types';
