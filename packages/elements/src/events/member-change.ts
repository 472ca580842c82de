import type { Member } from '@orgauth/core/protocol';

/** What happened to a member in `<orgauth-organization-members>`. */
export type OrgAuthMemberChange =
  | 'invited'
  | 'invite-resent'
  | 'invite-revoked'
  | 'roles-changed'
  | 'removed'
  | 'reactivated';

/** Detail of {@link OrgAuthMemberChangeEvent}. */
export interface OrgAuthMemberChangeDetail {
  change: OrgAuthMemberChange;
  /** The member as the server answered (invite, roles, reactivation) or as it was listed (removal). */
  member: Member;
}

/**
 * `orgauth-member-change`: the server accepted a change to a member made in the members panel
 * (an invitation sent or revoked, roles changed, a member removed or reactivated). Bubbles and
 * crosses shadow roots, so a page can listen on `document`.
 */
export class OrgAuthMemberChangeEvent extends Event {
  readonly detail: OrgAuthMemberChangeDetail;
  constructor(detail: OrgAuthMemberChangeDetail) {
    super('orgauth-member-change', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'orgauth-member-change': OrgAuthMemberChangeEvent;
  }
}
