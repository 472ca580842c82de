/** Discovery: the discovery magic link, intermediate sessions, organization discovery and creation. */
export { issueIntermediateSession, type OAuthTenants } from './intermediate-sessions.js';
export { discoverOrganizations } from './organizations.js';
export { scopeToSsoProof } from './sso-proof.js';
export { discoveryRoutes } from './routes.js';
