import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    pool: 'forks',
    // Two cores: two workers keep runs lean and leave room for the sandbox servers the tests start.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Tests never touch the developer's real keychain: the keychain path is tested with an injected one.
    env: { FLOWBRIDGE_KEYCHAIN: 'off' },
    projects: [
      {
        extends: true,
        test: {
          name: 'backend',
          include: ['src-main/**/*.test.ts', 'src-shared/**/*.test.ts', 'scripts/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        // The renderer's hooks and components in happy-dom, talking to a real backend through the contract.
        extends: true,
        plugins: [react()],
        test: {
          name: 'renderer',
          include: ['src-renderer/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          // The real backend under test calls the sandbox Recruiterflow with the page's fetch (happy-dom's),
          // which would otherwise apply the browser's same-origin rules to a backend's request.
          environmentOptions: { happyDOM: { settings: { fetch: { disableSameOriginPolicy: true } } } },
          setupFiles: ['src-renderer/test/setup.ts'],
        },
      },
    ],
  },
});
