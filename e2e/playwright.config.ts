import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { e2eSetup } from './support/origins.js';

// Each run gets a fresh data directory (and so a fresh SQLite database and project). The runner's
// workers and global setup inherit the variable, so they read the same project.json as the server.
process.env.ORGAUTH_E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'orgauth-e2e-'));
const { appOrigin, serverOrigin, serverPort, dataDir } = e2eSetup();

// Browsers cannot be downloaded on every machine: use Debian's Chromium when present, else the
// standard Playwright browser of a developer laptop.
const chromium = process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

/**
 * Two projects on one OrgAuth server:
 * - `cross-origin` (every spec): the demo served on its own origin by e2e/support/app-server.ts,
 *   talking to the server on another, the way customers deploy (app.example.com / auth.example.com).
 * - `same-origin`: the tests tagged `@same-origin`, against the server's own `--demo` site, as
 *   `npm start` runs it.
 */
export default defineConfig({
  testDir: './specs',
  fullyParallel: false,
  workers: process.env.CI ? 1 : 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  outputDir: '../.tmp/playwright-output',
  // After the webServer is up: allowlists the app origin with the operator CLI and serves the app.
  globalSetup: './support/app-origin.ts',
  use: {
    trace: 'retain-on-failure',
    launchOptions: {
      ...(chromium ? { executablePath: chromium } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    },
  },
  projects: [
    { name: 'cross-origin', use: { baseURL: appOrigin } },
    { name: 'same-origin', grep: /@same-origin/, use: { baseURL: serverOrigin } },
  ],
  webServer: {
    command: `node packages/server/dist/cli.js --dev --port ${serverPort} --data-dir ${dataDir} --demo packages/demo/dist`,
    cwd: '..',
    url: `${serverOrigin}/dev/mailbox.json`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
  },
});
