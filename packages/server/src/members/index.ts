/** Members: store, search, roles, provisioning rules, admin changes, wire shape and routes. */
export {
  assertEmailOtpAllowed,
  assertInviteAllowed,
  assertMagicLinkAllowed,
  assertMfaNotRequired,
  assertPrimaryFactorsAllowed,
  authMethodOf,
  canJoinByEmailDomain,
  primaryRequired,
} from './provisioning.js';
export { MEMBER_ROLES_FORMATS, isMemberRolesFormat, withMemberRoles, type MemberRolesFormat } from './roles.js';
export { memberRoutes } from './routes.js';
export { linkOAuthRegistration, type OAuthRegistrationFields } from './oauth-link.js';
export { loadOAuthRegistrations, withOAuthRegistrations } from './oauth-registrations.js';
export { toMember } from './serialize.js';
export { activateMember, findMemberByEmail, getMember, insertMember } from './store.js';
