import type { LoginState } from '@orgauth/core';
import type { OrgAuthEventDetail } from '../../events/orgauth-event.js';

/**
 * The `orgauth-event`s of one login-machine transition that no specific event stands for: what was
 * sent, proven, found, created or started (docs/events.md). Step changes, sign-in, sign-out and errors
 * come from their specific events (`login-events.ts`), whose twins the element fires. Pure: read off
 * the two states, so every way into a state (a click, a redirect, another tab) reports alike.
 */
export function loginFlowEvents(next: LoginState, previous: LoginState | undefined): OrgAuthEventDetail[] {
  if (!previous) return [];
  const events: OrgAuthEventDetail[] = [];
  // A typed code led on: to the organizations (discovery) or straight in (an organization's page).
  if (
    previous.step === 'email-sent' &&
    previous.method === 'emailOtp' &&
    (next.step === 'choose-organization' || next.step === 'signed-in')
  )
    events.push({ type: 'code_verified', data: { email: previous.email } });
  switch (next.step) {
    case 'email-sent': {
      const code = next.method === 'emailOtp';
      if (previous.step !== 'email-sent')
        events.push({ type: code ? 'code_sent' : 'email_sent', data: { email: next.email } });
      else if (next.sends > previous.sends)
        events.push({ type: code ? 'code_resent' : 'email_resent', data: { email: next.email, sends: next.sends } });
      break;
    }
    case 'choose-organization':
      // Back from the creation form shows the same list: nothing new was discovered.
      if (previous.step !== 'choose-organization' && previous.step !== 'create-organization')
        events.push({
          type: 'organizations_discovered',
          data: { email: next.email, organizations: next.organizations },
        });
      break;
    case 'signed-in':
      if (previous.step === 'create-organization')
        events.push({ type: 'organization_created', data: { member: next.member, organization: next.organization } });
      // A texted code that passed while enrolling the phone enrolled it.
      if (previous.step === 'sms-verify' && previous.enrolling)
        events.push({ type: 'mfa_enrolled', data: { method: 'smsOtp' } });
      break;
    case 'password-reset-sent': {
      const before = previous.step === 'password-reset-sent' ? previous.sends : 0;
      if (next.sends > before)
        events.push({ type: 'password_reset_sent', data: { email: next.email, sends: next.sends } });
      break;
    }
    case 'recovery-codes-save':
      // The app's first code passed: enrolled, and its recovery codes are on screen (never in the event).
      if (previous.step !== 'recovery-codes-save') {
        events.push({ type: 'mfa_enrolled', data: { method: 'totp' } });
        events.push({ type: 'recovery_codes_shown', data: { organization: next.organization } });
      }
      break;
    case 'organization-login': {
      const { organization } = next.flow;
      if (organization && organization !== previous.flow?.organization)
        events.push({ type: 'organization_page_loaded', data: { organization } });
      break;
    }
    case 'sso-email': {
      const before = previous.step === 'sso-email' ? previous.connections : [];
      if (next.connections.length && next.connections !== before)
        events.push({ type: 'sso_connections_listed', data: { connections: next.connections } });
      break;
    }
    case 'sso-redirecting':
      if (previous.step !== 'sso-redirecting')
        events.push({ type: 'sso_started', data: { connectionId: next.connectionId } });
      break;
    case 'oauth-redirecting':
      if (previous.step !== 'oauth-redirecting')
        events.push({ type: 'oauth_started', data: { provider: next.provider } });
      break;
  }
  return events;
}
