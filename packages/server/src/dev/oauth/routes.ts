import { OAUTH_PROVIDERS, type OAuthProviderType } from '@orgauth/core/protocol';
import type { Hono } from 'hono';
import { html } from 'hono/html';
import type { Db } from '../../db/schema.js';
import type { AppDeps, AppEnv } from '../../http/index.js';
import { htmlText } from '../../lib/html.js';
import { createDevIdpStore } from '../idp/idp-store.js';
import { createStandInGrants } from './grants.js';
import { registerGitHubStandIn, registerHubSpotStandIn, registerSlackStandIn } from './oauth2-routes.js';
import { createStandInKeys } from './openid.js';
import { registerOpenIdStandIn } from './openid-routes.js';
import { findStandInPerson } from './people.js';

/**
 * Mounts the five OAuth stand-ins on the `/dev` sub-app (which exists only with `--dev`): each serves
 * its provider's real URLs at `/dev/oauth/<provider>/<host><path>` (oauth/endpoints.ts `standInUrl`).
 * Codes and tokens live in memory; the signing key is generated on first use.
 */
export function registerDevOAuthRoutes(dev: Hono<AppEnv>, deps: AppDeps): void {
  const grants = createStandInGrants(deps.now);
  const keys = createStandInKeys();
  const store = createDevIdpStore(deps.db, deps.now, deps.secretBox);
  const base = { grants, keys, now: deps.now, publicUrl: deps.publicUrl, appOrigins: () => store.appOrigins() };
  registerOpenIdStandIn(dev, { ...base, provider: 'google', openid: true });
  registerOpenIdStandIn(dev, { ...base, provider: 'microsoft', openid: true });
  registerGitHubStandIn(dev, { ...base, provider: 'github', openid: false });
  registerSlackStandIn(dev, { ...base, provider: 'slack', openid: true });
  registerHubSpotStandIn(dev, { ...base, provider: 'hubspot', openid: false });
  dev.get('/oauth/:provider/avatars/:subject', (c) => {
    const provider = c.req.param('provider') as OAuthProviderType;
    const person = OAUTH_PROVIDERS.includes(provider) ? findStandInPerson(provider, c.req.param('subject')) : undefined;
    const initials = person === undefined ? '?' : `${person.givenName.charAt(0)}${person.familyName.charAt(0)}`;
    const svg = htmlText(
      html`<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96"><rect width="96" height="96" rx="48" fill="#1f4fd1"/><text x="48" y="58" font-family="sans-serif" font-size="36" fill="#fff" text-anchor="middle">${initials}</text></svg>`,
    );
    return c.body(svg, person === undefined ? 404 : 200, {
      'Content-Type': 'image/svg+xml',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
      'Cache-Control': 'public, max-age=3600',
    });
  });
}

/**
 * The providers a `--dev` server serves by stand-in for `projectId`: those without credentials
 * (`oauth_credentials`) in that project. Shown in the start-up banner.
 */
export async function standInProviders(db: Db, projectId: string): Promise<OAuthProviderType[]> {
  const rows = await db
    .selectFrom('oauth_credentials')
    .select('provider')
    .where('project_id', '=', projectId)
    .execute();
  const configured = new Set(rows.map((r) => r.provider));
  return OAUTH_PROVIDERS.filter((p) => !configured.has(p));
}
