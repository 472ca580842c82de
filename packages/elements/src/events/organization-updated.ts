import type { Organization } from '@orgauth/core/protocol';

/** Detail of {@link OrgAuthOrganizationUpdatedEvent}. */
export interface OrgAuthOrganizationUpdatedDetail {
  /** The organization as the server answered the update. */
  organization: Organization;
  /** The settings sent: only the ones changed. */
  changed: string[];
}

/**
 * `orgauth-organization-updated`: `<orgauth-organization-settings>` saved a change of the
 * organization's settings. Bubbles and crosses shadow roots, so a page can listen on `document`.
 */
export class OrgAuthOrganizationUpdatedEvent extends Event {
  readonly detail: OrgAuthOrganizationUpdatedDetail;
  constructor(detail: OrgAuthOrganizationUpdatedDetail) {
    super('orgauth-organization-updated', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'orgauth-organization-updated': OrgAuthOrganizationUpdatedEvent;
  }
}
