/** SSO: connections, requests, start, login, token redemption; SAML in saml/, OIDC in oidc/. */
export { createConnection, listConnections, updateSamlConnection, type StoredCertificate } from './connections.js';
export { oidcSettings, updateOidcConnection } from './oidc/connections.js';
export { oidcRedirectUri } from './oidc/start.js';
export { ssoRoutes } from './routes.js';
export { ssoErrorPage } from './error-page.js';
export { readBindingCookie, setBindingCookie, withBindingCookieCleared } from './oidc/callback-routes.js';
export { boundedFetch, isLoopbackHttp, OIDC_MAX_BODY_BYTES, OIDC_TIMEOUT_MS } from './oidc/http.js';
export { verifyIdToken } from './oidc/id-token.js';
export { assertBrowserBinding, newBrowserBinding } from './oidc/start.js';
export {
  connectionSatisfiesMfa,
  type ConnectionTrustRow,
  listConnectionTrust,
  setConnectionTrust,
} from './mfa-trust.js';
