import { Hono } from 'hono';
import type { AppDeps, AppEnv, FeatureRoutes } from '../http/index.js';
import { registerDevIdpRoutes } from './idp/dev-idp-routes.js';
import { registerDevMailboxRoutes } from './mailbox.js';

/** The dev tools' pages under `/dev` (mounted only with `--dev`): the mailbox and the test IdP's SAML side. */
export function devRoutes(deps: AppDeps): FeatureRoutes {
  const dev = new Hono<AppEnv>();
  registerDevMailboxRoutes(dev, deps);
  registerDevIdpRoutes(dev, deps);
  return { dev };
}
