/**
 * Where the e2e run lives: the demo app on one origin, the OrgAuth server on another, both on
 * localhost (different ports are different origins). Ports come from the environment so that
 * several runs can share a machine; e2e/playwright.config.ts fills in the defaults once, and the
 * runner's workers and global setup inherit them.
 *
 * - `ORGAUTH_E2E_APP_PORT` (default 3100): the static app server (e2e/support/app-server.ts).
 * - `ORGAUTH_E2E_SERVER_PORT` (default 4100): `orgauth-server --dev --demo`, which also serves the
 *   demo same-origin for the `same-origin` project.
 * - `ORGAUTH_E2E_DATA_DIR` (default: a fresh temporary directory): the server's data directory.
 */
export interface E2eSetup {
  appPort: number;
  serverPort: number;
  /** `http://localhost:<appPort>`: where the cross-origin project's pages live. */
  appOrigin: string;
  /** `http://localhost:<serverPort>`: the OrgAuth server (and the same-origin demo). */
  serverOrigin: string;
  dataDir: string;
}

const DEFAULT_APP_PORT = 3100;
const DEFAULT_SERVER_PORT = 4100;

function port(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65_535)
    throw new Error(`${name} must be a TCP port, got "${raw}".`);
  return value;
}

/** The run's ports, origins and data directory, read from the environment. */
export function e2eSetup(): E2eSetup {
  const dataDir = process.env.ORGAUTH_E2E_DATA_DIR;
  if (!dataDir) throw new Error('ORGAUTH_E2E_DATA_DIR is not set (e2e/playwright.config.ts sets it)');
  const appPort = port('ORGAUTH_E2E_APP_PORT', DEFAULT_APP_PORT);
  const serverPort = port('ORGAUTH_E2E_SERVER_PORT', DEFAULT_SERVER_PORT);
  if (appPort === serverPort)
    throw new Error('ORGAUTH_E2E_APP_PORT and ORGAUTH_E2E_SERVER_PORT must differ: the suite is cross-origin.');
  return {
    appPort,
    serverPort,
    appOrigin: `http://localhost:${appPort}`,
    serverOrigin: `http://localhost:${serverPort}`,
    dataDir,
  };
}

/** The OrgAuth server's origin: e2e/support's API calls go there, whatever origin the page is on. */
export const serverOrigin = (): string => e2eSetup().serverOrigin;
