import type { LoginStep } from '@orgauth/core';

/** Detail of {@link OrgAuthStepChangeEvent}. */
export interface OrgAuthStepChangeDetail {
  step: LoginStep;
}

/**
 * `orgauth-step-change`: the login moved to another screen (one of `LOGIN_STEPS`). Useful for
 * analytics or for adjusting the page around the element. Bubbles and is composed.
 */
export class OrgAuthStepChangeEvent extends Event {
  readonly detail: OrgAuthStepChangeDetail;
  constructor(detail: OrgAuthStepChangeDetail) {
    super('orgauth-step-change', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'orgauth-step-change': OrgAuthStepChangeEvent;
  }
}
