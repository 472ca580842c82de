import type { Hono } from 'hono';
import { defineRoutes, readBody, sdkOk, type AppDeps, type AppEnv } from '../http/index.js';
import { badRequest } from '../lib/api-error.js';
import { parseJson } from '../lib/json.js';
import { requiredString } from '../lib/validate.js';
import { extraSettings } from './settings.js';

/**
 * `POST /sdk/v1/b2b/organizations/search` (docs/wire-protocol.md §2.7 getBySlug): an organization's public login
 * settings by slug, only what a login page needs to render its buttons; `organization: null` when
 * no organization has that slug.
 */
export function sdkOrganizationRoutes(deps: AppDeps): Hono<AppEnv> {
  const sdk = defineRoutes();
  sdk.post('/b2b/organizations/search', { action: 'OrganizationsSearch' }, async (c) => {
    const slug = requiredString(await readBody(c), 'organization_slug', { max: 128 });
    if (slug === '') throw badRequest('organization_slug is required.');
    const row = await deps.db
      .selectFrom('organizations')
      .selectAll()
      .where('project_id', '=', c.get('project').id)
      .where('slug', '=', slug)
      .executeTakeFirst();
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
  return sdk.app;
}
