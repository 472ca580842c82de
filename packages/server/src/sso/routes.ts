import { Hono } from 'hono';
import type { AppDeps, AppEnv, FeatureRoutes } from '../http/index.js';
import { backendSsoAuthenticateRoutes, sdkSsoAuthenticateRoutes } from './authenticate-routes.js';
import { backendSsoRoutes } from './connection-routes.js';
import { backendSsoDiscoveryRoutes, sdkSsoDiscoveryRoutes } from './discovery-routes.js';
import { oidcCallbackRoutes } from './oidc/callback-routes.js';
import { oidcConnectionRoutes } from './oidc/connection-routes.js';
import { ssoPublicRoutes } from './public-routes.js';
import { samlMetadataRoutes } from './saml/metadata-routes.js';
import { sdkSsoRoutes } from './sdk-routes.js';

/** Mounts `parts` on one sub-app, in order (earlier routes win where patterns overlap). */
function combine(...parts: Hono<AppEnv>[]): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  for (const part of parts) app.route('/', part);
  return app;
}

/**
 * SSO's sub-apps: connection records (SAML, OIDC, metadata URL) and token redemption (`sso` and
 * `discovery_sso`) on the backend, discovery of an email's connections and token redemption on the SDK, and the browser-facing start,
 * SAML ACS, SP metadata and OIDC callback under `/v1/public`.
 */
export function ssoRoutes(deps: AppDeps): FeatureRoutes {
  return {
    sdk: combine(sdkSsoAuthenticateRoutes(deps), sdkSsoDiscoveryRoutes(deps), sdkSsoRoutes(deps)),
    backend: combine(
      backendSsoRoutes(deps),
      oidcConnectionRoutes(deps),
      backendSsoAuthenticateRoutes(deps),
      backendSsoDiscoveryRoutes(deps),
      samlMetadataRoutes(deps),
    ),
    public: combine(ssoPublicRoutes(deps), oidcCallbackRoutes(deps)),
  };
}
