import type { Hono } from 'hono';
import { type AppDeps, type AppEnv, defineRoutes, sdkOk } from '../http/index.js';
import { emailDomain, requiredEmail } from '../lib/validate.js';

/**
 * `GET /sdk/v1/b2b/sso/discovery/connections`: which SSO connections serve an email's domain, with
 * only what a login page needs to render its buttons.
 */
export function sdkSsoRoutes(deps: AppDeps): Hono<AppEnv> {
  const sdk = defineRoutes();
  sdk.get('/b2b/sso/discovery/connections', { action: 'SSODiscoverConnections' }, async (c) => {
    const email = requiredEmail({ email_address: c.req.query('email_address') ?? '' });
    const project = c.get('project');
    const rows = await deps.db
      .selectFrom('organization_domains')
      .innerJoin('sso_connections', 'sso_connections.organization_id', 'organization_domains.organization_id')
      .select(['sso_connections.id', 'sso_connections.display_name', 'sso_connections.identity_provider'])
      .where('organization_domains.project_id', '=', project.id)
      .where('organization_domains.domain', '=', emailDomain(email))
      .where('sso_connections.project_id', '=', project.id)
      .where('sso_connections.status', '=', 'active')
      .orderBy('sso_connections.created_at')
      .orderBy('sso_connections.id')
      .execute();
    return sdkOk(c, {
      connections: rows.map((r) => ({
        connection_id: r.id,
        display_name: r.display_name,
        identity_provider: r.identity_provider,
      })),
    });
  });
  return sdk.app;
}
