import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src-main/**/*.test.ts', 'src-shared/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // Two cores: two workers keep runs lean and leave room for the sandbox servers the tests start.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Tests never touch the developer's real keychain: the keychain path is tested with an injected one.
    env: { FLOWBRIDGE_KEYCHAIN: 'off' },
  },
});
