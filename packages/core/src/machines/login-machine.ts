import type { OrgAuthError } from '../errors.js';
import { factorsReducer } from './login-factors-machine.js';
import type { LoginEvent, LoginFlow, LoginState } from './login-state.js';

/** The first screen of discovery: an empty email form. */
export const initialLoginState: LoginState = Object.freeze({
  step: 'email',
  email: '',
  busy: false,
  error: null,
  flow: null,
});

/**
 * Where "start over" leads: the organization's page in the organization flow (busy while its
 * organization is still to be fetched), else the empty email form.
 */
const home = (flow: LoginFlow | null): LoginState =>
  flow ? { step: 'organization-login', flow, busy: !flow.organization, error: null } : initialLoginState;

/**
 * The login step machine: a pure `(state, event) => state`, so every UI (Lit, React, custom) walks
 * the same screens. Events that make no sense on the current step return the same state object.
 * Every state carries the organization flow (`flow`), so "back" and "start over" need nothing else.
 */
export function loginReducer(state: LoginState, event: LoginEvent): LoginState {
  const { flow } = state;
  switch (event.type) {
    case 'EMAIL_OPENED':
      return { step: 'email', email: '', busy: false, error: null, flow };
    case 'EMAIL_SUBMITTED':
      return state.step === 'email' && !state.busy
        ? { step: 'email', email: event.email, busy: true, error: null, flow }
        : state;
    case 'EMAIL_SENT':
      return state.step === 'email' || state.step === 'email-sent'
        ? {
            step: 'email-sent',
            email: event.email,
            method: event.method,
            sends: state.step === 'email-sent' ? state.sends + 1 : 1,
            busy: false,
            error: null,
            flow,
          }
        : state;
    case 'CODE_SUBMITTED':
      return state.step === 'email-sent' && state.method === 'emailOtp' && !state.busy
        ? { ...state, busy: true, error: null }
        : state;
    case 'RESEND':
      return state.step === 'email-sent' && !state.busy ? { ...state, busy: true, error: null } : state;
    case 'BACK':
      return back(state);
    case 'REDIRECT_STARTED':
      return { step: 'authenticating', flow };
    case 'DISCOVERED':
      return {
        step: 'choose-organization',
        email: event.email,
        organizations: event.organizations,
        busyOrganizationId: null,
        error: null,
        flow,
      };
    case 'ORGANIZATION_CHOSEN':
      return state.step === 'choose-organization' && !state.busyOrganizationId
        ? { ...state, busyOrganizationId: event.organizationId, error: null }
        : state;
    case 'CREATE_STARTED':
      return state.step === 'choose-organization'
        ? {
            step: 'create-organization',
            email: state.email,
            organizations: state.organizations,
            busy: false,
            error: null,
            flow,
          }
        : state;
    case 'CREATE_SUBMITTED':
      return state.step === 'create-organization' && !state.busy ? { ...state, busy: true, error: null } : state;
    case 'SIGNED_IN':
      // The same sign-in again (the store echoing the answer just applied) changes nothing.
      if (state.step === 'signed-in' && state.member === event.member && state.organization === event.organization)
        return state;
      // A TOTP enrolment's code passed: its recovery codes are shown, once, before going on.
      if (state.step === 'totp-enroll' && state.busy && state.recoveryCodes.length)
        return {
          step: 'recovery-codes-save',
          recoveryCodes: state.recoveryCodes,
          member: event.member,
          organization: event.organization,
          flow,
        };
      return state.step === 'recovery-codes-save'
        ? state
        : { step: 'signed-in', member: event.member, organization: event.organization, flow };
    case 'SIGNED_OUT':
      return state.step === 'signed-in' ? home(flow) : state;
    case 'RESET':
      return home(flow);
    case 'FAILED':
      return withError(state, event.error);
    case 'ORGANIZATION_REQUESTED':
      return home({ slug: event.slug, organization: null });
    case 'ORGANIZATION_LOADED':
      // An answer for another slug than the page's is stale.
      return state.step === 'organization-login' && state.flow.slug === event.slug
        ? { ...state, flow: { slug: event.slug, organization: event.organization }, busy: false, error: null }
        : state;
    case 'SSO_EMAIL_OPENED':
      return { step: 'sso-email', email: '', connections: [], busy: false, error: null, flow };
    case 'SSO_EMAIL_SUBMITTED':
      return state.step === 'sso-email' && !state.busy
        ? { step: 'sso-email', email: event.email, connections: [], busy: true, error: null, flow }
        : state;
    case 'SSO_CONNECTIONS_FOUND':
      return state.step === 'sso-email' ? { ...state, connections: event.connections, busy: false } : state;
    case 'SSO_STARTED':
    case 'SSO_CANCELED':
      // Busy on the screen that offered the connection until the navigation is certain; canceled
      // (the page routes itself), that screen comes back as it was.
      return state.step === 'organization-login' || state.step === 'sso-email'
        ? { ...state, busy: event.type === 'SSO_STARTED', error: null }
        : state;
    case 'SSO_REDIRECTING':
      return { step: 'sso-redirecting', connectionId: event.connectionId, flow };
    case 'OAUTH_STARTED':
    case 'OAUTH_CANCELED':
      // The provider buttons are on the discovery email step and on an organization's page; a start
      // waits for a request in flight there (or the page's organization) to settle.
      return (state.step === 'email' || state.step === 'organization-login') &&
        (event.type === 'OAUTH_CANCELED' || !state.busy)
        ? { ...state, busy: event.type === 'OAUTH_STARTED', error: null }
        : state;
    case 'OAUTH_REDIRECTING':
      return { step: 'oauth-redirecting', provider: event.provider, flow };
    default:
      return factorsReducer(state, event);
  }
}

/** One step back: email-sent → email, create-organization → choose-organization, sso-email → email; in the organization flow, email and sso-email → its page. */
function back(state: LoginState): LoginState {
  const { flow } = state;
  switch (state.step) {
    case 'create-organization':
      return {
        step: 'choose-organization',
        email: state.email,
        organizations: state.organizations,
        busyOrganizationId: null,
        error: null,
        flow,
      };
    case 'email':
    case 'email-sent':
    case 'sso-email':
    case 'password':
      if (flow && state.step !== 'email-sent') return home(flow);
      return state.step === 'email' ? state : { step: 'email', email: state.email, busy: false, error: null, flow };
    case 'password-reset-sent':
      return { step: 'password', email: state.email, busy: false, error: null, flow };
    case 'sms-verify':
      // An enrolment's code: back to the number, to fix it.
      return state.enrolling && !state.busy
        ? { step: 'sms-enroll', mfa: state.mfa, phoneNumber: state.phoneNumber, busy: false, error: null, flow }
        : state;
    case 'totp-verify':
    case 'recovery-code':
    case 'sms-enroll':
    case 'totp-enroll':
      // To the choice of another factor, when there is one to choose.
      return !state.busy && state.mfa.methods.length > 1
        ? { step: 'mfa-choose', mfa: state.mfa, enrolling: !state.mfa.enrolled.length, busy: false, error: null, flow }
        : state;
    default:
      return state;
  }
}

function withError(state: LoginState, error: OrgAuthError): LoginState {
  switch (state.step) {
    case 'email':
    case 'email-sent':
    case 'create-organization':
    case 'organization-login':
    case 'sso-email':
    case 'password':
    case 'password-reset-sent':
    case 'password-reset':
    case 'mfa-choose':
    case 'totp-enroll':
    case 'totp-verify':
    case 'sms-enroll':
    case 'sms-verify':
    case 'recovery-code':
      return { ...state, busy: false, error };
    case 'choose-organization':
      return { ...state, busyOrganizationId: null, error };
    default:
      // No form to show the error on (a redirect failed): the attempt is over.
      return { step: 'error', error, flow: state.flow };
  }
}
