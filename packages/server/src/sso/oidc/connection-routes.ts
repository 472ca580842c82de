import type { Hono } from 'hono';
import { isOidcComplete, updateOidcConnection, withDiscoveredEndpoints, type OidcPatch } from './connections.js';
import { isLoopbackHttp } from './http.js';
import { getOrganization } from '../../organizations/index.js';
import { IDENTITY_PROVIDERS, getConnection } from '../connections.js';
import { toOidcConnection } from '../serialize.js';
import { apiOk, type AppDeps, type AppEnv, defineRoutes, readBody } from '../../http/index.js';
import { badRequest } from '../../lib/api-error.js';
import { assertPublicDestination, EgressRefusedError, type EgressPolicy } from '../../lib/egress-guard.js';
import { envOf } from '../../lib/crypto.js';
import { optionalEnum, optionalObject, optionalString, type Body } from '../../lib/validate.js';

const URL_FIELDS = [
  ['issuer', 'issuer'],
  ['authorization_url', 'authorizationUrl'],
  ['token_url', 'tokenUrl'],
  ['userinfo_url', 'userinfoUrl'],
  ['jwks_url', 'jwksUrl'],
] as const;
/** The endpoints the server calls itself (token exchange, userinfo, key set). */
const SERVER_FETCHED = URL_FIELDS.filter(
  ([key]) => key === 'token_url' || key === 'userinfo_url' || key === 'jwks_url',
);

/**
 * An IdP URL we will fetch or send browsers to: https, or plain http on loopback in the test
 * environment only (the built-in dev IdP). Never other http: keys and codes would cross the network
 * in the clear, and a private-network http URL is an SSRF foothold (docs/security.md O20).
 */
function readIdpUrl(body: Body, key: string, live: boolean): string | undefined {
  const value = optionalString(body, key, { max: 2048 });
  if (value === undefined || value === '') return value;
  return checkIdpUrl(key, value, live);
}

/** {@link readIdpUrl}'s rule for one value (also applied to discovered endpoints). @throws ApiError 400 */
function checkIdpUrl(key: string, value: string, live: boolean): string {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw badRequest(`${key} must be an absolute URL.`);
  }
  if (parsed.username !== '' || parsed.password !== '' || parsed.hash !== '')
    throw badRequest(`${key} must not contain credentials or a fragment.`);
  if (parsed.protocol === 'https:' || (!live && isLoopbackHttp(value))) return value;
  throw badRequest(`${key} must be an https URL${live ? '' : ' (http only for localhost)'}.`);
}

/**
 * O20 at configuration time: an endpoint whose host is or resolves to a private address is refused
 * now rather than at every sign-in (where the fetch is refused again, whatever DNS says by then). A
 * name that does not resolve yet is left to sign-in time. @throws ApiError 400 `bad_request`
 */
async function refusePrivateIdpUrl(key: string, value: string | undefined, egress: EgressPolicy): Promise<void> {
  if (value === undefined || value === '') return;
  try {
    await assertPublicDestination(value, egress);
  } catch (error) {
    if (error instanceof EgressRefusedError) throw badRequest(`${key} refused: ${error.message}`);
  }
}

function readOidcPatch(body: Body, live: boolean): OidcPatch {
  const patch: OidcPatch = {};
  const displayName = optionalString(body, 'display_name', { max: 256 });
  if (displayName !== undefined) patch.displayName = displayName;
  const provider = optionalEnum(body, 'identity_provider', IDENTITY_PROVIDERS);
  if (provider !== undefined) patch.identityProvider = provider;
  for (const [key, field] of URL_FIELDS) {
    const value = readIdpUrl(body, key, live);
    if (value !== undefined) patch[field] = value;
  }
  const clientId = optionalString(body, 'client_id', { max: 1024 });
  if (clientId !== undefined) patch.clientId = clientId;
  const secret = optionalString(body, 'client_secret', { max: 4096 });
  if (secret !== undefined) patch.clientSecret = secret;
  const scopes = optionalString(body, 'custom_scopes', { max: 1024 });
  if (scopes !== undefined) {
    if (!/^[\x21\x23-\x5B\x5D-\x7E ]*$/.test(scopes))
      throw badRequest('custom_scopes must be space-separated scope tokens.');
    patch.customScopes = scopes.trim().replace(/\s+/g, ' ');
  }
  const mapping = optionalObject(body, 'attribute_mapping');
  if (mapping !== undefined) {
    for (const value of Object.values(mapping))
      if (typeof value !== 'string') throw badRequest('attribute_mapping values must be strings.');
    patch.attributeMapping = mapping;
  }
  return patch;
}

/**
 * `PUT /v1/b2b/sso/oidc/{organization_id}/connections/{connection_id}` (docs/wire-protocol.md §5.2): sets the IdP
 * settings of an OIDC connection, discovering endpoints from the issuer when they are not given. The
 * client secret is sealed at rest and only ever shown masked.
 */
export function oidcConnectionRoutes(deps: AppDeps): Hono<AppEnv> {
  const api = defineRoutes();
  api.put('/sso/oidc/:organization_id/connections/:connection_id', { action: 'SSOOIDCUpdateConnection' }, async (c) => {
    const project = c.get('project');
    const live = envOf(project.id) === 'live';
    const parsed = readOidcPatch(await readBody(c), live);
    const org = await getOrganization(deps.db, project.id, c.req.param('organization_id'));
    await getConnection(deps.db, org.id, c.req.param('connection_id'), 'oidc');
    // Discovery waits on the network: before the transaction, never holding a write lock.
    const patch = await withDiscoveredEndpoints(parsed, deps.idpEgress);
    // A discovery document is the IdP's word: its endpoints obey the same https rule as typed ones.
    for (const [key, field] of URL_FIELDS) {
      const value = patch[field];
      if (value !== undefined && value !== '') checkIdpUrl(`discovered ${key}`, value, live);
    }
    // Only what the server itself fetches at sign-in: the authorization URL is the browser's to visit,
    // and the issuer is fetched only by discovery, which went through the guard above.
    for (const [key, field] of SERVER_FETCHED) await refusePrivateIdpUrl(key, patch[field], deps.idpEgress);
    const row = await deps.db.transaction().execute(async (trx) => {
      const conn = await getConnection(trx, org.id, c.req.param('connection_id'), 'oidc');
      return updateOidcConnection(trx, deps.secretBox, conn, patch, deps.now());
    });
    const warning = isOidcComplete(row)
      ? ''
      : 'The connection stays pending until issuer, client_id, client_secret, authorization_url, token_url and jwks_url are all set.';
    return apiOk(c, { connection: toOidcConnection(row, deps.publicUrl), warning });
  });
  return api.app;
}
