import { describe, expect, it } from 'vitest';
import type { CreateLoginOptions } from './login-types.js';
import type { SsoConnectionSummary } from '../protocol/sso-types.js';
import { fixtureAuthenticateResponse, fixtureOrganization } from '../testing/fixtures.js';
import { fixtureErrorEnvelope, type ScriptedReply } from '../testing/scripted-transport.js';
import { createTestClient } from '../testing/test-client.js';
import type { LoginState } from './login-state.js';

const SEARCH = 'POST /b2b/organizations/search';
const DISCOVER = 'GET /b2b/sso/discovery/connections';
const okta: SsoConnectionSummary = {
  connection_id: 'saml-connection-test-1',
  display_name: 'Okta',
  identity_provider: 'okta',
};
const entra: SsoConnectionSummary = {
  connection_id: 'oidc-connection-test-2',
  display_name: 'Entra ID',
  identity_provider: 'microsoft-entra',
};
const acme = fixtureOrganization({ organization_slug: 'acme', sso_active_connections: [okta, entra] });
const found = (organization: unknown) => ({ request_id: 'r', status_code: 200, organization });
const connections = (list: SsoConnectionSummary[]) => ({ request_id: 'r', status_code: 200, connections: list });

const PKCE_KEY = 'stytch_sdk_state_public-token-test-00000000-0000-4000-8000-000000000000::PKCE_VERIFIER:sso';

function setup(replies: Record<string, ScriptedReply> = {}, href?: string, options?: CreateLoginOptions) {
  const test = createTestClient({ replies, ...(href ? { href } : {}) });
  // This browser started the SSO sign-in that an `sso` token in `href` finishes.
  test.platform.storageMap.set(PKCE_KEY, JSON.stringify({ code_challenge: 'c', code_verifier: 'v'.repeat(64) }));
  const login = test.client.createLogin(options);
  const steps: LoginState[] = [];
  login.subscribe((state) => steps.push(state));
  return { ...test, login, steps };
}

describe('login machine: organization flow', () => {
  it('starts on the organization page (busy until fetched) and starts SSO from its buttons', async () => {
    const { login, steps, platform, transport } = setup({ [SEARCH]: found(acme) }, undefined, {
      organizationSlug: ' acme ',
    });
    expect(login.getState()).toEqual({
      step: 'organization-login',
      flow: { slug: 'acme', organization: null },
      busy: true,
      error: null,
    });
    await login.start();
    expect(transport.requests.map((r) => r.body)).toEqual([{ organization_slug: 'acme' }]);
    expect(steps).toEqual([
      { step: 'organization-login', flow: { slug: 'acme', organization: acme }, busy: false, error: null },
    ]);
    await login.startSso(entra.connection_id);
    expect(steps.at(-2)).toMatchObject({ step: 'organization-login', busy: true });
    expect(login.getState()).toEqual({
      step: 'sso-redirecting',
      connectionId: entra.connection_id,
      flow: { slug: 'acme', organization: acme },
    });
    expect(new URL(platform.navigations[0]!).searchParams.get('connection_id')).toBe(entra.connection_id);
    // An organization's page signs in to that organization: the ordinary start, not discovery's.
    expect(new URL(platform.navigations[0]!).pathname).toBe('/v1/public/sso/start');
  });

  it('moves to another organization page with loadOrganization (busy, then its page)', async () => {
    const { login, steps } = setup({ [SEARCH]: found(acme) });
    await login.loadOrganization('acme');
    expect(steps[0]).toEqual({
      step: 'organization-login',
      flow: { slug: 'acme', organization: null },
      busy: true,
      error: null,
    });
    expect(login.getState()).toEqual({
      step: 'organization-login',
      flow: { slug: 'acme', organization: acme },
      busy: false,
      error: null,
    });
  });

  it('shows an unknown slug as organization_not_found on the page', async () => {
    const { login } = setup({ [SEARCH]: found(null) });
    await login.loadOrganization('nope');
    expect(login.getState()).toMatchObject({
      step: 'organization-login',
      flow: { slug: 'nope', organization: null },
      busy: false,
      error: { errorType: 'organization_not_found' },
    });
  });

  it('ignores the answer for a slug that was replaced meanwhile', async () => {
    let answerFirst: (value: object) => void = () => {};
    const { login, transport } = setup({
      [SEARCH]: (request) =>
        (request.body as { organization_slug: string }).organization_slug === 'old'
          ? new Promise<object>((resolve) => (answerFirst = resolve))
          : found(acme),
    });
    const first = login.loadOrganization('old');
    await login.loadOrganization('acme');
    answerFirst(found(null));
    await first;
    expect(transport.requests).toHaveLength(2);
    expect(login.getState()).toEqual({
      step: 'organization-login',
      flow: { slug: 'acme', organization: acme },
      busy: false,
      error: null,
    });
  });

  it('lets "Continue with email" go to discovery and come back; reset returns to the page', async () => {
    const { login, transport } = setup({ [SEARCH]: found(acme) }, undefined, { organizationSlug: 'acme' });
    await login.start();
    const page = login.getState();
    login.openEmail();
    expect(login.getState()).toEqual({
      step: 'email',
      email: '',
      busy: false,
      error: null,
      flow: { slug: 'acme', organization: acme },
    });
    await login.back();
    expect(login.getState()).toEqual(page);
    login.openEmail();
    await login.reset();
    expect(login.getState()).toEqual(page);
    login.openSsoEmail();
    expect(login.getState()).toMatchObject({ step: 'sso-email' });
    await login.back();
    expect(login.getState()).toEqual(page);
    // The page comes back from the state: the organization is fetched once.
    expect(transport.requests).toHaveLength(1);
  });

  it('gives the screen back when beforeNavigate cancels the navigation', async () => {
    const seen: string[] = [];
    const { login, platform } = setup({ [SEARCH]: found(acme) }, undefined, {
      beforeNavigate: (url) => {
        seen.push(url);
        return false;
      },
    });
    await login.loadOrganization('acme');
    const page = login.getState();
    await login.startSso(okta.connection_id);
    expect(seen).toHaveLength(1);
    expect(login.getState()).toEqual(page);
    expect(platform.navigations).toEqual([]);
    expect(login.getState()).toMatchObject({ step: 'organization-login', busy: false });
  });

  it('ignores startSso outside the steps that offer connections', async () => {
    const { login, platform } = setup();
    await login.startSso(okta.connection_id);
    expect(login.getState().step).toBe('email');
    expect(platform.navigations).toEqual([]);
  });
});

describe('login machine: Continue with SSO', () => {
  it('one connection for the domain: redirects at once', async () => {
    const { login, platform, transport } = setup({ [DISCOVER]: connections([okta]) });
    login.openSsoEmail();
    await login.submitSsoEmail(' ada@acme.test ');
    expect(transport.requests[0]!.path).toBe('/b2b/sso/discovery/connections');
    expect(login.getState()).toEqual({ step: 'sso-redirecting', connectionId: okta.connection_id, flow: null });
    expect(platform.navigations).toHaveLength(1);
  });

  it('several: offers them to choose from', async () => {
    const { login, platform } = setup({ [DISCOVER]: connections([okta, entra]) });
    login.openSsoEmail();
    await login.submitSsoEmail('ada@acme.test');
    expect(login.getState()).toEqual({
      step: 'sso-email',
      email: 'ada@acme.test',
      connections: [okta, entra],
      busy: false,
      error: null,
      flow: null,
    });
    expect(platform.navigations).toEqual([]);
    await login.startSso(entra.connection_id);
    expect(login.getState()).toMatchObject({ step: 'sso-redirecting', connectionId: entra.connection_id });
  });

  it('none: a no_sso_connection error on the step', async () => {
    const { login } = setup({ [DISCOVER]: connections([]) });
    login.openSsoEmail();
    await login.submitSsoEmail('ada@nowhere.test');
    expect(login.getState()).toMatchObject({ step: 'sso-email', busy: false, error: { code: 'no_sso_connection' } });
  });

  it('refuses a malformed email without a request, and keeps API failures on the step', async () => {
    const { login, transport } = setup({ [DISCOVER]: fixtureErrorEnvelope('too_many_requests', 429) });
    login.openSsoEmail();
    await login.submitSsoEmail('nope');
    expect(login.getState()).toMatchObject({ step: 'sso-email', busy: false, error: { errorType: 'invalid_email' } });
    expect(transport.requests).toEqual([]);
    await login.submitSsoEmail('ada@acme.test');
    expect(login.getState()).toMatchObject({ step: 'sso-email', error: { errorType: 'too_many_requests' } });
    await login.back();
    expect(login.getState()).toMatchObject({ step: 'email', email: 'ada@acme.test' });
  });
});

describe('login machine: coming back from the IdP', () => {
  it('an sso token signs in', async () => {
    const { login } = setup(
      { 'POST /b2b/sso/authenticate': fixtureAuthenticateResponse() },
      'http://localhost:3000/?stytch_token_type=sso&token=t',
    );
    await login.start();
    expect(login.getState()).toMatchObject({ step: 'signed-in', member: { email_address: 'ada@acme.test' } });
  });

  it('a refused sso token (connection gone) is shown in words on the error step', async () => {
    const { login } = setup(
      { 'POST /b2b/sso/authenticate': fixtureErrorEnvelope('connection_not_found', 404) },
      'http://localhost:3000/?stytch_token_type=sso&token=t',
    );
    await login.start();
    expect(login.getState()).toMatchObject({ step: 'error', error: { errorType: 'connection_not_found' } });
  });

  it('an sso token in a browser that did not start the sign-in is refused in words, without a request', async () => {
    const { login, transport, platform } = setup(
      { 'POST /b2b/sso/authenticate': fixtureAuthenticateResponse() },
      'http://localhost:3000/?stytch_token_type=sso&token=t',
    );
    platform.storageMap.delete(PKCE_KEY);
    await login.start();
    expect(login.getState()).toMatchObject({ step: 'error', error: { code: 'no_pkce_verifier' } });
    expect(transport.requests).toEqual([]);
    expect(platform.location.href()).toBe('http://localhost:3000/');
  });

  it('stytch_error from the server’s SSO error page lands on the error step; start over returns to the organization', async () => {
    const { login, steps, transport } = setup(
      { [SEARCH]: found(acme) },
      'http://localhost:3000/?stytch_error=invalid_email_for_jit_provisioning',
      {
        organizationSlug: 'acme',
      },
    );
    await login.start();
    expect(steps.map((s) => s.step)).toEqual(['authenticating', 'error']);
    expect(login.getState()).toMatchObject({
      step: 'error',
      error: { errorType: 'invalid_email_for_jit_provisioning' },
    });
    expect(transport.requests).toEqual([]);
    await login.reset();
    expect(login.getState()).toEqual({
      step: 'organization-login',
      flow: { slug: 'acme', organization: acme },
      busy: false,
      error: null,
    });
  });

  it('signing out of an organization flow returns to the organization page', async () => {
    const { login, client, transport } = setup(
      { [SEARCH]: found(acme), 'POST /b2b/sso/authenticate': fixtureAuthenticateResponse() },
      'http://localhost:3000/?stytch_token_type=sso&token=t',
      {
        organizationSlug: 'acme',
      },
    );
    await login.start();
    expect(login.getState().step).toBe('signed-in');
    expect(transport.requests.map((r) => r.path)).toEqual(['/b2b/sso/authenticate']);
    transport.reply('POST /b2b/sessions/revoke', { request_id: 'r', status_code: 200 });
    await client.session.revoke();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(login.getState()).toMatchObject({ step: 'organization-login', flow: { organization: acme } });
  });
});

describe('login reducer: SSO steps', () => {
  it('keeps failures on the organization page and the SSO email step; a failed redirect ends the attempt', async () => {
    const { loginReducer } = await import('./login-machine.js');
    const { OrgAuthError } = await import('../errors.js');
    const error = new OrgAuthError('network_error', 'offline');
    const page = loginReducer(
      { step: 'email', email: '', busy: false, error: null, flow: null },
      { type: 'ORGANIZATION_REQUESTED', slug: 'acme' },
    );
    const flow = { slug: 'acme', organization: null };
    expect(loginReducer(page, { type: 'FAILED', error })).toEqual({
      step: 'organization-login',
      flow,
      busy: false,
      error,
    });
    const sso = loginReducer(loginReducer(page, { type: 'SSO_EMAIL_OPENED' }), {
      type: 'SSO_EMAIL_SUBMITTED',
      email: 'ada@acme.test',
    });
    expect(loginReducer(sso, { type: 'FAILED', error })).toMatchObject({
      step: 'sso-email',
      email: 'ada@acme.test',
      busy: false,
      error,
    });
    expect(loginReducer(loginReducer(sso, { type: 'SSO_STARTED' }), { type: 'FAILED', error })).toMatchObject({
      step: 'sso-email',
      busy: false,
      error,
    });
    const leaving = loginReducer(sso, { type: 'SSO_REDIRECTING', connectionId: 'c' });
    expect(loginReducer(leaving, { type: 'FAILED', error })).toEqual({ step: 'error', error, flow });
    // Connections found for a step that is no longer showing them are ignored.
    expect(loginReducer(leaving, { type: 'SSO_CONNECTIONS_FOUND', connections: [] })).toBe(leaving);
  });
});
