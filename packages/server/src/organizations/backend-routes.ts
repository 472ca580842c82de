import type { Hono } from 'hono';
import { deleteOrganization, updateOrganization } from './admin.js';
import { searchOrganizations } from './search.js';
import { readExtraSettings } from './settings.js';
import { getOrganization, insertOrganization } from './store.js';
import { readLimit } from '../lib/pagination.js';
import { toOrganization } from './serialize.js';
import { apiOk, type AppDeps, type AppEnv, defineRoutes, readBody } from '../http/index.js';
import { readOrganizationFields } from './input.js';
import { readExternalId, readOrganizationPatch } from './update-input.js';

/**
 * Backend organizations (`/v1/b2b/organizations…`, seed + docs/wire-protocol.md §5.2), secret-authenticated:
 * create, get, update, delete (cascading), search. Members live in members/routes.ts.
 */
export function backendOrganizationRoutes(deps: AppDeps): Hono<AppEnv> {
  const api = defineRoutes();
  api.post('/organizations', { action: 'OrganizationsCreate' }, async (c) => {
    const body = await readBody(c);
    const fields = readOrganizationFields(body, { requireName: true, allowTrustedMetadata: true });
    const externalId = readExternalId(body, 'organization_external_id');
    const extra = readExtraSettings(body);
    const projectId = c.get('project').id;
    const organization = await deps.db.transaction().execute(async (trx) => {
      const row = await insertOrganization(trx, projectId, fields, deps.now());
      if (externalId === null || externalId === undefined) {
        if (Object.keys(extra).length === 0) return row;
        return updateOrganization(trx, row, { extra }, row.updated_at);
      }
      return updateOrganization(trx, row, { externalId, extra }, row.updated_at);
    });
    return apiOk(c, { organization: toOrganization(organization) });
  });

  api.post('/organizations/search', { action: 'OrganizationsSearch' }, async (c) => {
    const body = await readBody(c);
    const limit = readLimit(body.limit);
    const page = await searchOrganizations(deps.db, c.get('project').id, body.query, limit, body.cursor);
    return apiOk(c, {
      organizations: page.organizations.map(toOrganization),
      results_metadata: { total: page.total, next_cursor: page.nextCursor },
    });
  });

  api.get('/organizations/:organization_id', { action: 'OrganizationsGet' }, async (c) => {
    const organization = await getOrganization(deps.db, c.get('project').id, c.req.param('organization_id'));
    return apiOk(c, { organization: toOrganization(organization) });
  });

  api.put('/organizations/:organization_id', { action: 'OrganizationsUpdate' }, async (c) => {
    const body = await readBody(c);
    const patch = readOrganizationPatch(body);
    const projectId = c.get('project').id;
    const organization = await deps.db.transaction().execute(async (trx) => {
      const current = await getOrganization(trx, projectId, c.req.param('organization_id'));
      return updateOrganization(trx, current, patch, deps.now());
    });
    return apiOk(c, { organization: toOrganization(organization) });
  });

  api.delete('/organizations/:organization_id', { action: 'OrganizationsDelete' }, async (c) => {
    const projectId = c.get('project').id;
    const organizationId = await deps.db.transaction().execute(async (trx) => {
      const organization = await getOrganization(trx, projectId, c.req.param('organization_id'));
      await deleteOrganization(trx, organization);
      return organization.id;
    });
    return apiOk(c, { organization_id: organizationId });
  });
  return api.app;
}
