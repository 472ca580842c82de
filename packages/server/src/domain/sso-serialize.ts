import type { SsoConnectionsTable } from '../db/schema.js';
import { iso, parseJson } from './serialize.js';
import type { StoredCertificate } from './sso-connections.js';

/**
 * A SAML connection in Stytch's wire shape. `acs_url` and `audience_uri` are derived from this
 * server's public origin (the request's), since that is where the IdP must post assertions.
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
    acs_url: `${origin}/v1/b2b/sso/callback/${row.id}`,
    audience_uri: `${origin}/v1/b2b/sso/saml/metadata/${row.id}`,
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
    idp_initiated_auth_disabled: false,
    allow_gateway_callback: false,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
  };
}

/** An OIDC connection record in Stytch's wire shape (IdP settings arrive with the SSO issue). */
export function toOidcConnection(row: SsoConnectionsTable, origin: string) {
  return {
    organization_id: row.organization_id,
    connection_id: row.id,
    status: row.status,
    display_name: row.display_name,
    identity_provider: row.identity_provider,
    redirect_url: `${origin}/v1/b2b/sso/callback/${row.id}`,
    client_id: '',
    client_secret: '',
    issuer: '',
    authorization_url: '',
    token_url: '',
    userinfo_url: '',
    jwks_url: '',
    custom_scopes: '',
    attribute_mapping: parseJson<Record<string, unknown>>(row.attribute_mapping, {}),
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
  };
}

/** A connection of either type in its wire shape. */
export function toConnection(row: SsoConnectionsTable, origin: string) {
  return row.type === 'saml' ? toSamlConnection(row, origin) : toOidcConnection(row, origin);
}
