import type { Member, Organization } from '@orgauth/core/protocol';

/** Detail of {@link OrgAuthOrganizationSwitchedEvent}. */
export interface OrgAuthOrganizationSwitchedDetail {
  /** The organization the session now belongs to. */
  organization: Organization;
  /** The person's member record in that organization. */
  member: Member;
  /** The organization the session belonged to before the switch. */
  previousOrganizationId: string;
}

/**
 * `orgauth-organization-switched`: the session was exchanged for one in another organization
 * (`client.session.exchange`); the client's store already holds the new session. Bubbles and is
 * composed, so a page can listen on `document`.
 */
export class OrgAuthOrganizationSwitchedEvent extends Event {
  readonly detail: OrgAuthOrganizationSwitchedDetail;
  constructor(detail: OrgAuthOrganizationSwitchedDetail) {
    super('orgauth-organization-switched', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'orgauth-organization-switched': OrgAuthOrganizationSwitchedEvent;
  }
}
