/** Members: store, search, roles, provisioning rules, admin changes, wire shape and routes. */
export { createMemberByApi, deleteMember, updateMember } from './admin.js';
export { readMemberFields } from './input.js';
export { searchMembers } from './search.js';
export {
  assertEmailOtpAllowed,
  assertInviteAllowed,
  assertMagicLinkAllowed,
  assertPrimaryFactorsAllowed,
  authMethodOf,
  canJoinByEmailDomain,
  primaryRequired,
} from './provisioning.js';
export {
  MEMBER_ROLES_FORMATS,
  effectiveRoleIds,
  isMemberRolesFormat,
  toMemberRoles,
  withMemberRoles,
  type ImplicitRoleAssignment,
  type MemberRole,
  type MemberRolesFormat,
} from './roles.js';
export { memberRoutes } from './routes.js';
export { linkOAuthRegistration, type OAuthRegistrationFields } from './oauth-link.js';
export { loadOAuthRegistrations, withOAuthRegistrations } from './oauth-registrations.js';
export { memberRoleIds, toMember } from './serialize.js';
export { activateMember, findMemberByEmail, getMember, insertMember } from './store.js';
