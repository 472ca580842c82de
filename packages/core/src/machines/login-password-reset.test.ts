import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixtureAuthenticateResponse, fixtureDiscoveryResponse, fixtureOrganization } from '../testing/fixtures.js';
import { fixtureMfaRequiredResponse, fixtureStrengthCheckResponse } from '../testing/mfa-fixtures.js';
import { fixtureErrorEnvelope, type ScriptedReply } from '../testing/scripted-transport.js';
import { createTestClient } from '../testing/test-client.js';
import { STRENGTH_CHECK_DELAY_MS } from './login-factors.js';

// The reset screen a password reset link opens (login-controller.ts starts it, login-factors.ts runs
// it); the password step and "Forgot password?" are in login-password.test.ts.
const acme = fixtureOrganization({ organization_slug: 'acme' });

/** A discovery login started on `href` (a reset link), the transport answering `replies`. */
function setup(replies: Record<string, ScriptedReply>, href: string) {
  const ok = { request_id: 'r', status_code: 200 };
  const test = createTestClient({
    href,
    replies: { 'POST /b2b/organizations/search': { ...ok, organization: acme }, ...replies },
  });
  return { ...test, login: test.client.createLogin({ products: ['emailMagicLinks', 'passwords'] }) };
}
const posted = (t: { requests: { method: string; path: string; body: unknown }[] }) =>
  t.requests.filter((r) => r.method === 'POST' && r.path.startsWith('/b2b/passwords')).map((r) => [r.path, r.body]);
const found = () => ({ ...fixtureDiscoveryResponse(), organization_id_hint: null });

afterEach(() => vi.useRealTimers());

describe('login machine: the reset screen from the link', () => {
  const link = 'http://localhost:3000/reset?token=tok&stytch_token_type=multi_tenant_passwords';

  it('opens from the link (token out of the address bar), checks strength debounced, keeps the last verdict', async () => {
    let checks = 0;
    const { login, platform, transport } = setup(
      {
        'POST /b2b/passwords/strength_check': (request) => {
          checks++;
          const { password } = request.body as { password: string };
          return fixtureStrengthCheckResponse({
            score: password.length > 8 ? 4 : 1,
            valid_password: password.length > 8,
          });
        },
        'POST /b2b/passwords/email/reset': fixtureAuthenticateResponse(),
      },
      link,
    );
    await login.start();
    expect(login.getState()).toMatchObject({
      step: 'password-reset',
      token: 'tok',
      tokenType: 'multi_tenant_passwords',
    });
    expect(platform.location.href()).toBe('http://localhost:3000/reset');
    // The factor actions load on their first call (flows/lazy.ts): loaded before the clock is faked,
    // so that only the debounce is timed, whichever test runs first.
    await (login.checkPasswordStrength('') as unknown as Promise<void>);
    vi.useFakeTimers();
    for (const typed of ['h', 'hu', 'hunter', 'hunter2 is long']) login.checkPasswordStrength(typed);
    expect(checks).toBe(0);
    await vi.advanceTimersByTimeAsync(STRENGTH_CHECK_DELAY_MS);
    // The client's passwords flow loads on its first request (flows/lazy.ts), in real time.
    vi.useRealTimers();
    await vi.waitFor(() => expect(login.getState()).toMatchObject({ checking: false, strength: { score: 4 } }));
    expect(checks).toBe(1);
    expect(login.getState()).toMatchObject({ strength: { valid_password: true } });
    login.checkPasswordStrength('');
    await vi.waitFor(() => expect(login.getState()).toMatchObject({ strength: null }));
    await login.submitNewPassword('hunter2 is long');
    expect(login.getState().step).toBe('signed-in');
    expect(transport.requests.at(-1)).toMatchObject({
      path: '/b2b/passwords/email/reset',
      body: { password_reset_token: 'tok', password: 'hunter2 is long', session_duration_minutes: 60 },
    });
  });

  it('a weak password stays on the reset screen with the error', async () => {
    const { login } = setup({ 'POST /b2b/passwords/email/reset': fixtureErrorEnvelope('invalid_token', 400) }, link);
    await login.start();
    await login.submitNewPassword('x');
    expect(login.getState()).toMatchObject({
      step: 'password-reset',
      busy: false,
      error: { errorType: 'invalid_token' },
    });
  });

  it('a discovery reset link leads to the organization chooser', async () => {
    const { login, transport } = setup(
      { 'POST /b2b/passwords/discovery/reset': found() },
      'http://localhost:3000/?token=d&stytch_token_type=discovery&stytch_redirect_type=reset_password',
    );
    await login.start();
    expect(login.getState()).toMatchObject({ step: 'password-reset', tokenType: 'discovery' });
    await login.submitNewPassword('new pw');
    expect(login.getState()).toMatchObject({ step: 'choose-organization' });
    expect(posted(transport)).toEqual([
      ['/b2b/passwords/discovery/reset', { password_reset_token: 'd', password: 'new pw' }],
    ]);
  });

  it('a reset that owes a second factor goes on to it', async () => {
    const { login } = setup(
      {
        'POST /b2b/passwords/email/reset': fixtureMfaRequiredResponse({
          organization: {
            ...acme,
            mfa_policy: 'REQUIRED_FOR_ALL',
            mfa_methods: 'RESTRICTED',
            allowed_mfa_methods: ['sms_otp'],
          },
        }),
      },
      link,
    );
    await login.start();
    await login.submitNewPassword('new pw');
    expect(login.getState()).toMatchObject({ step: 'sms-enroll', mfa: { methods: ['smsOtp'] } });
  });
});
