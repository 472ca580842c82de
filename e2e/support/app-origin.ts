import { execFile } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { projectCredentials } from './backend.js';
import { startAppServer } from './app-server.js';
import { e2eSetup } from './origins.js';

const run = promisify(execFile);
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The pages on the app origin that sign-in links and SSO may return to (e2e/support/app-server.ts). */
export const APP_PAGES = ['/', '/script-tag.html', '/stytch-sdk/'];

/**
 * Runs one operator command against the server's data directory, as a customer would
 * (`orgauth-server origins add …`). The running server reads origins and redirect URLs from the
 * database on every request, so no restart is needed.
 */
export async function operator(...args: string[]): Promise<void> {
  const { dataDir } = e2eSetup();
  await run(process.execPath, ['packages/server/dist/cli.js', ...args, '--data-dir', dataDir], {
    cwd: repoRoot,
    env: process.env,
  });
}

/**
 * Playwright global setup, after the OrgAuth server (the config's webServer) is up: allowlists the
 * app origin and its pages in the test project with the operator CLI, then serves the app there.
 * Returns the teardown.
 */
export default async function setUpAppOrigin(): Promise<() => Promise<void>> {
  const { appOrigin, appPort, serverOrigin } = e2eSetup();
  await operator('origins', 'add', appOrigin);
  // One process each; SQLite serializes the writes (busy_timeout), so they may run side by side.
  await Promise.all(APP_PAGES.map((page) => operator('redirect-urls', 'add', `${appOrigin}${page}`)));
  const app = await startAppServer({
    port: appPort,
    baseUrl: serverOrigin,
    publicToken: projectCredentials().public_token,
  });
  return () => app.close();
}
