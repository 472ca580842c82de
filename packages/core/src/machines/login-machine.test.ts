import { describe, expect, it } from 'vitest';
import { OrgAuthError } from '../errors.js';
import { fixtureDiscoveredOrganization, fixtureMember, fixtureOrganization } from '../testing/fixtures.js';
import { initialLoginState, loginReducer } from './login-machine.js';
import type { LoginEvent, LoginState } from './login-state.js';

const run = (events: LoginEvent[], from: LoginState = initialLoginState) => events.reduce(loginReducer, from);
const failure = new OrgAuthError('network_error', 'offline');

describe('loginReducer', () => {
  it('walks email → email-sent → back → email keeping the address', () => {
    const sent = run([
      { type: 'EMAIL_SUBMITTED', email: 'ada@acme.test' },
      { type: 'EMAIL_SENT', email: 'ada@acme.test', method: 'emailMagicLinks' },
    ]);
    expect(sent).toEqual({
      step: 'email-sent',
      email: 'ada@acme.test',
      method: 'emailMagicLinks',
      sends: 1,
      busy: false,
      error: null,
      flow: null,
    });
    expect(loginReducer(sent, { type: 'RESEND' })).toMatchObject({ step: 'email-sent', busy: true });
    expect(loginReducer(sent, { type: 'BACK' })).toEqual({
      step: 'email',
      email: 'ada@acme.test',
      busy: false,
      error: null,
      flow: null,
    });
  });

  it('marks the email step busy, then keeps the error on it', () => {
    const busy = run([{ type: 'EMAIL_SUBMITTED', email: 'ada@acme.test' }]);
    expect(busy).toMatchObject({ step: 'email', busy: true, error: null });
    expect(loginReducer(busy, { type: 'FAILED', error: failure })).toEqual({
      step: 'email',
      email: 'ada@acme.test',
      busy: false,
      error: failure,
      flow: null,
    });
  });

  it('goes from a redirect to the organization list, then creates an organization', () => {
    const orgs = [fixtureDiscoveredOrganization()];
    const chosen = run([
      { type: 'REDIRECT_STARTED' },
      { type: 'DISCOVERED', email: 'ada@acme.test', organizations: orgs },
    ]);
    expect(chosen).toEqual({
      step: 'choose-organization',
      email: 'ada@acme.test',
      organizations: orgs,
      busyOrganizationId: null,
      error: null,
      flow: null,
    });
    const creating = run([{ type: 'CREATE_STARTED' }, { type: 'CREATE_SUBMITTED' }], chosen);
    expect(creating).toEqual({
      step: 'create-organization',
      email: 'ada@acme.test',
      organizations: orgs,
      busy: true,
      error: null,
      flow: null,
    });
    expect(loginReducer(creating, { type: 'FAILED', error: failure })).toMatchObject({
      step: 'create-organization',
      busy: false,
      error: failure,
    });
  });

  it('tracks the organization being entered and clears it on failure', () => {
    const chosen = run([
      { type: 'DISCOVERED', email: 'a@b.test', organizations: [] },
      { type: 'ORGANIZATION_CHOSEN', organizationId: 'org-1' },
    ]);
    expect(chosen).toMatchObject({ busyOrganizationId: 'org-1' });
    expect(loginReducer(chosen, { type: 'FAILED', error: failure })).toMatchObject({
      busyOrganizationId: null,
      error: failure,
    });
  });

  it('turns a failed redirect into the error step, and RESET starts over', () => {
    const failed = run([{ type: 'REDIRECT_STARTED' }, { type: 'FAILED', error: failure }]);
    expect(failed).toEqual({ step: 'error', error: failure, flow: null });
    expect(loginReducer(failed, { type: 'RESET' })).toBe(initialLoginState);
  });

  it('signs in from anywhere and back to email on sign-out', () => {
    const member = fixtureMember();
    const organization = fixtureOrganization();
    const signedIn = loginReducer(initialLoginState, { type: 'SIGNED_IN', member, organization });
    expect(signedIn).toEqual({ step: 'signed-in', member, organization, flow: null });
    expect(loginReducer(signedIn, { type: 'SIGNED_OUT' })).toBe(initialLoginState);
  });

  it('ignores events that do not fit the step, or a second submit while busy', () => {
    const busy = loginReducer(initialLoginState, { type: 'EMAIL_SUBMITTED', email: 'ada@acme.test' });
    expect(loginReducer(busy, { type: 'EMAIL_SUBMITTED', email: 'eve@acme.test' })).toBe(busy);
    expect(loginReducer(initialLoginState, { type: 'SSO_EMAIL_SUBMITTED', email: 'ada@acme.test' })).toBe(
      initialLoginState,
    );
    expect(loginReducer(initialLoginState, { type: 'SIGNED_OUT' })).toBe(initialLoginState);
    expect(loginReducer(initialLoginState, { type: 'RESEND' })).toBe(initialLoginState);
    expect(loginReducer(initialLoginState, { type: 'CREATE_STARTED' })).toBe(initialLoginState);
    expect(loginReducer(initialLoginState, { type: 'ORGANIZATION_CHOSEN', organizationId: 'x' })).toBe(
      initialLoginState,
    );
  });

  it('goes back from create-organization to the same list, from its own state', () => {
    const orgs = [fixtureDiscoveredOrganization()];
    const creating = run([
      { type: 'DISCOVERED', email: 'ada@acme.test', organizations: orgs },
      { type: 'CREATE_STARTED' },
    ]);
    expect(loginReducer(creating, { type: 'BACK' })).toEqual({
      step: 'choose-organization',
      email: 'ada@acme.test',
      organizations: orgs,
      busyOrganizationId: null,
      error: null,
      flow: null,
    });
  });

  it('keeps the organization flow on every step, and back / start over / sign-out return to its page', () => {
    const organization = fixtureOrganization({ organization_slug: 'acme' });
    const page = run([
      { type: 'ORGANIZATION_REQUESTED', slug: 'acme' },
      { type: 'ORGANIZATION_LOADED', slug: 'acme', organization },
    ]);
    const flow = { slug: 'acme', organization };
    expect(page).toEqual({ step: 'organization-login', flow, busy: false, error: null });
    const email = loginReducer(page, { type: 'EMAIL_OPENED' });
    expect(email).toEqual({ step: 'email', email: '', busy: false, error: null, flow });
    expect(loginReducer(email, { type: 'BACK' })).toEqual(page);
    const sent = run(
      [
        { type: 'EMAIL_SUBMITTED', email: 'ada@acme.test' },
        { type: 'EMAIL_SENT', email: 'ada@acme.test', method: 'emailMagicLinks' },
      ],
      email,
    );
    expect(loginReducer(sent, { type: 'BACK' })).toMatchObject({ step: 'email', email: 'ada@acme.test', flow });
    const ssoEmail = loginReducer(email, { type: 'SSO_EMAIL_OPENED' });
    expect(loginReducer(ssoEmail, { type: 'BACK' })).toEqual(page);
    const chosen = run(
      [
        { type: 'REDIRECT_STARTED' },
        { type: 'DISCOVERED', email: 'ada@acme.test', organizations: [] },
        { type: 'CREATE_STARTED' },
      ],
      page,
    );
    expect(chosen).toMatchObject({ step: 'create-organization', flow });
    expect(loginReducer(chosen, { type: 'RESET' })).toEqual(page);
    const signedIn = loginReducer(chosen, {
      type: 'SIGNED_IN',
      member: fixtureMember(),
      organization: fixtureOrganization(),
    });
    expect(loginReducer(signedIn, { type: 'SIGNED_OUT' })).toEqual(page);
    const failed = run([{ type: 'REDIRECT_STARTED' }, { type: 'FAILED', error: failure }], page);
    expect(loginReducer(failed, { type: 'RESET' })).toEqual(page);
  });

  it('returns to a page whose organization is not fetched yet as busy (the controller fetches it)', () => {
    const failed = run([
      { type: 'ORGANIZATION_REQUESTED', slug: 'acme' },
      { type: 'REDIRECT_STARTED' },
      { type: 'FAILED', error: failure },
    ]);
    expect(loginReducer(failed, { type: 'RESET' })).toEqual({
      step: 'organization-login',
      flow: { slug: 'acme', organization: null },
      busy: true,
      error: null,
    });
  });

  it('drops an organization answered for another slug than the page shows', () => {
    const page = run([
      { type: 'ORGANIZATION_REQUESTED', slug: 'old' },
      { type: 'ORGANIZATION_REQUESTED', slug: 'acme' },
    ]);
    expect(loginReducer(page, { type: 'ORGANIZATION_LOADED', slug: 'old', organization: fixtureOrganization() })).toBe(
      page,
    );
  });

  it('keeps the SSO screen busy until the navigation is certain, and gives it back when canceled', () => {
    const organization = fixtureOrganization({ organization_slug: 'acme' });
    const page = run([
      { type: 'ORGANIZATION_REQUESTED', slug: 'acme' },
      { type: 'ORGANIZATION_LOADED', slug: 'acme', organization },
    ]);
    const starting = loginReducer(page, { type: 'SSO_STARTED' });
    expect(starting).toEqual({ ...page, busy: true });
    expect(loginReducer(starting, { type: 'SSO_CANCELED' })).toEqual(page);
    expect(loginReducer(starting, { type: 'SSO_REDIRECTING', connectionId: 'c' })).toEqual({
      step: 'sso-redirecting',
      connectionId: 'c',
      flow: page.flow,
    });
    expect(loginReducer(initialLoginState, { type: 'SSO_STARTED' })).toBe(initialLoginState);
  });
});
