/** Why a session ended: the person signed out, it timed out, or the server revoked it. */
export type OrgAuthSessionEndReason = 'signed-out' | 'expired' | 'revoked';

/** Detail of {@link OrgAuthSessionEndedEvent}. */
export interface OrgAuthSessionEndedDetail {
  reason: OrgAuthSessionEndReason;
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
