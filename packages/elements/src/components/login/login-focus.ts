import { isOrgAuthApiError, type LoginState, type LoginStep } from '@orgauth/core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isFieldError } from './create-form.js';

/** The field a refused password or code goes back to, per factor step (factors/*.ts render them). */
const FACTOR_FIELDS: Partial<Record<LoginStep, string>> = {
  password: '#password',
  'password-reset': '#new-password',
  'sms-enroll': '#phone',
  'totp-enroll': '#totp-code',
  'totp-verify': '#mfa-code',
  'sms-verify': '#mfa-code',
  'recovery-code': '#recovery-code',
};

/**
 * Where focus belongs after a login transition, as a selector inside the card, or null to leave it.
 * A new screen starts on its `data-initial-focus` control (or its heading); a new error goes back to
 * the field it is about, because the busy form had disabled the control that held focus.
 */
export function focusAfter(next: LoginState, previous: LoginState | undefined): string | null {
  const error = 'error' in next ? next.error : null;
  const newError = error !== null && (!previous || !('error' in previous) || previous.error !== error);
  if (newError && next.step === 'email') return '#email';
  if (newError && next.step === 'email-sent' && next.method === 'emailOtp') return '#code';
  const field = FACTOR_FIELDS[next.step];
  if (newError && field) return field;
  if (newError && next.step === 'create-organization' && isFieldError(error)) {
    return isOrgAuthApiError(error, 'invalid_organization_name') ? '#organization-name' : '#organization-slug';
  }
  return previous && next.step !== previous.step ? '[data-initial-focus]' : null;
}

/** A host that renders into a root, as every `LitElement` does. */
export interface FocusHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/**
 * Moves focus after the next render: to the requested element, or to the screen's heading when the
 * new screen has no such element. Focus moves only on request, never on every render, so typing is
 * never interrupted.
 */
export class FocusController implements ReactiveController {
  readonly #host: FocusHost;
  #target: string | null = null;

  constructor(host: FocusHost) {
    this.#host = host;
    host.addController(this);
  }

  /** Focuses `selector` inside the render root once the next update has rendered. */
  request(selector: string): void {
    this.#target = selector;
    this.#host.requestUpdate();
  }

  hostUpdated(): void {
    if (this.#target === null) return;
    const root = this.#host.renderRoot;
    const target = root.querySelector<HTMLElement>(this.#target) ?? root.querySelector<HTMLElement>('.heading');
    this.#target = null;
    target?.focus();
    // A refused code is replaced, not edited: selected, the next digits typed overwrite it.
    if (target instanceof HTMLInputElement && target.dataset.selectOnFocus !== undefined) target.select();
  }
}
