import { describe, expect, it } from 'vitest';
import { OrgAuthError } from '../errors.js';
import { fixtureDiscoveredOrganization, fixtureMember, fixtureOrganization } from '../testing/fixtures.js';
import { initialLoginState, loginReducer } from './login-machine.js';
import type { LoginEvent, LoginState } from './login-state.js';

const run = (events: LoginEvent[], from: LoginState = initialLoginState) => events.reduce(loginReducer, from);
const failure = new OrgAuthError('network_error', 'offline');

describe('loginReducer', () => {
  it('walks email → email-sent → back → email keeping the address', () => {
    const sent = run([{ type: 'EMAIL_SUBMITTED', email: 'ada@acme.test' }, { type: 'EMAIL_SENT', email: 'ada@acme.test' }]);
    expect(sent).toEqual({ step: 'email-sent', email: 'ada@acme.test', busy: false, error: null });
    expect(loginReducer(sent, { type: 'RESEND' })).toMatchObject({ step: 'email-sent', busy: true });
    expect(loginReducer(sent, { type: 'BACK' })).toEqual({ step: 'email', email: 'ada@acme.test', busy: false, error: null });
  });

  it('marks the email step busy, then keeps the error on it', () => {
    const busy = run([{ type: 'EMAIL_SUBMITTED', email: 'ada@acme.test' }]);
    expect(busy).toMatchObject({ step: 'email', busy: true, error: null });
    expect(loginReducer(busy, { type: 'FAILED', error: failure })).toEqual({ step: 'email', email: 'ada@acme.test', busy: false, error: failure });
  });

  it('goes from a redirect to the organization list, then creates an organization', () => {
    const orgs = [fixtureDiscoveredOrganization()];
    const chosen = run([{ type: 'REDIRECT_STARTED' }, { type: 'DISCOVERED', email: 'ada@acme.test', organizations: orgs }]);
    expect(chosen).toEqual({ step: 'choose-organization', email: 'ada@acme.test', organizations: orgs, busyOrganizationId: null, error: null });
    const creating = run([{ type: 'CREATE_STARTED' }, { type: 'CREATE_SUBMITTED' }], chosen);
    expect(creating).toEqual({ step: 'create-organization', email: 'ada@acme.test', canGoBack: true, busy: true, error: null });
    expect(loginReducer(creating, { type: 'FAILED', error: failure })).toMatchObject({ step: 'create-organization', busy: false, error: failure });
  });

  it('tracks the organization being entered and clears it on failure', () => {
    const chosen = run([{ type: 'DISCOVERED', email: 'a@b.test', organizations: [] }, { type: 'ORGANIZATION_CHOSEN', organizationId: 'org-1' }]);
    expect(chosen).toMatchObject({ busyOrganizationId: 'org-1' });
    expect(loginReducer(chosen, { type: 'FAILED', error: failure })).toMatchObject({ busyOrganizationId: null, error: failure });
  });

  it('turns a failed redirect into the error step, and RESET starts over', () => {
    const failed = run([{ type: 'REDIRECT_STARTED' }, { type: 'FAILED', error: failure }]);
    expect(failed).toEqual({ step: 'error', error: failure });
    expect(loginReducer(failed, { type: 'RESET' })).toBe(initialLoginState);
  });

  it('signs in from anywhere and back to email on sign-out', () => {
    const member = fixtureMember();
    const organization = fixtureOrganization();
    const signedIn = loginReducer(initialLoginState, { type: 'SIGNED_IN', member, organization });
    expect(signedIn).toEqual({ step: 'signed-in', member, organization });
    expect(loginReducer(signedIn, { type: 'SIGNED_OUT' })).toBe(initialLoginState);
  });

  it('ignores events that do not fit the step', () => {
    expect(loginReducer(initialLoginState, { type: 'RESEND' })).toBe(initialLoginState);
    expect(loginReducer(initialLoginState, { type: 'CREATE_STARTED' })).toBe(initialLoginState);
    expect(loginReducer(initialLoginState, { type: 'ORGANIZATION_CHOSEN', organizationId: 'x' })).toBe(initialLoginState);
  });
});
