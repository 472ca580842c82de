import { Hono } from 'hono';
import type { AppDeps, AppEnv, FeatureRoutes } from '../http/index.js';
import { registerDevIdpRoutes } from './idp/dev-idp-routes.js';
import { registerDevMailPreviewRoutes } from './mail-preview.js';
import { registerDevMailboxRoutes } from './mailbox.js';
import { registerDevOAuthRoutes } from './oauth/routes.js';
import { registerDevSmsRoutes } from './sms-outbox.js';

/** The dev tools' pages under `/dev` (mounted only with `--dev`): the mailbox and its template preview, the SMS outbox, the test IdP's SAML side and the OAuth
 * provider stand-ins (dev/oauth/). */
export function devRoutes(deps: AppDeps): FeatureRoutes {
  const dev = new Hono<AppEnv>();
  registerDevMailboxRoutes(dev, deps);
  registerDevMailPreviewRoutes(dev, deps);
  registerDevSmsRoutes(dev, deps);
  registerDevIdpRoutes(dev, deps);
  registerDevOAuthRoutes(dev, deps);
  return { dev };
}
