import { describe, expect, it } from 'vitest';
import { OrgAuthError } from '../errors.js';
import { fixtureAuthenticateResponse, fixtureDiscoveryResponse, fixtureOrganization } from '../testing/fixtures.js';
import { fixtureErrorEnvelope, type ScriptedReply } from '../testing/scripted-transport.js';
import { createTestClient } from '../testing/test-client.js';
import { initialLoginState, loginReducer } from './login-machine.js';
import type { LoginEvent, LoginState } from './login-state.js';
import type { CreateLoginOptions } from './login-types.js';

const EMAIL = 'ada@acme.test';
const acme = fixtureOrganization({ organization_slug: 'acme' });
const ORG_FLOW = { slug: 'acme', organization: acme };
const ok = { request_id: 'r', status_code: 200 };
const run = (events: LoginEvent[], from: LoginState = initialLoginState) => events.reduce(loginReducer, from);

function setup(replies: Record<string, ScriptedReply>, options?: CreateLoginOptions) {
  const test = createTestClient({
    replies: { 'POST /b2b/organizations/search': { ...ok, organization: acme }, ...replies },
  });
  return { ...test, login: test.client.createLogin(options) };
}

describe('login reducer: the code on the "Check your email" step', () => {
  it('counts sends, and takes a code only for a code, one at a time', () => {
    const code = run([
      { type: 'EMAIL_SUBMITTED', email: EMAIL },
      { type: 'EMAIL_SENT', email: EMAIL, method: 'emailOtp' },
    ]);
    expect(code).toEqual({
      step: 'email-sent',
      email: EMAIL,
      method: 'emailOtp',
      sends: 1,
      busy: false,
      error: null,
      flow: null,
    });
    const busy = loginReducer(code, { type: 'CODE_SUBMITTED' });
    expect(busy).toMatchObject({ busy: true, error: null });
    expect(loginReducer(busy, { type: 'CODE_SUBMITTED' })).toBe(busy);
    expect(loginReducer(busy, { type: 'RESEND' })).toBe(busy);
    const wrong = new OrgAuthError('network_error', 'offline');
    const failed = loginReducer(busy, { type: 'FAILED', error: wrong });
    expect(failed).toMatchObject({ step: 'email-sent', method: 'emailOtp', busy: false, error: wrong });
    const resent = run([{ type: 'RESEND' }, { type: 'EMAIL_SENT', email: EMAIL, method: 'emailOtp' }], failed);
    expect(resent).toMatchObject({ sends: 2, busy: false, error: null });
    const link = run([
      { type: 'EMAIL_SUBMITTED', email: EMAIL },
      { type: 'EMAIL_SENT', email: EMAIL, method: 'emailMagicLinks' },
    ]);
    expect(loginReducer(link, { type: 'CODE_SUBMITTED' })).toBe(link);
    expect(loginReducer(initialLoginState, { type: 'CODE_SUBMITTED' })).toBe(initialLoginState);
  });
});

describe('login machine: email by code', () => {
  it('discovery: sends a code with the configured options, resends, keeps a wrong code on the step, then lists organizations', async () => {
    let attempts = 0;
    const { login, transport } = setup(
      {
        'POST /b2b/otps/email/discovery/send': ok,
        'POST /b2b/otps/email/discovery/authenticate': () =>
          ++attempts === 1 ? fixtureErrorEnvelope('bad_request', 400) : fixtureDiscoveryResponse(),
      },
      {
        products: ['emailOtp'],
        emailOtpOptions: { loginTemplateId: 'tpl', locale: 'es', discoveryExpirationMinutes: 5 },
      },
    );
    await login.submitEmail(` ${EMAIL} `);
    expect(login.getState()).toMatchObject({ step: 'email-sent', method: 'emailOtp', sends: 1 });
    await login.resend();
    expect(login.getState()).toMatchObject({ step: 'email-sent', sends: 2 });
    await login.submitCode('111111');
    expect(login.getState()).toMatchObject({ step: 'email-sent', busy: false, error: { errorType: 'bad_request' } });
    await login.submitCode(' 123456 ');
    expect(login.getState()).toMatchObject({ step: 'choose-organization', email: EMAIL });
    expect(transport.requests.map((r) => [r.path, r.body])).toEqual([
      [
        '/b2b/otps/email/discovery/send',
        { email_address: EMAIL, login_template_id: 'tpl', locale: 'es', discovery_expiration_minutes: 5 },
      ],
      [
        '/b2b/otps/email/discovery/send',
        { email_address: EMAIL, login_template_id: 'tpl', locale: 'es', discovery_expiration_minutes: 5 },
      ],
      ['/b2b/otps/email/discovery/authenticate', { code: '111111', email_address: EMAIL }],
      ['/b2b/otps/email/discovery/authenticate', { code: '123456', email_address: EMAIL }],
    ]);
  });

  it("an organization's page: the code signs straight in to it, for the configured session length", async () => {
    const { login, transport, client } = setup(
      {
        'POST /b2b/otps/email/login_or_signup': ok,
        'POST /b2b/otps/email/authenticate': fixtureAuthenticateResponse({ organization: acme }),
      },
      {
        organizationSlug: 'acme',
        products: ['sso', 'emailOtp', 'emailMagicLinks'],
        sessionOptions: { sessionDurationMinutes: 240 },
        emailOtpOptions: { signupTemplateId: 'up', loginExpirationMinutes: 3, signupExpirationMinutes: 4 },
      },
    );
    await login.start();
    login.openEmail();
    // The default method is the first email product of `products`.
    await login.submitEmail(EMAIL);
    await login.submitCode('123456');
    expect(login.getState()).toMatchObject({ step: 'signed-in', organization: { organization_slug: 'acme' } });
    expect(client.store.getState().status).toBe('signed-in');
    expect(transport.requests.slice(1).map((r) => [r.path, r.body])).toEqual([
      [
        '/b2b/otps/email/login_or_signup',
        {
          email_address: EMAIL,
          organization_id: acme.organization_id,
          signup_template_id: 'up',
          login_expiration_minutes: 3,
          signup_expiration_minutes: 4,
        },
      ],
      [
        '/b2b/otps/email/authenticate',
        { code: '123456', email_address: EMAIL, organization_id: acme.organization_id, session_duration_minutes: 240 },
      ],
    ]);
  });
});

describe('login machine: email by link', () => {
  it("an organization's page sends an organization link (login_or_signup), not a discovery link", async () => {
    const { login, transport } = setup(
      { 'POST /b2b/magic_links/email/login_or_signup': ok },
      {
        organizationSlug: 'acme',
        emailMagicLinksOptions: {
          loginRedirectURL: 'http://localhost:3000/in',
          signupRedirectURL: 'http://localhost:3000/up',
          locale: 'en',
        },
      },
    );
    await login.start();
    login.openEmail();
    await login.submitEmail(EMAIL);
    expect(login.getState()).toEqual({
      step: 'email-sent',
      email: EMAIL,
      method: 'emailMagicLinks',
      sends: 1,
      busy: false,
      error: null,
      flow: ORG_FLOW,
    });
    expect(transport.requests[1]!.path).toBe('/b2b/magic_links/email/login_or_signup');
    expect(transport.requests[1]!.body).toEqual({
      email_address: EMAIL,
      organization_id: acme.organization_id,
      locale: 'en',
      login_redirect_url: 'http://localhost:3000/in',
      signup_redirect_url: 'http://localhost:3000/up',
      pkce_code_challenge: expect.any(String),
    });
  });

  it('the picked method decides between link and code; a method not offered sends nothing', async () => {
    const { login, transport } = setup(
      { 'POST /b2b/magic_links/email/discovery/send': ok, 'POST /b2b/otps/email/discovery/send': ok },
      { products: ['emailMagicLinks', 'emailOtp'] },
    );
    await login.submitEmail(EMAIL, 'emailOtp');
    expect(login.getState()).toMatchObject({ step: 'email-sent', method: 'emailOtp' });
    await login.back();
    await login.submitEmail(EMAIL);
    expect(login.getState()).toMatchObject({ step: 'email-sent', method: 'emailMagicLinks' });
    expect(transport.requests.map((r) => r.path)).toEqual([
      '/b2b/otps/email/discovery/send',
      '/b2b/magic_links/email/discovery/send',
    ]);
    const linkOnly = setup({}, { products: ['emailMagicLinks'] });
    await linkOnly.login.submitEmail(EMAIL, 'emailOtp');
    const ssoOnly = setup({}, { products: ['sso'] });
    await ssoOnly.login.submitEmail(EMAIL);
    expect([...linkOnly.transport.requests, ...ssoOnly.transport.requests]).toEqual([]);
    expect(ssoOnly.login.getState()).toEqual(initialLoginState);
  });
});
