import type { OrgAuthError } from '../errors.js';
import type { LoginEvent, LoginState } from './login-state.js';

/** The first screen: an empty email form. */
export const initialLoginState: LoginState = Object.freeze({ step: 'email', email: '', busy: false, error: null });

/**
 * The login step machine: a pure `(state, event) => state`, so every UI (Lit, React, custom) walks
 * the same screens. Events that make no sense on the current step return the same state object.
 */
export function loginReducer(state: LoginState, event: LoginEvent): LoginState {
  switch (event.type) {
    case 'EMAIL_SUBMITTED':
      return state.step === 'email' ? { step: 'email', email: event.email, busy: true, error: null } : state;
    case 'EMAIL_SENT':
      return state.step === 'email' || state.step === 'email-sent' ? { step: 'email-sent', email: event.email, busy: false, error: null } : state;
    case 'RESEND':
      return state.step === 'email-sent' ? { ...state, busy: true, error: null } : state;
    case 'BACK':
      // create-organization → choose-organization needs the list, which the controller re-sends as DISCOVERED.
      return state.step === 'email-sent' ? { step: 'email', email: state.email, busy: false, error: null } : state;
    case 'REDIRECT_STARTED':
      return { step: 'authenticating' };
    case 'DISCOVERED':
      return { step: 'choose-organization', email: event.email, organizations: event.organizations, busyOrganizationId: null, error: null };
    case 'ORGANIZATION_CHOSEN':
      return state.step === 'choose-organization' ? { ...state, busyOrganizationId: event.organizationId, error: null } : state;
    case 'CREATE_STARTED':
      return state.step === 'choose-organization'
        ? { step: 'create-organization', email: state.email, canGoBack: true, busy: false, error: null }
        : state;
    case 'CREATE_SUBMITTED':
      return state.step === 'create-organization' ? { ...state, busy: true, error: null } : state;
    case 'SIGNED_IN':
      return { step: 'signed-in', member: event.member, organization: event.organization };
    case 'SIGNED_OUT':
    case 'RESET':
      return initialLoginState;
    case 'FAILED':
      return withError(state, event.error);
  }
}

function withError(state: LoginState, error: OrgAuthError): LoginState {
  switch (state.step) {
    case 'email':
    case 'email-sent':
    case 'create-organization':
      return { ...state, busy: false, error };
    case 'choose-organization':
      return { ...state, busyOrganizationId: null, error };
    default:
      // No form to show the error on (a redirect failed): the attempt is over.
      return { step: 'error', error };
  }
}
