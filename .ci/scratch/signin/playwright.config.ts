import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

// The Next.js scratch app's sign-in, run by .ci/scratch-apps.mjs once it has built the app from the
// packed tarballs and allowlisted its origin in a fresh data directory with the operator CLI.
const nextDir = process.env.ORGAUTH_SCRATCH_NEXT_DIR;
const dataDir = process.env.ORGAUTH_SCRATCH_DATA_DIR;
if (!nextDir || !dataDir)
  throw new Error(
    'Run through `npm test` (.ci/scratch-apps.mjs): it builds the Next.js app and prepares its data directory.',
  );
const appPort = Number(process.env.ORGAUTH_SCRATCH_APP_PORT ?? 3401);
const serverPort = Number(process.env.ORGAUTH_SCRATCH_SERVER_PORT ?? 3402);
const chromium = process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  outputDir: '../../../.tmp/playwright-scratch',
  use: {
    baseURL: `http://localhost:${appPort}`,
    trace: 'retain-on-failure',
    launchOptions: {
      ...(chromium ? { executablePath: chromium } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: [
    {
      command: `node packages/server/dist/cli.js --dev --port ${serverPort} --data-dir ${dataDir}`,
      cwd: '../../..',
      url: `http://localhost:${serverPort}/dev/mailbox.json`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'pipe',
    },
    {
      command: `npx --no -- next start --port ${appPort} --hostname 127.0.0.1`,
      cwd: nextDir,
      url: `http://127.0.0.1:${appPort}/`,
      env: { NEXT_TELEMETRY_DISABLED: '1' },
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'pipe',
    },
  ],
});
