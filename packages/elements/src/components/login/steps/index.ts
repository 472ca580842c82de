import type { LoginState } from '@orgauth/core';
import type { TemplateResult } from 'lit';
import { renderAuthenticatingStep } from './authenticating-step.js';
import { renderChooseOrganizationStep } from './choose-organization-step.js';
import { renderCreateOrganizationStep } from './create-organization-step.js';
import { renderEmailSentStep } from './email-sent-step.js';
import { renderEmailStep } from './email-step.js';
import { renderErrorStep } from './error-step.js';
import { renderOAuthRedirectingStep } from './oauth-redirecting-step.js';
import { renderOrganizationLoginStep } from './organization-login-step.js';
import { renderSignedInStep } from './signed-in-step.js';
import { renderSsoEmailStep } from './sso-email-step.js';
import { renderSsoRedirectingStep } from './sso-redirecting-step.js';
import type { LoginView } from './view.js';

/** Renders the screen for the machine's current step; the switch is exhaustive over `LOGIN_STEPS`. */
export function renderStep(state: LoginState, view: LoginView): TemplateResult {
  switch (state.step) {
    case 'email':
      return renderEmailStep(state, view);
    case 'email-sent':
      return renderEmailSentStep(state, view);
    case 'authenticating':
      return renderAuthenticatingStep(state, view);
    case 'choose-organization':
      return renderChooseOrganizationStep(state, view);
    case 'create-organization':
      return renderCreateOrganizationStep(state, view);
    case 'signed-in':
      return renderSignedInStep(state, view);
    case 'error':
      return renderErrorStep(state, view);
    case 'organization-login':
      return renderOrganizationLoginStep(state, view);
    case 'sso-email':
      return renderSsoEmailStep(state, view);
    case 'sso-redirecting':
      return renderSsoRedirectingStep(state, view);
    case 'oauth-redirecting':
      return renderOAuthRedirectingStep(state, view);
    case 'password':
    case 'password-reset-sent':
    case 'password-reset':
    case 'mfa-choose':
    case 'totp-enroll':
    case 'totp-verify':
    case 'sms-enroll':
    case 'sms-verify':
    case 'recovery-code':
    case 'recovery-codes-save':
      return view.renderFactor(state);
  }
}
