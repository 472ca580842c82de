import type { SsoConnectionsTable } from '../db/schema.js';
import { iso, parseJson } from '../lib/json.js';
import { acsUrl, spEntityId } from './saml/sp.js';
import type { StoredCertificate } from './connections.js';
import { oidcSettings } from './oidc/connections.js';
import { oidcRedirectUri } from './oidc/start.js';

/**
 * A SAML connection in Stytch's wire shape. `acs_url` and `audience_uri` (= `sp_entity_id`) are
 * derived from this server's configured public URL, since that is where the IdP must post assertions.
 */
export function toSamlConnection(row: SsoConnectionsTable, origin: string) {
  return {
    organization_id: row.organization_id,
    connection_id: row.id,
    status: row.status,
    display_name: row.display_name,
    identity_provider: row.identity_provider,
    idp_entity_id: row.idp_entity_id,
    idp_sso_url: row.idp_sso_url,
    idp_metadata_url: row.idp_metadata_url,
    acs_url: acsUrl(origin, row.id),
    audience_uri: spEntityId(origin, row.id),
    sp_entity_id: spEntityId(origin, row.id),
    attribute_mapping: parseJson<Record<string, unknown>>(row.attribute_mapping, {}),
    signing_certificates: [],
    verification_certificates: parseJson<StoredCertificate[]>(row.x509_certificates, []).map((c) => ({
      certificate_id: c.certificate_id,
      certificate: c.certificate,
      issuer: c.issuer,
      created_at: iso(c.created_at),
      expires_at: iso(c.expires_at),
    })),
    encryption_private_keys: [],
    saml_connection_implicit_role_assignments: [],
    saml_group_implicit_role_assignments: [],
    alternative_audience_uri: '',
    alternative_acs_url: '',
    nameid_format: 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
    idp_initiated_auth_disabled: row.idp_initiated_auth_disabled !== 0,
    saml_allow_sha1: row.saml_allow_sha1 === 1,
    allow_gateway_callback: false,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
  };
}

/** What the API shows of a stored client secret: that one is set, never any of it. */
export function maskedSecret(sealed: string): string {
  return sealed === '' ? '' : '••••••••';
}

/**
 * An OIDC connection in Stytch's wire shape: its settings as sign-in reads them (oidc/connections.ts
 * `oidcSettings`), the redirect URL every IdP is given, and the client secret only ever masked.
 */
export function toOidcConnection(row: SsoConnectionsTable, origin: string) {
  const settings = oidcSettings(row);
  return {
    organization_id: row.organization_id,
    connection_id: row.id,
    status: row.status,
    display_name: row.display_name,
    identity_provider: row.identity_provider,
    redirect_url: oidcRedirectUri(origin),
    client_id: settings.clientId,
    client_secret: maskedSecret(settings.sealedSecret),
    issuer: settings.issuer,
    authorization_url: settings.authorizationUrl,
    token_url: settings.tokenUrl,
    userinfo_url: settings.userinfoUrl,
    jwks_url: settings.jwksUrl,
    custom_scopes: settings.customScopes,
    attribute_mapping: parseJson<Record<string, unknown>>(row.attribute_mapping, {}),
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
  };
}

/** A connection of either type in its wire shape. */
export function toConnection(row: SsoConnectionsTable, origin: string) {
  return row.type === 'saml' ? toSamlConnection(row, origin) : toOidcConnection(row, origin);
}
