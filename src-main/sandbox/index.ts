// Public API of the sandbox Recruiterflow (used by tests, e2e fixtures, benchmarks and the app's
// sandbox mode). specProxy.ts is test tooling and deliberately not exported here.
export { startSandbox, SANDBOX_API_KEY, type Sandbox } from './server';
export { mulberry32 } from './random';
export type { Faults, SandboxStats } from './types';
