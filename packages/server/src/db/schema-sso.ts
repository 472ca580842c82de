/** Tables of the SSO protocol (migration `0600_sso_saml`). */

/** `sso_requests`: one row per SSO start; the random id is stored only as its SHA-256 (`id_hash`). */
export interface SsoRequestsTable {
  id_hash: string;
  project_id: string;
  connection_id: string;
  kind: 'saml' | 'oidc';
  /** The AuthnRequest ID (SAML InResponseTo). */
  saml_request_id: string | null;
  /** OIDC nonce. */
  nonce: string | null;
  /** OIDC PKCE verifier, sealed with lib/secret-box. */
  code_verifier: string | null;
  login_redirect_url: string;
  signup_redirect_url: string;
  /** The SDK's PKCE challenge, bound to the sso token issued at the end. */
  pkce_code_challenge: string | null;
  /**
   * OIDC (migration 1000): SHA-256 of the browser-binding secret set as a cookie at the start; the
   * callback refuses a browser without it. Null for SAML and for rows older than the migration.
   */
  browser_binding_hash: string | null;
  /** 1 for a start from the discovery flow (migration 1330): its end is a `discovery_sso` token. */
  discovery: number;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

/** `sso_identities`: an IdP identity (connection, subject) linked to a member. */
export interface SsoIdentitiesTable {
  connection_id: string;
  subject: string;
  project_id: string;
  organization_id: string;
  member_id: string;
  created_at: number;
  last_login_at: number;
}

/** `saml_assertion_ids`: assertion ids already accepted, until they would expire anyway. */
export interface SamlAssertionIdsTable {
  connection_id: string;
  assertion_id: string;
  expires_at: number;
}
