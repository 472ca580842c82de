import type { SessionEndReason } from '@orgauth/core';

/** Detail of {@link OrgAuthSessionEndedEvent}. */
export interface OrgAuthSessionEndedDetail {
  /** Why: the person signed out, it expired, or the server revoked it (the core's `SessionEndReason`). */
  reason: SessionEndReason;
}

/** `orgauth-session-ended`: the session shown by the element is gone. Bubbles and is composed. */
export class OrgAuthSessionEndedEvent extends Event {
  readonly detail: OrgAuthSessionEndedDetail;
  constructor(detail: OrgAuthSessionEndedDetail) {
    super('orgauth-session-ended', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'orgauth-session-ended': OrgAuthSessionEndedEvent;
  }
}
