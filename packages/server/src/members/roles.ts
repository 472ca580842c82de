/**
 * How the backend API spells `Member.roles`, per project. The two contracts we serve disagree:
 * the seed OpenAPI declares role ids (`["stytch_admin"]`), Stytch's Node SDK declares MemberRole
 * objects (`[{role_id, sources}]`, always led by `stytch_member`). A project picks one
 * (`orgauth-server member-roles format ids|objects`); `ids` is the default because the seed is the
 * API we must serve exactly. Stored roles are role ids either way; this only changes the response.
 */

/** `ids`: `string[]` (seed). `objects`: Stytch's `MemberRole[]`. */
export type MemberRolesFormat = 'ids' | 'objects';

/** Every format, for validation and help text. */
export const MEMBER_ROLES_FORMATS: readonly MemberRolesFormat[] = ['ids', 'objects'];

/** Where a member's role comes from (Stytch's `MemberRoleSource`). */
export type MemberRoleSource =
  | { type: 'direct_assignment'; details: Record<string, never> }
  | { type: 'email_assignment'; details: { email_domain: string } };

/** Stytch's `MemberRole`. */
export interface MemberRole {
  role_id: string;
  sources: MemberRoleSource[];
}

/** An organization's `rbac_email_implicit_role_assignments` entry. */
export interface ImplicitRoleAssignment {
  domain: string;
  role_id: string;
}

/** True when `value` names a format. */
export const isMemberRolesFormat = (value: unknown): value is MemberRolesFormat =>
  (MEMBER_ROLES_FORMATS as readonly unknown[]).includes(value);

/**
 * Every role a member holds, with its sources: `stytch_member` (everyone, as in the session JWT's
 * `roles` claim), the roles assigned to it (`direct_assignment`), and the roles its organization
 * gives every address at an email domain (`email_assignment`, Stytch's implicit role assignment). A
 * role held both ways lists both sources.
 */
export function toMemberRoles(
  ids: readonly string[],
  email = '',
  assignments: readonly ImplicitRoleAssignment[] = [],
): MemberRole[] {
  const roles = new Map<string, MemberRoleSource[]>();
  const add = (roleId: string, source: MemberRoleSource) => roles.set(roleId, [...(roles.get(roleId) ?? []), source]);
  for (const roleId of new Set(['stytch_member', ...ids])) add(roleId, { type: 'direct_assignment', details: {} });
  const at = email.lastIndexOf('@');
  const domain = at < 0 ? '' : email.slice(at + 1).toLowerCase();
  for (const assignment of assignments) {
    if (domain !== '' && assignment.domain.toLowerCase() === domain)
      add(assignment.role_id, { type: 'email_assignment', details: { email_domain: domain } });
  }
  return [...roles].map(([role_id, sources]) => ({ role_id, sources }));
}

/** The role ids of {@link toMemberRoles}: what a session's `roles` and every RBAC decision use. */
export const effectiveRoleIds = (
  ids: readonly string[],
  email: string,
  assignments: readonly ImplicitRoleAssignment[],
): string[] => toMemberRoles(ids, email, assignments).map((role) => role.role_id);

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function convertMember(member: unknown, organization: unknown): unknown {
  if (!isObject(member) || !Array.isArray(member.roles)) return member;
  const ids = member.roles.filter((role): role is string => typeof role === 'string');
  const email = typeof member.email_address === 'string' ? member.email_address : '';
  const assignments =
    isObject(organization) && Array.isArray(organization.rbac_email_implicit_role_assignments)
      ? (organization.rbac_email_implicit_role_assignments as ImplicitRoleAssignment[])
      : [];
  return { ...member, roles: toMemberRoles(ids, email, assignments) };
}

/**
 * `payload` with its members' roles in `format`. Members appear in backend responses as `member`,
 * `members[]` and `discovered_organizations[].membership.member`; that list is pinned by the Node
 * SDK conformance suite, which checks every response's roles against the SDK's types. Implicit
 * roles come from the member's organization, which each of those payloads carries beside it.
 */
export function withMemberRoles<T extends object>(payload: T, format: MemberRolesFormat): T {
  if (format === 'ids') return payload;
  const out: Json = { ...(payload as Json) };
  if ('member' in out) out.member = convertMember(out.member, out.organization);
  const organizations = isObject(out.organizations) ? out.organizations : {};
  if (Array.isArray(out.members))
    out.members = out.members.map((member: unknown) =>
      convertMember(member, isObject(member) ? organizations[String(member.organization_id)] : undefined),
    );
  if (Array.isArray(out.discovered_organizations)) {
    out.discovered_organizations = out.discovered_organizations.map((entry: unknown) =>
      isObject(entry) && isObject(entry.membership)
        ? {
            ...entry,
            membership: { ...entry.membership, member: convertMember(entry.membership.member, entry.organization) },
          }
        : entry,
    );
  }
  return out as T;
}
