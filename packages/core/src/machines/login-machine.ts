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
      // create-organization → choose-organization needs the list, which the controller re-sends as DISCOVERED;
      // back to an organization's page is ORGANIZATION_LOADED, also from the controller.
      return state.step === 'email-sent' || state.step === 'sso-email' ? { step: 'email', email: state.email, busy: false, error: null } : state;
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
    case 'ORGANIZATION_REQUESTED':
      return { step: 'organization-login', organization: null, busy: true, error: null };
    case 'ORGANIZATION_LOADED':
      return { step: 'organization-login', organization: event.organization, busy: false, error: null };
    case 'SSO_EMAIL_OPENED':
      return { step: 'sso-email', email: '', connections: [], busy: false, error: null };
    case 'SSO_EMAIL_SUBMITTED':
      return { step: 'sso-email', email: event.email, connections: [], busy: true, error: null };
    case 'SSO_CONNECTIONS_FOUND':
      return state.step === 'sso-email' ? { ...state, connections: event.connections, busy: false } : state;
    case 'SSO_STARTED':
      return { step: 'sso-redirecting', connectionId: event.connectionId };
  }
}

function withError(state: LoginState, error: OrgAuthError): LoginState {
  switch (state.step) {
    case 'email':
    case 'email-sent':
    case 'create-organization':
    case 'organization-login':
    case 'sso-email':
      return { ...state, busy: false, error };
    case 'choose-organization':
      return { ...state, busyOrganizationId: null, error };
    default:
      // No form to show the error on (a redirect failed): the attempt is over.
      return { step: 'error', error };
  }
}
