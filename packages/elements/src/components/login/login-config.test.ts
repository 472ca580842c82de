import { fixtureAuthenticateResponse, fixtureOrganization } from '@orgauth/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import '../../define.js';
import { de } from '../../i18n/locales/de.js';
import { button, find, findAll, mount, textOf, untilStep } from '../../internal/test-helpers.js';
import {
  configKey,
  parseAuthFlowType,
  parseMinutes,
  parseOAuthProviders,
  parseProducts,
  resolveLoginConfig,
  withEmailLocale,
} from './login-config.js';
import { OrgAuthLogin } from './login.js';
import { DISCOVERY_AUTHENTICATE, REDIRECT_HREF, discoveryReply, testClient } from './login.fixtures.js';

afterEach(() => document.body.replaceChildren());

const SENT = { request_id: 'r', status_code: 200 };
const LINK = 'POST /b2b/magic_links/email/discovery/send';
const CODE = 'POST /b2b/otps/email/discovery/send';

describe('configuration attributes', () => {
  it('reads products in order, once each, in any case, dropping unknown names', () => {
    expect(parseProducts('sso emailOtp')).toEqual(['sso', 'emailOtp']);
    expect(parseProducts(' emailotp, EMAILMAGICLINKS  sso sso OAuth passwords ')).toEqual([
      'emailOtp',
      'emailMagicLinks',
      'sso',
      'oauth',
      'passwords',
    ]);
    expect(parseProducts('magicLinks')).toBeUndefined();
    expect(parseOAuthProviders('GitHub, google  google facebook')).toEqual(['github', 'google']);
    expect(parseOAuthProviders('facebook')).toBeUndefined();
    expect(parseProducts('')).toBeUndefined();
    expect(parseProducts(null)).toBeUndefined();
  });

  it('reads the flow type and the session length, ignoring what is not one', () => {
    expect(parseAuthFlowType('Discovery')).toBe('Discovery');
    expect(parseAuthFlowType(' organization ')).toBe('Organization');
    expect(parseAuthFlowType('other')).toBeUndefined();
    expect(parseMinutes('60')).toBe(60);
    expect(parseMinutes(90)).toBe(90);
    for (const bad of ['', '0', '-5', '1.5', 'abc', null]) expect(parseMinutes(bad), String(bad)).toBeUndefined();
  });

  it('lays the attributes over the config property', () => {
    const config = {
      products: ['sso'] as const,
      disableCreateOrganization: true,
      sessionOptions: { sessionDurationMinutes: 5 },
    };
    expect(resolveLoginConfig(config, { products: 'emailOtp', sessionDurationMinutes: '120' })).toEqual({
      products: ['emailOtp'],
      disableCreateOrganization: true,
      sessionOptions: { sessionDurationMinutes: 120 },
    });
    expect(resolveLoginConfig(config, {})).toEqual(config);
    const oauth = {
      products: ['oauth'] as const,
      oauthOptions: { providers: ['google'] as const, loginRedirectURL: 'x' },
    };
    expect(resolveLoginConfig(oauth, { oauthProviders: 'slack hubspot' }).oauthOptions).toEqual({
      providers: ['slack', 'hubspot'],
      loginRedirectURL: 'x',
    });
    expect(configKey({ products: ['sso'] })).toBe(configKey({ products: ['sso'] }));
  });

  it('the element offers the products its attribute names (script tag)', async () => {
    const el = document.createElement('orgauth-login') as OrgAuthLogin;
    el.setAttribute('products', 'emailOtp sso');
    el.client = testClient().client;
    await mount(el);
    expect(textOf(find(el, '.intro'))).toBe('Enter your work email. We will send you a code to sign in.');
    expect(textOf(find(el, 'button[type="submit"]'))).toBe('Continue with email');
    button(el, 'Continue with SSO');
  });

  it('the element shows the OAuth providers its attributes name, in their order (script tag)', async () => {
    const el = document.createElement('orgauth-login') as OrgAuthLogin;
    el.setAttribute('products', 'emailMagicLinks oauth');
    el.setAttribute('oauth-providers', 'github google');
    el.client = testClient().client;
    await mount(el);
    expect(findAll(el, '[part~="oauth-button"]').map((b) => textOf(b))).toEqual([
      'Continue with GitHub',
      'Continue with Google',
    ]);
  });

  it('the element runs the flow and the session length its attributes name', async () => {
    const invite = 'http://localhost:3000/?stytch_token_type=multi_tenant_magic_links&token=invite-token';
    const { client, transport } = testClient({
      href: invite,
      replies: { 'POST /b2b/magic_links/authenticate': fixtureAuthenticateResponse() },
    });
    const el = document.createElement('orgauth-login') as OrgAuthLogin;
    el.setAttribute('session-duration-minutes', '90');
    el.client = client;
    await mount(el);
    await untilStep(el, 'signed-in');
    expect(transport.requests.find((r) => r.path === '/b2b/magic_links/authenticate')?.body).toMatchObject({
      session_duration_minutes: 90,
    });

    // `Discovery` wins over the organization the slug names: the email step, not its page.
    const other = document.createElement('orgauth-login') as OrgAuthLogin;
    other.setAttribute('organization-slug', 'acme-inc');
    other.setAttribute('auth-flow-type', 'Discovery');
    other.client = testClient().client;
    await mount(other);
    expect(find(other, '[part~="card"]').dataset.step).toBe('email');
    other.setAttribute('auth-flow-type', 'Organization');
    await untilStep(other, 'organization-login');
  });
});

describe('the locale of the emails', () => {
  it('sends the locale pack’s language with the link and the code, unless the config names one', async () => {
    const { client, transport } = testClient({ replies: { [LINK]: SENT, [CODE]: SENT } });
    const el = new OrgAuthLogin();
    el.client = client;
    el.locale = de;
    await mount(el);
    find<HTMLInputElement>(el, 'input[name="email"]').value = 'ada@acme.test';
    find<HTMLFormElement>(el, 'form').requestSubmit();
    await untilStep(el, 'email-sent');
    expect(transport.requests.find((r) => r.path.endsWith('/magic_links/email/discovery/send'))?.body).toMatchObject({
      locale: 'de',
    });
    expect(withEmailLocale({ emailOtpOptions: { locale: 'fr' } }, 'de')).toEqual({
      emailMagicLinksOptions: { locale: 'de' },
      emailOtpOptions: { locale: 'fr' },
    });
    expect(withEmailLocale({ products: ['sso'] }, undefined)).toEqual({ products: ['sso'] });
  });
});

describe('what the configuration offers', () => {
  async function withConfig(config: OrgAuthLogin['config'], href?: string) {
    const test = testClient({
      ...(href ? { href } : {}),
      replies: { [LINK]: SENT, [CODE]: SENT, [DISCOVERY_AUTHENTICATE]: discoveryReply([]) },
    });
    const el = new OrgAuthLogin();
    el.client = test.client;
    el.config = config;
    await mount(el);
    const sent = () =>
      test.transport.requests.map((r) => `${r.method} ${r.path}`).filter((r) => r === LINK || r === CODE);
    return { ...test, el, sent };
  }

  it('with both email products, the person picks a link or a code', async () => {
    const { el, sent } = await withConfig({ products: ['emailMagicLinks', 'emailOtp'] });
    expect(textOf(find(el, '.intro'))).toBe('Enter your work email. We will send you a link or a code to sign in.');
    const methods = findAll<HTMLButtonElement>(el, '[part~="method-button"]');
    expect(methods.map((b) => [textOf(b), b.type, b.getAttribute('part')])).toEqual([
      ['Email me a link', 'submit', 'submit-button method-button'],
      ['Email me a code', 'submit', 'secondary-button method-button'],
    ]);
    find<HTMLInputElement>(el, 'input[name="email"]').value = 'ada@acme.test';
    find<HTMLFormElement>(el, 'form').requestSubmit(button(el, 'Email me a code'));
    await untilStep(el, 'email-sent');
    expect(sent()).toEqual([CODE]);
    expect(find(el, '#code')).toBeTruthy();
  });

  it('Enter in the field picks the first product offered', async () => {
    const { el, sent } = await withConfig({ products: ['emailOtp', 'emailMagicLinks'] });
    expect(textOf(findAll(el, '[part~="method-button"]')[0])).toBe('Email me a code');
    find<HTMLInputElement>(el, 'input[name="email"]').value = 'ada@acme.test';
    find<HTMLFormElement>(el, 'form').requestSubmit();
    await untilStep(el, 'email-sent');
    expect(sent()).toEqual([CODE]);
  });

  it('a link product alone shows the link step, without the choice', async () => {
    const { el, sent } = await withConfig({ products: ['emailMagicLinks'] });
    expect(findAll(el, '[part~="method-button"]')).toHaveLength(0);
    expect(findAll(el, '[part~="sso-email-button"]')).toHaveLength(0);
    find<HTMLInputElement>(el, 'input[name="email"]').value = 'ada@acme.test';
    find<HTMLFormElement>(el, 'form').requestSubmit();
    await untilStep(el, 'email-sent');
    expect(sent()).toEqual([LINK]);
    expect(findAll(el, '#code')).toHaveLength(0);
    expect(textOf(find(el, '.intro'))).toBe('We sent a sign-in link to ada@acme.test');
  });

  it('SSO alone: no email form, "Continue with SSO" is the main action', async () => {
    const { el } = await withConfig({ products: ['sso'] });
    expect(findAll(el, 'input[name="email"]')).toHaveLength(0);
    expect(button(el, 'Continue with SSO').className).toBe('primary');
  });

  it('hides "Create an organization" with disableCreateOrganization', async () => {
    const { el } = await withConfig({ disableCreateOrganization: true }, REDIRECT_HREF);
    await untilStep(el, 'choose-organization');
    expect(findAll(el, 'button').map(textOf)).not.toContain('Create an organization');
    const plain = await withConfig(undefined, REDIRECT_HREF);
    await untilStep(plain.el, 'choose-organization');
    button(plain.el, 'Create an organization');
  });

  it('keeps the login when the same configuration comes again as a new object, restarts it on a change', async () => {
    const { el } = await withConfig({ products: ['emailOtp'] });
    find<HTMLInputElement>(el, 'input[name="email"]').value = 'ada@acme.test';
    find<HTMLFormElement>(el, 'form').requestSubmit();
    await untilStep(el, 'email-sent');
    el.config = { products: ['emailOtp'] };
    await el.updateComplete;
    expect(find(el, '[part~="card"]').dataset.step).toBe('email-sent');
    el.config = { products: ['emailMagicLinks'] };
    await untilStep(el, 'email');
  });

  it('the organization page offers only the configured products', async () => {
    const search = {
      request_id: 'r',
      status_code: 200,
      organization: fixtureOrganization({
        sso_active_connections: [{ connection_id: 'c1', display_name: 'Okta', identity_provider: 'okta' }],
      }),
    };
    const { client } = testClient({ replies: { 'POST /b2b/organizations/search': search } });
    const el = new OrgAuthLogin();
    el.client = client;
    el.organizationSlug = 'acme-inc';
    el.config = { products: ['sso'] };
    await mount(el);
    await untilStep(el, 'organization-login');
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
    button(el, 'Continue with Okta');
    expect(findAll(el, '[part~="email-button"]')).toHaveLength(0);
    expect(textOf(find(el, '.intro'))).toBe('Sign in to Acme Inc. with your company’s single sign-on.');
    el.config = { products: ['emailOtp'] };
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
    expect(findAll(el, '[part~="sso-button"]')).toHaveLength(0);
    button(el, 'Continue with email');
    expect(textOf(find(el, '.intro'))).toBe('Sign in to Acme Inc. with your work email.');
  });
});
