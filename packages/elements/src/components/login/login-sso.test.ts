import type { SsoConnectionSummary } from '@orgauth/core/protocol';
import {
  fixtureAuthenticateResponse,
  fixtureErrorEnvelope,
  fixtureOrganization,
  type TestClient,
} from '@orgauth/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import '../../define.js';
import type { OrgAuthErrorEvent } from '../../events/error.js';
import { OrgAuthNavigateEvent } from '../../events/navigate.js';
import { DEFAULT_ERROR_MESSAGES } from '../../i18n/signed-in-error-messages.js';
import { button, find, findAll, mount, recordEvents, settle, textOf, untilStep } from '../../internal/test-helpers.js';
import { OrgAuthLogin } from './login.js';
import { deferred, loginWith, testClient } from './login.fixtures.js';

afterEach(() => document.body.replaceChildren());

const SEARCH = 'POST /b2b/organizations/search';
const DISCOVER = 'GET /b2b/sso/discovery/connections';
const okta: SsoConnectionSummary = {
  connection_id: 'saml-connection-test-1',
  display_name: 'Okta <b>SSO</b>',
  identity_provider: 'okta',
};
const entra: SsoConnectionSummary = {
  connection_id: 'oidc-connection-test-2',
  display_name: 'Entra ID',
  identity_provider: 'microsoft-entra',
};
const acme = fixtureOrganization({
  organization_slug: 'acme',
  organization_name: 'Acme Inc.',
  sso_active_connections: [okta, entra],
});
const found = (organization: unknown) => ({ request_id: 'r', status_code: 200, organization });
const connections = (list: SsoConnectionSummary[]) => ({ request_id: 'r', status_code: 200, connections: list });

/** The browser of `test` started the SSO sign-in an `sso` token in its URL finishes (it holds the PKCE verifier). */
const startedSso = (test: TestClient) =>
  test.platform.storageMap.set(
    `stytch_sdk_state_${test.client.publicToken}::PKCE_VERIFIER:sso`,
    JSON.stringify({ code_challenge: 'c', code_verifier: 'v'.repeat(64) }),
  );

/** `<orgauth-login organization-slug=…>` over a test client. */
async function organizationLogin(test: TestClient, slug = 'acme'): Promise<OrgAuthLogin> {
  const el = new OrgAuthLogin();
  el.setAttribute('organization-slug', slug);
  el.client = test.client;
  return mount(el);
}

async function submitSsoEmail(el: OrgAuthLogin, email: string): Promise<void> {
  find<HTMLInputElement>(el, 'input[name="email"]').value = email;
  find<HTMLFormElement>(el, 'form').requestSubmit();
  await el.updateComplete;
}

describe('<orgauth-login organization-slug>', () => {
  it('fetches the organization by slug (busy first) and shows one button per active SSO connection', async () => {
    const test = testClient();
    const answer = deferred<object>();
    test.transport.reply(SEARCH, () => answer.promise);
    const el = await organizationLogin(test);
    await untilStep(el, 'organization-login');
    expect(find(el, '[role="status"]')).toBeTruthy();
    expect(button(el, 'Continue with email').disabled).toBe(true);
    answer.resolve(found(acme));
    await settle(el);
    expect(test.transport.requests.find((r) => r.path === '/b2b/organizations/search')?.body).toEqual({
      organization_slug: 'acme',
    });
    expect(textOf(find(el, '.intro'))).toContain('Acme Inc.');
    const ssoButtons = findAll<HTMLButtonElement>(el, '[part~="sso-button"]');
    expect(ssoButtons.map((b) => textOf(b))).toEqual(['Continue with Okta <b>SSO</b>', 'Continue with Entra ID']);
    // The display name is text, never markup.
    expect(ssoButtons[0]!.querySelector('b')).toBeNull();
  });

  it('never shows the discovery email step on the way to the organization page', async () => {
    const test = testClient({ replies: { [SEARCH]: found(acme) } });
    const el = new OrgAuthLogin();
    el.setAttribute('organization-slug', 'acme');
    el.client = test.client;
    const shown: string[] = [];
    const watch = () => shown.push(el.shadowRoot?.querySelector('[part~="card"]')?.getAttribute('data-step') ?? 'none');
    el.addEventListener('orgauth-step-change', watch);
    await mount(el);
    watch();
    // The first render is already the organization's page, loading.
    expect(find(el, '[role="status"]')).toBeTruthy();
    const observer = new MutationObserver(watch);
    observer.observe(el.shadowRoot!, { subtree: true, attributes: true, attributeFilter: ['data-step'] });
    await untilStep(el, 'organization-login');
    await settle(el);
    observer.disconnect();
    expect(shown[0]).toBe('organization-login');
    expect(shown).not.toContain('email');
  });

  it('fires a cancelable orgauth-navigate with the start URL, then the client navigates', async () => {
    const test = testClient({ replies: { [SEARCH]: found(acme) } });
    const el = await organizationLogin(test);
    await settle(el);
    const events = recordEvents(el, ['orgauth-navigate']);
    button(el, 'Continue with Entra ID').click();
    await untilStep(el, 'sso-redirecting');
    expect(events).toHaveLength(1);
    const event = events[0] as OrgAuthNavigateEvent;
    expect(event).toBeInstanceOf(OrgAuthNavigateEvent);
    expect(event.cancelable && event.bubbles && event.composed).toBe(true);
    const url = new URL(event.detail.url);
    expect(url.pathname).toBe('/v1/public/sso/start');
    expect(url.searchParams.get('connection_id')).toBe(entra.connection_id);
    expect(test.platform.navigations).toEqual([event.detail.url]);
    expect(textOf(find(el, 'h2'))).toBe('Redirecting to your identity provider…');
  });

  it('leaves "Redirecting…" when the page comes back from the back-forward cache', async () => {
    const test = testClient({ replies: { [SEARCH]: found(acme) } });
    const el = await organizationLogin(test);
    await settle(el);
    button(el, 'Continue with Okta').click();
    await untilStep(el, 'sso-redirecting');
    // happy-dom's PageTransitionEvent ignores `persisted` in its init; a browser's restored page sets it.
    window.dispatchEvent(Object.defineProperty(new Event('pageshow'), 'persisted', { value: true }));
    await untilStep(el, 'organization-login');
    expect(findAll(el, '[part~="sso-button"]')).toHaveLength(2);
  });

  it('does not navigate when the page cancels orgauth-navigate, and gives the buttons back', async () => {
    const test = testClient({ replies: { [SEARCH]: found(acme) } });
    const el = await organizationLogin(test);
    await settle(el);
    el.addEventListener('orgauth-navigate', (e) => e.preventDefault());
    button(el, 'Continue with Entra ID').click();
    await settle(el);
    expect(test.platform.navigations).toEqual([]);
    expect(find(el, '[part~="card"]').dataset.step).toBe('organization-login');
    expect(button(el, 'Continue with Entra ID').disabled).toBe(false);
  });

  it('shows an unknown slug in words', async () => {
    const test = testClient({ replies: { [SEARCH]: found(null) } });
    const el = await organizationLogin(test, 'nope');
    const errors = recordEvents(el, ['orgauth-error']);
    await settle(el);
    expect(textOf(find(el, '[role="alert"]'))).toBe(DEFAULT_ERROR_MESSAGES.organization_not_found);
    expect((errors[0] as OrgAuthErrorEvent | undefined)?.detail.error).toMatchObject({
      errorType: 'organization_not_found',
    });
  });

  it('"Continue with email" asks for the address under the organization\'s name, and Back returns to it', async () => {
    const test = testClient({ replies: { [SEARCH]: found(acme) } });
    const el = await organizationLogin(test);
    await settle(el);
    button(el, 'Continue with email').click();
    await untilStep(el, 'email');
    expect(textOf(find(el, 'h2'))).toBe('Sign in to Acme Inc.');
    button(el, 'Back').click();
    await untilStep(el, 'organization-login');
    expect(findAll(el, '[part~="sso-button"]')).toHaveLength(2);
  });

  it('sends an organization link, and says it reaches the address only if it may join', async () => {
    const ORG_LINK = 'POST /b2b/magic_links/email/login_or_signup';
    const test = testClient({ replies: { [SEARCH]: found(acme), [ORG_LINK]: { request_id: 'r', status_code: 200 } } });
    const el = await organizationLogin(test);
    await settle(el);
    button(el, 'Continue with email').click();
    await untilStep(el, 'email');
    find<HTMLInputElement>(el, 'input[name="email"]').value = 'ada@acme.test';
    find<HTMLFormElement>(el, 'form').requestSubmit();
    await untilStep(el, 'email-sent');
    expect(test.transport.requests.find((r) => `${r.method} ${r.path}` === ORG_LINK)?.body).toMatchObject({
      organization_id: acme.organization_id,
      email_address: 'ada@acme.test',
    });
    expect(textOf(find(el, '.intro'))).toBe('If ada@acme.test can sign in to Acme Inc., a sign-in link is on its way.');
    expect(textOf(find(el, '.admission'))).toBe(
      'New people join Acme Inc. by invitation. Not a member yet? Ask an admin to invite you.',
    );
  });

  it.each([
    [
      'ada@other.test',
      'New people join Acme Inc. only with an address at @acme.test, @acme.dev. Not a member yet? Ask an admin to invite you.',
    ],
    ['ada@ACME.test', null],
  ])('states who may join an organization restricted by domain (%s)', async (email, hint) => {
    const ORG_LINK = 'POST /b2b/magic_links/email/login_or_signup';
    const restricted = {
      ...acme,
      email_jit_provisioning: 'RESTRICTED',
      email_allowed_domains: ['acme.test', 'acme.dev'],
    };
    const test = testClient({
      replies: { [SEARCH]: found(restricted), [ORG_LINK]: { request_id: 'r', status_code: 200 } },
    });
    const el = await organizationLogin(test);
    await settle(el);
    button(el, 'Continue with email').click();
    await untilStep(el, 'email');
    find<HTMLInputElement>(el, 'input[name="email"]').value = email;
    find<HTMLFormElement>(el, 'form').requestSubmit();
    await untilStep(el, 'email-sent');
    const shown = el.shadowRoot?.querySelector('.admission');
    expect(shown ? textOf(shown as HTMLElement) : null).toBe(hint);
  });

  it('shows the IdP error the server sent back (stytch_error), and Start over returns to the organization', async () => {
    const test = testClient({
      href: 'http://localhost:3000/login?stytch_error=sso_jit_provisioning_not_allowed',
      replies: { [SEARCH]: found(acme) },
    });
    const el = await organizationLogin(test);
    await untilStep(el, 'error');
    expect(textOf(find(el, '[role="alert"]'))).toBe(DEFAULT_ERROR_MESSAGES.sso_jit_provisioning_not_allowed);
    expect(test.platform.location.href()).toBe('http://localhost:3000/login');
    button(el, 'Start over').click();
    await untilStep(el, 'organization-login');
    await settle(el);
    expect(findAll(el, '[part~="sso-button"]')).toHaveLength(2);
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'sso_not_a_real_type'])(
    'shows stytch_error=%s in generic words, never native code',
    async (value) => {
      const test = testClient({
        href: `http://localhost:3000/login?stytch_error=${value}`,
        replies: { [SEARCH]: found(acme) },
      });
      const el = await organizationLogin(test);
      await untilStep(el, 'error');
      const text = textOf(find(el, '[role="alert"]'));
      expect([DEFAULT_ERROR_MESSAGES.redirect_error, DEFAULT_ERROR_MESSAGES.api_error]).toContain(text);
      expect(text).not.toMatch(/native code|function|\[object/i);
    },
  );

  it('finishes an sso token from the URL and signs in', async () => {
    const test = testClient({
      href: 'http://localhost:3000/login?stytch_token_type=sso&token=sso-token-test',
      replies: { 'POST /b2b/sso/authenticate': fixtureAuthenticateResponse(), [SEARCH]: found(acme) },
    });
    startedSso(test);
    const el = await organizationLogin(test);
    await untilStep(el, 'signed-in');
    expect(test.transport.requests.map((r) => r.path)).not.toContain('/b2b/organizations/search');
  });

  it('refuses an sso token this browser did not start, in words, without spending it', async () => {
    const test = testClient({
      href: 'http://localhost:3000/login?stytch_token_type=sso&token=sso-token-of-someone-else',
      replies: { 'POST /b2b/sso/authenticate': fixtureAuthenticateResponse(), [SEARCH]: found(acme) },
    });
    const el = await organizationLogin(test);
    await untilStep(el, 'error');
    expect(textOf(find(el, '[role="alert"]'))).toBe(DEFAULT_ERROR_MESSAGES.no_pkce_verifier);
    expect(DEFAULT_ERROR_MESSAGES.no_pkce_verifier).toMatch(/started in another browser/);
    expect(test.transport.requests.map((r) => r.path)).not.toContain('/b2b/sso/authenticate');
    expect(test.client.store.getState().status).toBe('signed-out');
  });
});

describe('discovery: Continue with SSO', () => {
  it('one connection for the domain: navigates to it', async () => {
    const test = testClient({ replies: { [DISCOVER]: connections([okta]) } });
    const el = await loginWith(test);
    button(el, 'Continue with SSO').click();
    await untilStep(el, 'sso-email');
    await submitSsoEmail(el, 'ada@acme.test');
    await untilStep(el, 'sso-redirecting');
    expect(new URL(test.platform.navigations[0]!).searchParams.get('connection_id')).toBe(okta.connection_id);
  });

  it('several: lists them to choose', async () => {
    const test = testClient({ replies: { [DISCOVER]: connections([okta, entra]) } });
    const el = await loginWith(test);
    button(el, 'Continue with SSO').click();
    await untilStep(el, 'sso-email');
    await submitSsoEmail(el, 'ada@acme.test');
    await settle(el);
    expect(findAll(el, '[part~="sso-button"]')).toHaveLength(2);
    button(el, 'Continue with Entra ID').click();
    await untilStep(el, 'sso-redirecting');
  });

  it('none: says there is no SSO connection for that domain; a disabled connection is said in words too', async () => {
    const test = testClient({ replies: { [DISCOVER]: connections([]) } });
    const el = await loginWith(test);
    button(el, 'Continue with SSO').click();
    await untilStep(el, 'sso-email');
    await submitSsoEmail(el, 'ada@nowhere.test');
    await settle(el);
    expect(textOf(find(el, '[role="alert"]'))).toBe(
      'No SSO connection for that email domain. Check the address, or sign in with email instead.',
    );
    test.transport.reply(DISCOVER, fixtureErrorEnvelope('connection_not_found', 404));
    await submitSsoEmail(el, 'ada@acme.test');
    await settle(el);
    expect(textOf(find(el, '[role="alert"]'))).toBe(DEFAULT_ERROR_MESSAGES.connection_not_found);
    button(el, 'Back').click();
    await untilStep(el, 'email');
  });
});
