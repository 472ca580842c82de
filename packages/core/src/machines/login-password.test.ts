import { describe, expect, it } from 'vitest';
import { fixtureAuthenticateResponse, fixtureDiscoveryResponse, fixtureOrganization } from '../testing/fixtures.js';
import { fixtureErrorEnvelope, type ScriptedReply } from '../testing/scripted-transport.js';
import { createTestClient } from '../testing/test-client.js';
import type { CreateLoginOptions } from './login-types.js';

// The password step and "Forgot password?"; the reset screen a reset link opens is in
// login-password-reset.test.ts.
const EMAIL = 'ada@acme.test';
const acme = fixtureOrganization({ organization_slug: 'acme' });
const ok = { request_id: 'r', status_code: 200 };
const found = () => ({ ...fixtureDiscoveryResponse(), organization_id_hint: null });

function setup(replies: Record<string, ScriptedReply>, options: CreateLoginOptions = {}) {
  const test = createTestClient({
    replies: { 'POST /b2b/organizations/search': { ...ok, organization: acme }, ...replies },
  });
  return { ...test, login: test.client.createLogin({ products: ['emailMagicLinks', 'passwords'], ...options }) };
}
const posted = (t: { requests: { method: string; path: string; body: unknown }[] }) =>
  t.requests.filter((r) => r.method === 'POST' && r.path.startsWith('/b2b/passwords')).map((r) => [r.path, r.body]);

describe('login machine: passwords', () => {
  it('is offered only with the passwords product', async () => {
    const { login } = setup({}, { products: ['emailMagicLinks'] });
    login.openPassword(EMAIL);
    expect(login.getState().step).toBe('email');
  });

  it('organization: email + password signs in to the page organization, the password kept out of state', async () => {
    const { login, transport } = setup(
      { 'POST /b2b/passwords/authenticate': fixtureAuthenticateResponse() },
      { organizationSlug: 'acme', sessionOptions: { sessionDurationMinutes: 30 } },
    );
    await login.start();
    login.openPassword();
    expect(login.getState()).toMatchObject({ step: 'password', email: '', busy: false });
    const seen: unknown[] = [];
    login.subscribe((s) => seen.push(s));
    await login.submitPassword(` ${EMAIL} `, 'correct horse');
    expect(seen[0]).toEqual({ step: 'password', email: EMAIL, busy: true, error: null, flow: login.getState().flow });
    expect(JSON.stringify(seen)).not.toContain('correct horse');
    expect(login.getState()).toMatchObject({ step: 'signed-in' });
    expect(posted(transport)).toEqual([
      [
        '/b2b/passwords/authenticate',
        {
          organization_id: acme.organization_id,
          email_address: EMAIL,
          password: 'correct horse',
          session_duration_minutes: 30,
        },
      ],
    ]);
  });

  it('a wrong password stays on the step with the error; back returns to the organization page', async () => {
    const { login } = setup(
      { 'POST /b2b/passwords/authenticate': fixtureErrorEnvelope('unauthorized_credentials', 401) },
      { organizationSlug: 'acme' },
    );
    await login.start();
    login.openPassword(EMAIL);
    await login.submitPassword(EMAIL, 'wrong');
    expect(login.getState()).toMatchObject({
      step: 'password',
      busy: false,
      error: { errorType: 'unauthorized_credentials' },
    });
    await login.back();
    expect(login.getState().step).toBe('organization-login');
  });

  it('discovery: the password proves the email and the chooser follows', async () => {
    const { login, transport } = setup({ 'POST /b2b/passwords/discovery/authenticate': found() });
    login.openPassword(EMAIL);
    await login.submitPassword(EMAIL, 'pw');
    expect(login.getState()).toMatchObject({ step: 'choose-organization', email: EMAIL });
    expect(posted(transport)).toEqual([
      ['/b2b/passwords/discovery/authenticate', { email_address: EMAIL, password: 'pw' }],
    ]);
  });

  it('forgot password: sends the reset mail with passwordOptions, then "Check your email", resend, back', async () => {
    const { login, transport } = setup(
      { 'POST /b2b/passwords/email/reset/start': ok },
      {
        organizationSlug: 'acme',
        passwordOptions: { resetPasswordRedirectURL: 'https://app.test/reset', resetPasswordExpirationMinutes: 20 },
      },
    );
    await login.start();
    login.openPassword();
    await login.forgotPassword(EMAIL);
    expect(login.getState()).toMatchObject({ step: 'password-reset-sent', email: EMAIL, sends: 1 });
    await login.resendPasswordReset();
    expect(login.getState()).toMatchObject({ step: 'password-reset-sent', sends: 2 });
    const body = {
      email_address: EMAIL,
      reset_password_redirect_url: 'https://app.test/reset',
      reset_password_expiration_minutes: 20,
      organization_id: acme.organization_id,
    };
    expect(posted(transport)).toEqual([
      ['/b2b/passwords/email/reset/start', body],
      ['/b2b/passwords/email/reset/start', body],
    ]);
    await login.back();
    expect(login.getState()).toMatchObject({ step: 'password', email: EMAIL });
  });

  it('forgot password in discovery refuses a malformed email without a request', async () => {
    const { login, transport } = setup({});
    login.openPassword();
    await login.forgotPassword('nope');
    expect(login.getState()).toMatchObject({ step: 'password', error: { errorType: 'invalid_email' } });
    expect(posted(transport)).toEqual([]);
  });
});
