import type { Hono } from 'hono';
import { extraSettings } from '../organizations/settings.js';
import { parseJson } from '../lib/json.js';
import type { AppDeps, AppEnv } from '../http/context.js';
import { readBody, sdkOk } from '../http/responses.js';
import { badRequest } from '../lib/api-error.js';
import { emailDomain, requiredEmail, requiredString } from '../lib/validate.js';

/**
 * SDK helpers of the SSO login UI: `GET /b2b/sso/discovery/connections` (which connections serve an
 * email's domain) and `POST /b2b/organizations/search` (an organization's public login settings by
 * slug, WIRE §2.7 getBySlug). Both answer only what a login page needs to render its buttons.
 */
export function registerSdkSsoRoutes(sdk: Hono<AppEnv>, deps: AppDeps): void {
  sdk.get('/b2b/sso/discovery/connections', async (c) => {
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
    return sdkOk(c, { connections: rows.map((r) => ({ connection_id: r.id, display_name: r.display_name, identity_provider: r.identity_provider })) });
  });

  sdk.post('/b2b/organizations/search', async (c) => {
    const slug = requiredString(await readBody(c), 'organization_slug', { max: 128 });
    if (slug === '') throw badRequest('organization_slug is required.');
    const row = await deps.db.selectFrom('organizations').selectAll().where('project_id', '=', c.get('project').id).where('slug', '=', slug).executeTakeFirst();
    if (row === undefined) return sdkOk(c, { organization: null });
    const extra = extraSettings(row);
    return sdkOk(c, {
      organization: {
        organization_id: row.id,
        organization_slug: row.slug,
        organization_name: row.name,
        organization_logo_url: row.logo_url,
        sso_active_connections: parseJson<unknown[]>(row.sso_active_connections ?? '[]', []),
        sso_default_connection_id: row.sso_default_connection_id ?? null,
        email_jit_provisioning: row.email_jit_provisioning,
        email_allowed_domains: parseJson<string[]>(row.email_allowed_domains, []),
        oauth_tenant_jit_provisioning: extra.oauth_tenant_jit_provisioning,
        allowed_oauth_tenants: extra.allowed_oauth_tenants,
        auth_methods: row.auth_methods,
        allowed_auth_methods: parseJson<string[]>(row.allowed_auth_methods, []),
        mfa_policy: row.mfa_policy,
      },
    });
  });
}
