import type { DiscoveredOrganization, MembershipType } from '@orgauth/core/protocol';
import type { Db, MembersTable, OrganizationsTable } from '../db/schema.js';
import { apiError } from '../lib/api-error.js';
import { emailDomain } from '../lib/validate.js';
import {
  activateMember,
  assertPrimaryFactorsAllowed,
  canJoinByEmailDomain,
  findMemberByEmail,
  insertMember,
  primaryRequired,
  toMember,
} from '../members/index.js';
import { type MfaRequired, mfaRequiredFor, mfaRequiredOf } from '../mfa/index.js';
import { admittedOAuthTenant, toOrganization } from '../organizations/index.js';
import type { OAuthTenants } from './intermediate-sessions.js';

const MEMBERSHIP_BY_STATUS: Record<string, MembershipType> = {
  active: 'active_member',
  invited: 'invited_member',
  pending: 'pending_member',
};

/**
 * The `mfa_required` of a listed organization (Stytch's DiscoveredOrganization): what entering it
 * would owe after the primary factor, by the gate's one rule (mfa/policy.ts `mfaRequiredFor`): the
 * member's registered factors the organization allows, `member_options: null` for one who must enrol
 * (a join by domain or tenant has no member yet, so only `REQUIRED_FOR_ALL` asks). Listing never
 * texts a code (the `stytch` package's mfa.d.ts: none is initiated by discovery calls), so
 * `secondary_auth_initiated` stays null; the exchange into the organization sends it (mfa/gate.ts).
 */
function discoveredMfa(org: OrganizationsTable, member: MembersTable | null): MfaRequired | null {
  if (member === null)
    return org.mfa_policy === 'REQUIRED_FOR_ALL' ? { member_options: null, secondary_auth_initiated: null } : null;
  return mfaRequiredFor(member, org) ? mfaRequiredOf(member, org) : null;
}

function discovered(
  org: OrganizationsTable,
  type: MembershipType,
  member: MembersTable | null,
  details: Record<string, string> | null,
  methods: readonly string[],
): DiscoveredOrganization {
  // Whether the method that proved the email is enough for the org is what the list says.
  const required = primaryRequired(org, methods);
  const mfa = discoveredMfa(org, member);
  return {
    organization: toOrganization(org),
    membership: { type, details, member: member && toMember(member) } as DiscoveredOrganization['membership'],
    member_authenticated: required === null && mfa === null,
    primary_required: required,
    mfa_required: mfa,
  };
}

/**
 * Organizations of the project whose settings mention one of the tenants (a coarse LIKE filter; the
 * exact rule is `admittedOAuthTenant`). Tenants are short ids, checked when the provider sent them.
 */
async function tenantOrganizations(db: Db, projectId: string, oauth: OAuthTenants): Promise<OrganizationsTable[]> {
  const tenants = oauth.tenants.slice(0, 50);
  if (tenants.length === 0) return [];
  return db
    .selectFrom('organizations')
    .selectAll()
    .where('project_id', '=', projectId)
    .where((eb) => eb.or(tenants.map((t) => eb('extra_settings', 'like', `%${JSON.stringify(t)}%`))))
    .orderBy('created_at')
    .limit(100)
    .execute();
}

/**
 * The organizations a verified `email` can enter: its memberships (active, invited, pending), then
 * organizations that accept its email domain by JIT provisioning, then (`oauthTenants`, an OAuth
 * proof) those that admit the provider tenant (`eligible_to_join_by_oauth_tenant`, details
 * `{provider, tenant}`). Deleted memberships are left out.
 * `methods` are the auth methods that proved the email (`magic_link`, `email_otp`; members/provisioning.ts
 * `authMethodOf`): each entry's `primary_required` says whether the organization accepts them.
 */
export async function discoverOrganizations(
  db: Db,
  projectId: string,
  email: string,
  methods: readonly string[] = ['magic_link'],
  oauthTenants: OAuthTenants | null = null,
): Promise<DiscoveredOrganization[]> {
  const memberships = await db
    .selectFrom('members')
    .innerJoin('organizations', 'organizations.id', 'members.organization_id')
    .selectAll('members')
    .select('organizations.id as org_id')
    .where('members.project_id', '=', projectId)
    .where('members.email', '=', email)
    .where('members.status', '!=', 'deleted')
    .orderBy('members.created_at')
    .execute();
  const result: DiscoveredOrganization[] = [];
  const seen = new Set<string>();
  for (const { org_id, ...member } of memberships) {
    const org = await db.selectFrom('organizations').selectAll().where('id', '=', org_id).executeTakeFirstOrThrow();
    seen.add(org.id);
    result.push(discovered(org, MEMBERSHIP_BY_STATUS[member.status] ?? 'active_member', member, null, methods));
  }
  const domain = emailDomain(email);
  const byDomain = await db
    .selectFrom('organization_domains')
    .innerJoin('organizations', 'organizations.id', 'organization_domains.organization_id')
    .selectAll('organizations')
    .where('organization_domains.project_id', '=', projectId)
    .where('organization_domains.domain', '=', domain)
    .orderBy('organizations.created_at')
    .execute();
  const deleted = new Set(
    (
      await db
        .selectFrom('members')
        .select('organization_id')
        .where('project_id', '=', projectId)
        .where('email', '=', email)
        .where('status', '=', 'deleted')
        .execute()
    ).map((r) => r.organization_id),
  );
  for (const org of byDomain) {
    if (seen.has(org.id) || deleted.has(org.id) || !canJoinByEmailDomain(org, email)) continue;
    seen.add(org.id);
    result.push(discovered(org, 'eligible_to_join_by_email_domain', null, { domain }, methods));
  }
  if (oauthTenants !== null) {
    for (const org of await tenantOrganizations(db, projectId, oauthTenants)) {
      const tenant = admittedOAuthTenant(org, oauthTenants.provider, oauthTenants.tenants);
      if (seen.has(org.id) || deleted.has(org.id) || tenant === undefined) continue;
      seen.add(org.id);
      const details = { provider: oauthTenants.provider, tenant };
      result.push(discovered(org, 'eligible_to_join_by_oauth_tenant', null, details, methods));
    }
  }
  return result;
}

/**
 * Makes `email` an active member of `org` if discovery allows it: an existing active member, an
 * invited or pending member (accepting by proving the email), or a JIT join by email domain or by
 * the OAuth tenant that proved it (`oauthTenants`, the IST's). The
 * IST's factors (`factorTypes`) must be ones the org accepts: an IST handed out by a refused session
 * exchange (primary_required) must not get into that org through discovery instead (TEN-05).
 * @throws ApiError 404 `member_not_found` for a deleted member, 403 `invalid_email_for_jit_provisioning`
 *   when the email has no other way into the organization.
 */
export async function joinOrganization(
  db: Db,
  org: OrganizationsTable,
  email: string,
  factorTypes: readonly string[],
  now: number,
  oauthTenants: OAuthTenants | null = null,
): Promise<MembersTable> {
  assertPrimaryFactorsAllowed(org, factorTypes);
  const member = await findMemberByEmail(db, org.id, email);
  if (member !== undefined) {
    if (member.status === 'deleted')
      throw apiError('member_not_found', 'This email is not a member of the organization.');
    return activateMember(db, member, now);
  }
  const byTenant =
    oauthTenants !== null && admittedOAuthTenant(org, oauthTenants.provider, oauthTenants.tenants) !== undefined;
  if (!byTenant && !canJoinByEmailDomain(org, email)) {
    throw apiError(
      'invalid_email_for_jit_provisioning',
      'This email is not a member of the organization and cannot join it by its email domain.',
    );
  }
  return insertMember(db, org.project_id, org.id, { email, status: 'active', emailVerified: true }, now);
}
