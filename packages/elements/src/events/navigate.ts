/** Detail of {@link OrgAuthNavigateEvent}. */
export interface OrgAuthNavigateDetail {
  /** Where the element is about to send the browser (an SSO start URL that redirects to the IdP). */
  url: string;
}

/**
 * `orgauth-navigate`: the element is about to leave the page (docs/architecture.md P8). Cancelable: call
 * `preventDefault()` to navigate yourself (a single-page router, a popup); otherwise the client does
 * `location.assign(url)`. Bubbles and is composed.
 */
export class OrgAuthNavigateEvent extends Event {
  readonly detail: OrgAuthNavigateDetail;
  constructor(detail: OrgAuthNavigateDetail) {
    super('orgauth-navigate', { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'orgauth-navigate': OrgAuthNavigateEvent;
  }
}
