import type { AuthenticationFactor } from '@orgauth/core/protocol';
import type { OrganizationsTable } from '../db/schema.js';
import { apiError } from '../lib/api-error.js';
import { isCommonEmailDomain } from '../lib/common-email-domains.js';
import { emailDomain } from '../lib/validate.js';
import { parseJson } from '../lib/json.js';

/** The organization's allowed email domains, lowercased. */
function allowedDomains(org: OrganizationsTable): string[] {
  return parseJson<string[]>(org.email_allowed_domains, []).map((d) => d.toLowerCase());
}

/**
 * True when `email` may join `org` by itself (just-in-time provisioning by email domain): the org has
 * `email_jit_provisioning: RESTRICTED` and lists the email's domain. Webmail domains never qualify,
 * even if an old row still lists one (they are refused as allowed domains since this rule exists).
 */
export function canJoinByEmailDomain(org: OrganizationsTable, email: string): boolean {
  const domain = emailDomain(email);
  return (
    org.email_jit_provisioning === 'RESTRICTED' && !isCommonEmailDomain(domain) && allowedDomains(org).includes(domain)
  );
}

/**
 * Enforces the organization's `email_invites` policy: `ALL_ALLOWED` invites anyone, `RESTRICTED` only
 * addresses at an allowed (non-webmail) domain, `NOT_ALLOWED` nobody.
 * @throws ApiError 403 `invites_not_allowed`
 */
export function assertInviteAllowed(org: OrganizationsTable, email: string): void {
  if (org.email_invites === 'ALL_ALLOWED') return;
  if (org.email_invites === 'RESTRICTED') {
    const domain = emailDomain(email);
    if (!isCommonEmailDomain(domain) && allowedDomains(org).includes(domain)) return;
    throw apiError(
      'invites_not_allowed',
      `This organization only allows invitations to addresses at its allowed domains.`,
    );
  }
  throw apiError('invites_not_allowed', 'This organization does not allow email invitations.');
}

/**
 * The organization's `allowed_auth_methods` when it restricts them and none of `factorTypes` (the
 * primary factors the caller proved) is among them, else `null` (enough). The one reading of
 * `auth_methods: RESTRICTED` for every path (TEN-05 / AUTH-02); it is also the `primary_required`
 * of discovery and exchange answers.
 */
export function primaryRequired(
  org: OrganizationsTable,
  factorTypes: readonly string[],
): { allowed_auth_methods: string[] } | null {
  if (org.auth_methods !== 'RESTRICTED') return null;
  const allowed = parseJson<string[]>(org.allowed_auth_methods, []);
  return factorTypes.some((type) => allowed.includes(type)) ? null : { allowed_auth_methods: allowed };
}

/**
 * Refuses a sign-in whose proven primary factors the organization does not accept. Magic-link-only
 * proof gets the specific `magic_link_not_allowed` (the login UI names it); anything else, such as
 * an SSO factor carried by an exchange's intermediate session, `unauthorized_action`.
 * @throws ApiError 403 `magic_link_not_allowed` / `unauthorized_action`
 */
export function assertPrimaryFactorsAllowed(org: OrganizationsTable, factorTypes: readonly string[]): void {
  const required = primaryRequired(org, factorTypes);
  if (required === null) return;
  if (factorTypes.length > 0 && factorTypes.every((type) => type === 'magic_link')) {
    throw apiError('magic_link_not_allowed', 'This organization does not allow sign-in by email magic link.');
  }
  throw apiError(
    'unauthorized_action',
    `This organization only allows sign-in by: ${required.allowed_auth_methods.join(', ') || 'none'}.`,
  );
}

/**
 * The `allowed_auth_methods` name of the primary method a factor proves: an emailed one-time code
 * (`otp` by `email`) is `email_otp`, an OAuth one (`oauth` by `oauth_google`) `google_oauth`; the other factor types (`magic_link`, `sso`) are their own name.
 */
export function authMethodOf(factor: Pick<AuthenticationFactor, 'type' | 'delivery_method'>): string {
  // An OAuth factor (`oauth` by `oauth_google`) proves `google_oauth` (oauth/factor.ts).
  if (factor.type === 'oauth' && factor.delivery_method.startsWith('oauth_'))
    return `${factor.delivery_method.slice('oauth_'.length)}_oauth`;
  return factor.type === 'otp' && factor.delivery_method === 'email' ? 'email_otp' : factor.type;
}

/**
 * Refuses email one-time codes for an organization that restricts its primary auth methods to
 * others: the same reading of the policy as {@link assertMagicLinkAllowed}. MFA is the gate's
 * (mfa/gate.ts), after the code is proven.
 * @throws ApiError 403 `unauthorized_action`
 */
export function assertEmailOtpAllowed(org: OrganizationsTable): void {
  assertPrimaryFactorsAllowed(org, ['email_otp']);
}

/**
 * Refuses email magic links for an organization that restricts its primary auth methods to others.
 * MFA is the gate's (mfa/gate.ts), after the link is proven.
 * @throws ApiError 403 `magic_link_not_allowed` / `unauthorized_action`
 */
export function assertMagicLinkAllowed(org: OrganizationsTable): void {
  assertPrimaryFactorsAllowed(org, ['magic_link']);
}
