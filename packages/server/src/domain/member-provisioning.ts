import type { OrganizationsTable } from '../db/schema.js';
import { ApiError } from '../lib/api-error.js';
import { isCommonEmailDomain } from '../lib/common-email-domains.js';
import { emailDomain } from '../lib/validate.js';
import { parseJson } from './serialize.js';

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
  return org.email_jit_provisioning === 'RESTRICTED' && !isCommonEmailDomain(domain) && allowedDomains(org).includes(domain);
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
    throw new ApiError(403, 'invites_not_allowed', `This organization only allows invitations to addresses at its allowed domains.`);
  }
  throw new ApiError(403, 'invites_not_allowed', 'This organization does not allow email invitations.');
}

/**
 * Refuses email magic links for an organization that restricts its primary auth methods to others.
 * @throws ApiError 403 `magic_link_not_allowed`
 */
export function assertMagicLinkAllowed(org: OrganizationsTable): void {
  if (org.auth_methods !== 'RESTRICTED') return;
  if (parseJson<string[]>(org.allowed_auth_methods, []).includes('magic_link')) return;
  throw new ApiError(403, 'magic_link_not_allowed', 'This organization does not allow sign-in by email magic link.');
}
