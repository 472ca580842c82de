/** Sign-in with OAuth providers: what other features may use of it. */
export {
  PROVIDER_ENDPOINTS,
  type ProviderEndpoints,
  standInClient,
  standInEndpoints,
  standInUrl,
} from './endpoints.js';
export { oauthProviderTokenRoutes } from './provider-tokens-routes.js';
export { oauthRedirectUri, PROVIDER_LABELS, resolveProvider } from './providers.js';
export { oauthRoutes } from './routes.js';
