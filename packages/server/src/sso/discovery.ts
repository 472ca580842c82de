import type { DiscoveryAuthenticateResponse } from '@orgauth/core/protocol';
import type { Db, MembersTable, OrganizationsTable, SsoConnectionsTable } from '../db/schema.js';
import { discoverOrganizations, issueIntermediateSession, scopeToSsoProof } from '../discovery/index.js';
import { apiError } from '../lib/api-error.js';
import { parseJson } from '../lib/json.js';
import { emailDomain } from '../lib/validate.js';
import { issueOneTimeToken } from '../magic-links/index.js';
import { findMemberByEmail } from '../members/index.js';
import { findOrganization } from '../organizations/index.js';
import { consumeSsoToken, ssoFactorOf } from './authenticate.js';
import { assertSsoAllowed } from './login.js';

/** Lifetime of a `discovery_sso` token, as of an `sso` one: one page load's worth. */
const DISCOVERY_SSO_TOKEN_TTL_MINUTES = 10;

/**
 * Whether the IdP's answer proves the member's email beyond the connection's own organization
 * (docs/security.md TEN-10): OIDC only hands a verified email (`email_verified: true`, sso/oidc/callback.ts)
 * to the login; SAML has no such claim, so the connection's organization must vouch for the domain
 * by listing it in `email_allowed_domains`. Either way the asserted email must be the member's.
 */
export function ssoEmailProven(
  connection: SsoConnectionsTable,
  org: OrganizationsTable,
  member: MembersTable,
  asserted: string | undefined,
): boolean {
  const email = asserted?.trim().toLowerCase();
  if (email === undefined || email !== member.email) return false;
  if (connection.type === 'oidc') return true;
  const domains = parseJson<string[]>(org.email_allowed_domains, []).map((d) => d.toLowerCase());
  return domains.includes(emailDomain(email));
}

/**
 * The end of an SSO started from discovery, once the member is admitted as for an SSO login: a
 * `discovery_sso` token (bound to the start's PKCE challenge) when the email is proven, else an
 * ordinary `sso` token, so an unproven email still signs in to the connection's organization and
 * lists nothing else.
 */
export async function discoverySsoRedirect(
  db: Db,
  input: {
    org: OrganizationsTable;
    member: MembersTable;
    /** The connection that signed the member in, bound to the token (sso/mfa-trust.ts). */
    connectionId: string;
    proven: boolean;
    pkce: string | null;
    redirectUrl: string;
  },
  now: number,
): Promise<string> {
  const kind = input.proven ? 'discovery_sso' : 'sso';
  const token = await issueOneTimeToken(
    db,
    {
      projectId: input.org.project_id,
      kind,
      email: input.member.email,
      organizationId: input.org.id,
      pkceChallenge: input.pkce ?? undefined,
      redirectUrl: input.redirectUrl,
      ttlMinutes: DISCOVERY_SSO_TOKEN_TTL_MINUTES,
      connectionId: input.connectionId,
    },
    now,
  );
  const url = new URL(input.redirectUrl);
  url.searchParams.set('stytch_token_type', kind);
  url.searchParams.set('token', token);
  return url.href;
}

/**
 * Redeems a `discovery_sso` token (single use; PKCE as for `sso` tokens) for an intermediate session
 * carrying the SSO factor, and the organizations its email may enter: the connection's own with
 * `member_authenticated`, every other one with `primary_required` (discovery/sso-proof.ts).
 * @throws ApiError 404 `sso_token_not_found` / `organization_not_found` / `member_not_found`,
 *   400 `pkce_required` / `pkce_mismatch`, 403 `sso_not_allowed`
 */
export async function authenticateDiscoverySsoToken(
  db: Db,
  input: { projectId: string; token: string; pkceVerifier: string | undefined; requirePkce: boolean },
  now: number,
): Promise<Omit<DiscoveryAuthenticateResponse, 'request_id' | 'status_code'>> {
  const { email, organizationId, ist } = await db.transaction().execute(async (trx) => {
    const consumed = await consumeSsoToken(trx, input, 'discovery_sso', now);
    const org =
      consumed.organizationId === null
        ? undefined
        : await findOrganization(trx, input.projectId, consumed.organizationId);
    if (org === undefined)
      throw apiError('organization_not_found', 'The organization of this SSO sign-in no longer exists.');
    assertSsoAllowed(org);
    const member = await findMemberByEmail(trx, org.id, consumed.email);
    if (member === undefined || member.status !== 'active')
      throw apiError('member_not_found', 'The member of this SSO sign-in no longer exists in the organization.');
    const factor = await ssoFactorOf(trx, member.id, consumed.connectionId, now);
    const token = await issueIntermediateSession(trx, input.projectId, member.email, [factor], now);
    return { email: member.email, organizationId: org.id, ist: token };
  });
  const found = await discoverOrganizations(db, input.projectId, email, ['sso']);
  return {
    intermediate_session_token: ist,
    email_address: email,
    discovered_organizations: scopeToSsoProof(found, new Set([organizationId])),
  };
}
