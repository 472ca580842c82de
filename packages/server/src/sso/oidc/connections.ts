import type { Db, SsoConnectionsTable } from '../../db/schema.js';
import { apiError } from '../../lib/api-error.js';
import type { EgressPolicy } from '../../lib/egress-guard.js';
import type { SecretBox } from '../../lib/secret-box.js';
import { discoverEndpoints } from './http.js';
import { refreshActiveConnections } from '../connections.js';

/** Changes to an OIDC connection; absent keys are left alone. */
export interface OidcPatch {
  displayName?: string;
  identityProvider?: string;
  issuer?: string;
  clientId?: string;
  /** Plaintext; sealed before it is stored. */
  clientSecret?: string;
  authorizationUrl?: string;
  tokenUrl?: string;
  userinfoUrl?: string;
  jwksUrl?: string;
  customScopes?: string;
  attributeMapping?: Record<string, unknown>;
  /** RFC 9207 `authorization_response_iss_parameter_supported`, as discovery found it. */
  issParameterSupported?: boolean;
}

/** The OIDC settings of a connection row, with `''` for unset ones. */
export function oidcSettings(row: SsoConnectionsTable) {
  return {
    issuer: row.oidc_issuer ?? '',
    clientId: row.oidc_client_id ?? '',
    sealedSecret: row.oidc_client_secret ?? '',
    authorizationUrl: row.oidc_authorization_url ?? '',
    tokenUrl: row.oidc_token_url ?? '',
    userinfoUrl: row.oidc_userinfo_url ?? '',
    jwksUrl: row.oidc_jwks_url ?? '',
    customScopes: row.oidc_custom_scopes ?? '',
    issParameterSupported: row.oidc_iss_parameter_supported === 1,
  };
}

/** Whether the connection can sign people in: issuer, client id, secret and the three endpoints set. */
export function isOidcComplete(row: SsoConnectionsTable): boolean {
  const s = oidcSettings(row);
  return (
    s.issuer !== '' &&
    s.clientId !== '' &&
    s.sealedSecret !== '' &&
    s.authorizationUrl !== '' &&
    s.tokenUrl !== '' &&
    s.jwksUrl !== ''
  );
}

/**
 * Applies `patch` (run {@link withDiscoveredEndpoints} first, outside the transaction). The connection
 * is `active` exactly when {@link isOidcComplete}. Call it in a transaction (it refreshes the
 * organization's list of active connections).
 */
export async function updateOidcConnection(
  db: Db,
  box: SecretBox,
  conn: SsoConnectionsTable,
  patch: OidcPatch,
  now: number,
): Promise<SsoConnectionsTable> {
  const next: SsoConnectionsTable = { ...conn, updated_at: now };
  if (patch.displayName !== undefined) next.display_name = patch.displayName;
  if (patch.identityProvider !== undefined) next.identity_provider = patch.identityProvider;
  if (patch.issuer !== undefined) next.oidc_issuer = patch.issuer;
  if (patch.clientId !== undefined) next.oidc_client_id = patch.clientId;
  if (patch.clientSecret !== undefined)
    next.oidc_client_secret = patch.clientSecret === '' ? '' : box.seal(patch.clientSecret);
  if (patch.authorizationUrl !== undefined) next.oidc_authorization_url = patch.authorizationUrl;
  if (patch.tokenUrl !== undefined) next.oidc_token_url = patch.tokenUrl;
  if (patch.userinfoUrl !== undefined) next.oidc_userinfo_url = patch.userinfoUrl;
  if (patch.jwksUrl !== undefined) next.oidc_jwks_url = patch.jwksUrl;
  if (patch.customScopes !== undefined) next.oidc_custom_scopes = patch.customScopes;
  if (patch.attributeMapping !== undefined) next.attribute_mapping = JSON.stringify(patch.attributeMapping);
  if (patch.issParameterSupported !== undefined)
    next.oidc_iss_parameter_supported = patch.issParameterSupported ? 1 : 0;
  // A new issuer without discovery (endpoints given by hand): the stored flag described another IdP.
  else if (patch.issuer !== undefined && patch.issuer !== conn.oidc_issuer) next.oidc_iss_parameter_supported = 0;
  next.status = isOidcComplete(next) ? 'active' : 'pending';
  const { id, ...set } = next;
  await db.updateTable('sso_connections').set(set).where('id', '=', id).execute();
  await refreshActiveConnections(db, conn.organization_id);
  return next;
}

/**
 * When the patch sets an issuer without every endpoint, fills the missing ones from
 * `<issuer>/.well-known/openid-configuration` (exact issuer match). Endpoints given in the patch win.
 * Run it before opening a transaction: it waits on the network (bounded, 5 s), through `egress`.
 * @throws ApiError 400 `oidc_discovery_failed` (also for an issuer on a private network, O20)
 */
export async function withDiscoveredEndpoints(patch: OidcPatch, egress: EgressPolicy): Promise<OidcPatch> {
  const explicit = patch.authorizationUrl !== undefined && patch.tokenUrl !== undefined && patch.jwksUrl !== undefined;
  if (patch.issuer === undefined || patch.issuer === '' || explicit) return patch;
  let found;
  try {
    found = await discoverEndpoints(patch.issuer, egress);
  } catch (error) {
    throw apiError(
      'oidc_discovery_failed',
      `Could not use ${patch.issuer}/.well-known/openid-configuration: ${(error as Error).message}`,
    );
  }
  return {
    ...patch,
    authorizationUrl: patch.authorizationUrl ?? found.authorizationUrl,
    tokenUrl: patch.tokenUrl ?? found.tokenUrl,
    userinfoUrl: patch.userinfoUrl ?? found.userinfoUrl,
    jwksUrl: patch.jwksUrl ?? found.jwksUrl,
    // Stored so every callback can require `iss` without refetching discovery at sign-in time.
    issParameterSupported: found.issParameterSupported,
  };
}
