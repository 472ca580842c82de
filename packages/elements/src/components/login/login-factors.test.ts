import {
  fixtureAuthenticateResponse,
  fixtureErrorEnvelope,
  fixtureMfaRequiredResponse,
  fixtureOrganization,
  fixtureTotpCreateResponse,
} from '@orgauth/core/testing';
import axe from 'axe-core';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import '../../define.js';
import { recordOrgAuthEvents, typesOf } from '../../events/orgauth-event.fixtures.js';
import { button, find, findAll, mount, textOf, type, untilStep } from '../../internal/test-helpers.js';
import { OrgAuthLogin } from './login.js';
import { testClient } from './login.fixtures.js';

// The password and second-factor steps through the real login machine: the screens load lazily
// (factor-screens-loader.ts), then behave like the other steps (focus, events, axe).

const OK = { request_id: 'r', status_code: 200 };
const acme = fixtureOrganization({
  organization_slug: 'acme',
  mfa_policy: 'REQUIRED_FOR_ALL',
  mfa_methods: 'RESTRICTED',
  allowed_mfa_methods: ['totp'],
});

beforeAll(() => {
  document.documentElement.lang = 'en';
  document.title = 'Sign in';
});
afterEach(() => document.body.replaceChildren());

async function violations(): Promise<string[]> {
  const { violations } = await axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    rules: { 'color-contrast': { enabled: false } },
  });
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.html}`));
}

/** Acme's page with passwords offered, its server answering `replies`. */
async function acmeLogin(replies: Record<string, unknown>) {
  const el = new OrgAuthLogin();
  el.client = testClient({
    replies: { 'POST /b2b/organizations/search': { ...OK, organization: acme }, ...replies },
  }).client;
  el.organizationSlug = 'acme';
  el.config = { products: ['passwords'] };
  await mount(el);
  await untilStep(el, 'organization-login');
  await vi.waitFor(() => button(el, 'Use a password'));
  return el;
}

/** Waits until the lazily loaded screen shows `selector`. */
const until = (el: OrgAuthLogin, selector: string) =>
  vi.waitFor(() => find(el, selector), { timeout: 5000 }).then(() => el.updateComplete);

describe('<orgauth-login> password and second-factor steps', () => {
  it('password, then TOTP enrolment, recovery codes, signed in: focus, events and axe on the way', async () => {
    const el = await acmeLogin({
      'POST /b2b/passwords/authenticate': fixtureMfaRequiredResponse({ organization: acme }),
      'POST /b2b/totp': fixtureTotpCreateResponse(),
      'POST /b2b/totp/authenticate': fixtureAuthenticateResponse(),
    });
    const events = recordOrgAuthEvents(el);
    button(el, 'Use a password').click();
    await untilStep(el, 'password');
    await until(el, '#password');
    expect(el.shadowRoot?.activeElement?.id).toBe('email');
    expect(await violations()).toEqual([]);
    type(find<HTMLInputElement>(el, '#email'), 'ada@acme.test');
    type(find<HTMLInputElement>(el, '#password'), 'correct horse battery');
    find<HTMLFormElement>(el, 'form').requestSubmit();
    await untilStep(el, 'totp-enroll');
    await until(el, 'img[part~="totp-qr"]');
    expect(textOf(find(el, '[part~="totp-key"]'))).toBe('JBSW Y3DP EHPK 3PXP');
    expect(el.shadowRoot?.activeElement?.id).toBe('totp-code');
    expect(await violations()).toEqual([]);
    type(find<HTMLInputElement>(el, '#totp-code'), '123456');
    await untilStep(el, 'recovery-codes-save');
    expect(findAll(el, '[part~="recovery-codes"] li')).toHaveLength(10);
    expect(await violations()).toEqual([]);
    button(el, 'I saved my codes').click();
    await untilStep(el, 'signed-in');
    expect(typesOf(events)).toEqual(expect.arrayContaining(['mfa_enrolled', 'recovery_codes_shown', 'signed_in']));
    expect(JSON.stringify(events)).not.toContain('code-0-abcd-efgh');
  });

  it('a wrong password is announced and focus goes back to the password', async () => {
    const el = await acmeLogin({
      'POST /b2b/passwords/authenticate': fixtureErrorEnvelope('unauthorized_credentials', 401),
    });
    button(el, 'Use a password').click();
    await untilStep(el, 'password');
    await until(el, '#password');
    type(find<HTMLInputElement>(el, '#email'), 'ada@acme.test');
    type(find<HTMLInputElement>(el, '#password'), 'nope');
    find<HTMLFormElement>(el, 'form').requestSubmit();
    await vi.waitFor(() => expect(textOf(find(el, '[role="alert"]'))).not.toBe(''));
    await el.updateComplete;
    expect(find(el, '#password').getAttribute('aria-invalid')).toBe('true');
    expect(el.shadowRoot?.activeElement?.id).toBe('password');
  });

  it('"Forgot password?" sends the reset link to the typed email and says so without telling whether it exists', async () => {
    const el = await acmeLogin({ 'POST /b2b/passwords/email/reset/start': OK });
    const events = recordOrgAuthEvents(el);
    button(el, 'Use a password').click();
    await until(el, '#password');
    type(find<HTMLInputElement>(el, '#email'), 'ada@acme.test');
    button(el, 'Forgot password?').click();
    await untilStep(el, 'password-reset-sent');
    expect(textOf(find(el, '.intro'))).toBe('If an account is associated with that email, a reset link has been sent.');
    expect(events.filter((e) => e.type === 'password_reset_sent')).toEqual([
      { type: 'password_reset_sent', data: { email: 'ada@acme.test', sends: 1 } },
    ]);
  });
});
