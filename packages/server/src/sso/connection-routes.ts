import type { Hono } from 'hono';
import type { OrganizationsTable } from '../db/schema.js';
import { getOrganization } from '../organizations/index.js';
import { normalizeUrl } from '../projects/index.js';
import {
  IDENTITY_PROVIDERS,
  createConnection,
  deleteConnection,
  getConnection,
  listConnections,
  updateSamlConnection,
  type SamlPatch,
} from './connections.js';
import { toConnection, toOidcConnection, toSamlConnection } from './serialize.js';
import { apiOk, type AppContext, type AppDeps, type AppEnv, defineRoutes, readBody } from '../http/index.js';
import { badRequest } from '../lib/api-error.js';
import {
  optionalBoolean,
  optionalEnum,
  optionalObject,
  optionalString,
  requiredString,
  type Body,
} from '../lib/validate.js';

function readUrl(body: Body, key: string): string | undefined {
  const value = optionalString(body, key, { max: 2048 });
  if (value === undefined || value === '') return value;
  if (normalizeUrl(value) === undefined) throw badRequest(`${key} must be an http(s) URL.`);
  return value;
}

function readCreate(body: Body) {
  return {
    displayName: optionalString(body, 'display_name', { max: 256 }) ?? '',
    identityProvider: optionalEnum(body, 'identity_provider', IDENTITY_PROVIDERS) ?? 'generic',
    idpMetadataUrl: readUrl(body, 'idp_metadata_url'),
  };
}

function readSamlPatch(body: Body): SamlPatch {
  const patch: SamlPatch = {};
  const displayName = optionalString(body, 'display_name', { max: 256 });
  if (displayName !== undefined) patch.displayName = displayName;
  const provider = optionalEnum(body, 'identity_provider', IDENTITY_PROVIDERS);
  if (provider !== undefined) patch.identityProvider = provider;
  const entityId = optionalString(body, 'idp_entity_id', { max: 2048 });
  if (entityId !== undefined) patch.idpEntityId = entityId;
  const ssoUrl = readUrl(body, 'idp_sso_url');
  if (ssoUrl !== undefined) patch.idpSsoUrl = ssoUrl;
  const mapping = optionalObject(body, 'attribute_mapping');
  if (mapping !== undefined) {
    for (const value of Object.values(mapping))
      if (typeof value !== 'string') throw badRequest('attribute_mapping values must be strings.');
    patch.attributeMapping = mapping;
  }
  const cert = optionalString(body, 'x509_certificate', { max: 16_384 });
  if (cert !== undefined && cert !== '') patch.x509Certificate = cert;
  const idpInitiatedDisabled = optionalBoolean(body, 'idp_initiated_auth_disabled');
  if (idpInitiatedDisabled !== undefined) patch.idpInitiatedAuthDisabled = idpInitiatedDisabled;
  // Not a Stytch field: SHA-1 is refused unless an operator opts a legacy IdP in (SAML-07).
  const allowSha1 = optionalBoolean(body, 'saml_allow_sha1');
  if (allowSha1 !== undefined) patch.allowSha1 = allowSha1;
  return patch;
}

/**
 * SSO connection records (seed `/sso/connections`, `/sso/saml`; docs/wire-protocol.md §5.2 `/sso/{org}…`). The SAML
 * and OIDC protocols themselves belong to the SSO issue; these routes manage the records and keep
 * the organization's `sso_active_connections` in step, each change in one transaction.
 */
export function backendSsoRoutes(deps: AppDeps): Hono<AppEnv> {
  const api = defineRoutes();
  // SP / callback URLs come from the configured public URL, never from the request's Host header.
  const origin = (_c: AppContext) => deps.publicUrl;
  const orgOf = (c: AppContext, id: string) => getOrganization(deps.db, c.get('project').id, id);
  const create = async (c: AppContext, org: OrganizationsTable, type: 'saml' | 'oidc', body: Body) => {
    const input = readCreate(body);
    const row = await deps.db.transaction().execute((trx) => createConnection(trx, org, type, input, deps.now()));
    return apiOk(c, { connection: toConnection(row, origin(c)) });
  };
  // Seed SSOConnectionsResponse and the Node SDK's getConnections share one shape.
  const listing = async (c: AppContext, id: string) => {
    const rows = await listConnections(deps.db, (await orgOf(c, id)).id);
    return {
      saml_connections: rows.filter((r) => r.type === 'saml').map((r) => toSamlConnection(r, origin(c))),
      oidc_connections: rows.filter((r) => r.type === 'oidc').map((r) => toOidcConnection(r, origin(c))),
      external_connections: [],
    };
  };

  // Registered before `/sso/:organization_id`, which would otherwise take the word `connections`.
  api.get('/sso/connections', { action: 'SSOGetConnections' }, async (c) => {
    const id = c.req.query('organization_id');
    if (id === undefined || id === '') throw badRequest('organization_id is required.');
    return apiOk(c, await listing(c, id));
  });

  api.post('/sso/saml', { action: 'SSOSAMLCreateConnection' }, async (c) => {
    const body = await readBody(c);
    return create(c, await orgOf(c, requiredString(body, 'organization_id', { max: 256 })), 'saml', body);
  });
  api.post('/sso/saml/:organization_id', { action: 'SSOSAMLCreateConnection' }, async (c) =>
    create(c, await orgOf(c, c.req.param('organization_id')), 'saml', await readBody(c)),
  );
  api.post('/sso/oidc/:organization_id', { action: 'SSOOIDCCreateConnection' }, async (c) =>
    create(c, await orgOf(c, c.req.param('organization_id')), 'oidc', await readBody(c)),
  );

  api.put('/sso/saml/:organization_id/connections/:connection_id', { action: 'SSOSAMLUpdateConnection' }, async (c) => {
    const patch = readSamlPatch(await readBody(c));
    const org = await orgOf(c, c.req.param('organization_id'));
    const row = await deps.db.transaction().execute(async (trx) => {
      const conn = await getConnection(trx, org.id, c.req.param('connection_id'), 'saml');
      return updateSamlConnection(trx, conn, patch, deps.now());
    });
    return apiOk(c, { connection: toSamlConnection(row, origin(c)) });
  });

  api.get('/sso/:organization_id', { action: 'SSOGetConnections' }, async (c) => {
    return apiOk(c, await listing(c, c.req.param('organization_id')));
  });

  api.delete('/sso/:organization_id/connections/:connection_id', { action: 'SSODeleteConnection' }, async (c) => {
    const projectId = c.get('project').id;
    const connectionId = await deps.db.transaction().execute(async (trx) => {
      const org = await getOrganization(trx, projectId, c.req.param('organization_id'));
      const conn = await getConnection(trx, org.id, c.req.param('connection_id'));
      await deleteConnection(trx, org, conn, deps.now());
      return conn.id;
    });
    return apiOk(c, { connection_id: connectionId });
  });
  return api.app;
}
