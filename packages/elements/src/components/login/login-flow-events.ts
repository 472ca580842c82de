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
