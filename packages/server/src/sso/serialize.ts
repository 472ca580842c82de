import type { SsoConnectionsTable } from '../db/schema.js';
import { iso, parseJson } from '../lib/json.js';
import { acsUrl, spEntityId } from './saml/sp.js';
import type { StoredCertificate } from './connections.js';

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

/** An OIDC connection record in Stytch's wire shape (IdP settings arrive with the SSO issue). */
export function toOidcConnection(row: SsoConnectionsTable, origin: string) {
  return {
    organization_id: row.organization_id,
    connection_id: row.id,
    status: row.status,
    display_name: row.display_name,
    identity_provider: row.identity_provider,
    // Settings from migration 0700 (sso/oidc/connections.ts); the secret is sealed and never leaves.
    redirect_url: `${origin}/v1/public/sso/oidc/callback`,
    client_id: row.oidc_client_id ?? '',
    client_secret: maskedSecret(row.oidc_client_secret ?? ''),
    issuer: row.oidc_issuer ?? '',
    authorization_url: row.oidc_authorization_url ?? '',
    token_url: row.oidc_token_url ?? '',
    userinfo_url: row.oidc_userinfo_url ?? '',
    jwks_url: row.oidc_jwks_url ?? '',
    custom_scopes: row.oidc_custom_scopes ?? '',
    attribute_mapping: parseJson<Record<string, unknown>>(row.attribute_mapping, {}),
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
  };
}

/** A connection of either type in its wire shape. */
export function toConnection(row: SsoConnectionsTable, origin: string) {
  return row.type === 'saml' ? toSamlConnection(row, origin) : toOidcConnection(row, origin);
}
