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

/** Stytch's `MemberRole`. */
export interface MemberRole {
  role_id: string;
  sources: { type: 'direct_assignment'; details: Record<string, never> }[];
}

/** True when `value` names a format. */
export const isMemberRolesFormat = (value: unknown): value is MemberRolesFormat =>
  (MEMBER_ROLES_FORMATS as readonly unknown[]).includes(value);

/**
 * Role ids as Stytch's MemberRole list. Every member holds `stytch_member` (as in the session JWT's
 * `roles` claim); all our assignments are direct, since email-domain and SSO-group role rules do
 * not exist here yet.
 */
export function toMemberRoles(ids: readonly string[]): MemberRole[] {
  return [...new Set(['stytch_member', ...ids])].map((role_id) => ({
    role_id,
    sources: [{ type: 'direct_assignment', details: {} }],
  }));
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function convertMember(member: unknown): unknown {
  if (!isObject(member) || !Array.isArray(member.roles)) return member;
  return { ...member, roles: toMemberRoles(member.roles.filter((role): role is string => typeof role === 'string')) };
}

/**
 * `payload` with its members' roles in `format`. Members appear in backend responses as `member`,
 * `members[]` and `discovered_organizations[].membership.member`; that list is pinned by the Node
 * SDK conformance suite, which checks every response's roles against the SDK's types.
 */
export function withMemberRoles<T extends object>(payload: T, format: MemberRolesFormat): T {
  if (format === 'ids') return payload;
  const out: Json = { ...(payload as Json) };
  if ('member' in out) out.member = convertMember(out.member);
  if (Array.isArray(out.members)) out.members = out.members.map(convertMember);
  if (Array.isArray(out.discovered_organizations)) {
    out.discovered_organizations = out.discovered_organizations.map((entry: unknown) =>
      isObject(entry) && isObject(entry.membership)
        ? { ...entry, membership: { ...entry.membership, member: convertMember(entry.membership.member) } }
        : entry,
    );
  }
  return out as T;
}
