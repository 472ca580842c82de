import type { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../http/context.js';
import { createDevIdpStore } from './idp-store.js';
import { createDevSamlIdp } from './saml-idp.js';
import { registerDevSamlRoutes } from './saml-routes.js';

/**
 * Mounts the built-in test identity provider's Hono routes on the `/dev` sub-app (which exists only
 * with `--dev`): the SAML IdP at `/dev/idp/saml/…`. The OIDC provider is a Node (Koa) handler and is
 * routed by the CLI before Hono (dev-idp/oidc-provider.ts).
 */
export function registerDevIdpRoutes(dev: Hono<AppEnv>, deps: AppDeps): void {
  const store = createDevIdpStore(deps.db, deps.now, deps.secretBox);
  registerDevSamlRoutes(dev, deps.db, createDevSamlIdp(store, deps.publicUrl, deps.now), () => store.appOrigins());
}
