import { defineConfig } from '@playwright/test';
import { chromiumPath, CHROMIUM_FLAGS } from './scripts/chromium.mjs';

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    headless: true,
    viewport: { width: 1360, height: 860 },
    launchOptions: { executablePath: chromiumPath() ?? undefined, args: CHROMIUM_FLAGS },
    trace: 'off',
  },
});
