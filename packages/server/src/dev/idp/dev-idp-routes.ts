import type { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../http/index.js';
import { createDevIdpStore } from './idp-store.js';
import type { DevSamlIdp } from './saml-idp.js';
import { registerDevSamlRoutes } from './saml-routes.js';

/**
 * Mounts the built-in test identity provider's Hono routes on the `/dev` sub-app (which exists only
 * with `--dev`): the SAML IdP at `/dev/idp/saml/…`. The OIDC provider is a Node (Koa) handler and is
 * routed by the CLI before Hono (dev/idp/oidc-provider.ts). The SAML IdP (samlify, a dev-only
 * library) is imported on the first request to it, never by a server started without `--dev`
 * (cli/process.test.ts proves it).
 */
export function registerDevIdpRoutes(dev: Hono<AppEnv>, deps: AppDeps): void {
  const store = createDevIdpStore(deps.db, deps.now, deps.secretBox);
  let idp: Promise<DevSamlIdp> | undefined;
  const load = () =>
    (idp ??= import('./saml-idp.js').then(({ createDevSamlIdp }) => createDevSamlIdp(store, deps.publicUrl, deps.now)));
  registerDevSamlRoutes(dev, deps.db, load, () => store.appOrigins());
}
