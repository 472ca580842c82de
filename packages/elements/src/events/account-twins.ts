import type { OrgAuthMemberChange } from './member-change.js';
import type { OrgAuthEventType } from './orgauth-event.js';
import { TWINS, type OrgAuthEventTwins } from './orgauth-event-of.js';

/** The twins of the account elements' events (switcher, members, settings), with every element's. */
export const ACCOUNT_TWINS = {
  ...TWINS,
  'orgauth-organization-switched': 'organization_switched',
  'orgauth-create-organization': 'create_organization_chosen',
  'orgauth-organization-updated': 'organization_updated',
  'orgauth-member-change': {
    invited: 'member_invited',
    'invite-resent': 'invite_resent',
    'invite-revoked': 'invite_revoked',
    'roles-changed': 'member_roles_changed',
    removed: 'member_removed',
    reactivated: 'member_reactivated',
  } satisfies Record<OrgAuthMemberChange, OrgAuthEventType>,
} as const satisfies OrgAuthEventTwins;
