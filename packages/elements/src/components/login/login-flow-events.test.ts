import type { LoginState } from '@orgauth/core';
import { fixtureDiscoveredOrganization, fixtureMember, fixtureOrganization } from '@orgauth/core/testing';
import { describe, expect, it } from 'vitest';
import { loginFlowEvents } from './login-flow-events.js';

const form = { busy: false, error: null, flow: null };
const email = 'ada@acme.test';
const organizations = [fixtureDiscoveredOrganization()];
const sentCode: LoginState = { step: 'email-sent', email, method: 'emailOtp', sends: 1, ...form };
const chooser: LoginState = {
  step: 'choose-organization',
  email,
  organizations,
  busyOrganizationId: null,
  error: null,
  flow: null,
};
const creating: LoginState = { step: 'create-organization', email, organizations, ...form };
const signedIn: LoginState = {
  step: 'signed-in',
  member: fixtureMember(),
  organization: fixtureOrganization(),
  flow: null,
};

describe('loginFlowEvents', () => {
  it('reports nothing for the first state', () => {
    expect(loginFlowEvents(sentCode, undefined)).toEqual([]);
  });

  it('a code: sent, resent with the count, verified into an organization page sign-in', () => {
    const typing: LoginState = { step: 'email', email, ...form, busy: true };
    expect(loginFlowEvents(sentCode, typing)).toEqual([{ type: 'code_sent', data: { email } }]);
    expect(loginFlowEvents({ ...sentCode, sends: 2 }, { ...sentCode, busy: true })).toEqual([
      { type: 'code_resent', data: { email, sends: 2 } },
    ]);
    expect(loginFlowEvents({ ...sentCode, busy: true }, sentCode)).toEqual([]);
    expect(loginFlowEvents(signedIn, { ...sentCode, busy: true }).map((e) => e.type)).toEqual(['code_verified']);
  });

  it('back from the creation form discovers nothing new', () => {
    expect(loginFlowEvents(chooser, creating)).toEqual([]);
    expect(loginFlowEvents(chooser, { step: 'authenticating', flow: null })).toEqual([
      { type: 'organizations_discovered', data: { email, organizations } },
    ]);
  });

  it('an organization created, and a redirect started', () => {
    expect(loginFlowEvents(signedIn, { ...creating, busy: true }).map((e) => e.type)).toEqual(['organization_created']);
    const onEmail: LoginState = { step: 'email', email: '', ...form, busy: true };
    expect(loginFlowEvents({ step: 'oauth-redirecting', provider: 'google', flow: null }, onEmail)).toEqual([
      { type: 'oauth_started', data: { provider: 'google' } },
    ]);
  });
});
