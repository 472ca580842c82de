import type { setUpDevSso as SetUpDevSso } from './idp/dev-sso-setup.js';

/** Dev tools (`--dev` only): the mailbox and the test IdP. */
export { devRoutes } from './routes.js';
export { standInProviders } from './oauth/routes.js';
export { STAND_IN_PEOPLE, STAND_IN_TENANTS, type StandInPerson } from './oauth/people.js';

/**
 * Creates the demo SSO organizations and the test IdP's OIDC provider. Loaded on call: its libraries
 * (oidc-provider, samlify) are dev-only and must never load in a server started without `--dev`
 * (cli/process.test.ts).
 */
export async function setUpDevSso(...args: Parameters<typeof SetUpDevSso>): ReturnType<typeof SetUpDevSso> {
  return (await import('./idp/dev-sso-setup.js')).setUpDevSso(...args);
}
