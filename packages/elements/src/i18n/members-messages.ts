import type { OrgAuthLocale } from './locale.js';
import { resolveWords, type Words, type WordsOverride } from './account-words.js';

/** Every string `<orgauth-organization-members>` shows. `{name}` marks a placeholder. */
export const DEFAULT_MEMBERS_MESSAGES = {
  'members.heading': 'Members',
  'members.intro': 'People in {organization}',
  'members.searchLabel': 'Search by email',
  'members.searchPlaceholder': 'Email or part of it',
  'members.loading': 'Loading members…',
  'members.loadMore': 'Load more',
  'members.loadingMore': 'Loading more members…',
  'members.count': 'Showing {shown} of {total, plural, one {# member} other {# members}}',
  'members.empty': 'No members yet. Invite someone to get started.',
  'members.emptySearch': 'No members match “{query}”.',
  'members.signedOut': 'Sign in to see the members of your organization.',
  'members.notAllowed': 'Your role does not let you see the members of this organization.',
  'members.retry': 'Try again',
  'members.columnName': 'Name',
  'members.columnEmail': 'Email',
  'members.columnRoles': 'Roles',
  'members.columnStatus': 'Status',
  'members.columnActions': 'Actions',
  'members.noName': 'No name',
  'members.you': '(you)',
  'status.active': 'Active',
  'status.invited': 'Invited',
  'status.pending': 'Pending',
  'status.deleted': 'Removed',
  'role.stytch_admin': 'Admin',
  'role.stytch_member': 'Member',
  'members.invite': 'Invite member',
  'members.inviteHeading': 'Invite a member',
  'members.inviteEmailLabel': 'Email address',
  'members.inviteEmailPlaceholder': 'colleague@company.com',
  'members.inviteEmailInvalid': 'Enter a valid email address, like colleague@company.com.',
  'members.inviteRolesLabel': 'Roles',
  'members.inviteRolesHint': 'Every member has the Member role. Choose any others to grant.',
  'members.inviteSubmit': 'Send invite',
  'members.inviteCancel': 'Cancel',
  'members.invited': 'Invitation sent to {email}.',
  'members.resend': 'Resend invite',
  'members.resent': 'Invitation sent again to {email}.',
  'members.revoke': 'Revoke invite',
  'members.revoked': 'The invitation to {email} was revoked.',
  'members.editRoles': 'Change roles',
  'members.editRolesLabel': 'Roles of {member}',
  'members.saveRoles': 'Save roles',
  'members.cancelRoles': 'Cancel',
  'members.rolesSaved': 'Roles of {email} saved.',
  'members.remove': 'Remove',
  'members.removed': '{email} was removed.',
  'members.reactivate': 'Reactivate',
  'members.reactivated': '{email} is active again.',
  'members.actionsFor': 'Actions for {member}',
  'members.confirmRemoveHeading': 'Remove {member}?',
  'members.confirmRemoveBody':
    '{email} loses access to {organization} and is signed out everywhere. You can reactivate them later.',
  'members.confirmRemove': 'Remove member',
  'members.confirmRevokeHeading': 'Revoke the invitation to {email}?',
  'members.confirmRevokeBody': 'The link in the invitation email stops working. You can invite them again later.',
  'members.confirmRevoke': 'Revoke invite',
  'members.confirmCancel': 'Cancel',
} as const;

/** Keys of the members element's strings. */
export type OrgAuthMembersMessageKey = keyof typeof DEFAULT_MEMBERS_MESSAGES;

/** The complete table `<orgauth-organization-members>` renders with. */
export type OrgAuthMembersMessages = Words<OrgAuthMembersMessageKey>;

/** What its `messages` property accepts: any subset of its strings and of the error words. */
export type OrgAuthMembersMessagesOverride = WordsOverride<OrgAuthMembersMessageKey>;

/** The members element's defaults, then `pack`'s words, then `overrides`. */
export const resolveMembersMessages = (
  overrides?: OrgAuthMembersMessagesOverride,
  pack?: OrgAuthLocale,
): OrgAuthMembersMessages =>
  resolveWords<OrgAuthMembersMessageKey>(DEFAULT_MEMBERS_MESSAGES, overrides, pack, pack?.members);
