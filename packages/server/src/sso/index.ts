/** SSO: connections, requests, start, login, token redemption; SAML in saml/, OIDC in oidc/. */
export { createConnection, listConnections, updateSamlConnection, type StoredCertificate } from './connections.js';
export { oidcSettings, updateOidcConnection } from './oidc/connections.js';
export { oidcRedirectUri } from './oidc/start.js';
export { ssoRoutes } from './routes.js';
