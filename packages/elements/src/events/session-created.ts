import type { Member, Organization } from '@orgauth/core/protocol';

/** Detail of {@link OrgAuthSessionCreatedEvent}. */
export interface OrgAuthSessionCreatedDetail {
  member: Member;
  organization: Organization;
}

/**
 * `orgauth-session-created`: the person just signed in to an organization (after choosing or creating
 * it). Bubbles and crosses shadow roots, so a page can listen on `document`.
 */
export class OrgAuthSessionCreatedEvent extends Event {
  readonly detail: OrgAuthSessionCreatedDetail;
  constructor(detail: OrgAuthSessionCreatedDetail) {
    super('orgauth-session-created', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'orgauth-session-created': OrgAuthSessionCreatedEvent;
  }
}
