import type { OrgAuthError } from '@orgauth/core';

/** Detail of {@link OrgAuthErrorEvent}. */
export interface OrgAuthErrorDetail {
  error: OrgAuthError;
}

/**
 * `orgauth-error`: something failed and the element is showing it (a refused email, an expired link,
 * a taken slug, a missing client). `detail.error.code` is stable; API errors also carry `errorType`.
 * Bubbles and is composed.
 */
export class OrgAuthErrorEvent extends Event {
  readonly detail: OrgAuthErrorDetail;
  constructor(detail: OrgAuthErrorDetail) {
    super('orgauth-error', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'orgauth-error': OrgAuthErrorEvent;
  }
}
