import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

// Each run gets a fresh data directory (and so a fresh SQLite database and project). The runner's
// workers inherit the variable, so they read the same project.json as the server.
process.env.ORGAUTH_E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'orgauth-e2e-'));
const port = Number(process.env.ORGAUTH_E2E_PORT ?? 3100);

// Browsers cannot be downloaded on every machine: use Debian's Chromium when present, else the
// standard Playwright browser of a developer laptop.
const chromium = process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
  testDir: './specs',
  fullyParallel: false,
  workers: process.env.CI ? 1 : 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  outputDir: '../.tmp/playwright-output',
  use: {
    baseURL: `http://localhost:${port}`,
    trace: 'retain-on-failure',
    launchOptions: {
      ...(chromium ? { executablePath: chromium } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
    },
  },
  webServer: {
    command: `node packages/server/dist/cli.js --dev --port ${port} --data-dir ${process.env.ORGAUTH_E2E_DATA_DIR} --demo packages/demo/dist`,
    cwd: '..',
    url: `http://localhost:${port}/dev/mailbox.json`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
  },
});
