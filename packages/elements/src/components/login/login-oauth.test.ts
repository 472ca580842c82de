import type { LoginConfig } from '@orgauth/core';
import { fixtureOrganization, type TestClient } from '@orgauth/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import '../../define.js';
import type { OrgAuthNavigateEvent } from '../../events/navigate.js';
import { button, find, findAll, mount, recordEvents, settle, textOf, untilStep } from '../../internal/test-helpers.js';
import { OrgAuthLogin } from './login.js';
import { discoveryReply, testClient } from './login.fixtures.js';

afterEach(() => document.body.replaceChildren());

const SEARCH = 'POST /b2b/organizations/search';
const OAUTH: LoginConfig = {
  products: ['oauth', 'emailMagicLinks', 'sso'],
  oauthOptions: { providers: ['google', { type: 'microsoft', customScopes: ['User.Read'] }, 'github'] },
};
const found = (organization: unknown) => ({ request_id: 'r', status_code: 200, organization });
/** The project's SDK settings, which an OAuth start reads (its host and whether PKCE is on). */
const BOOTSTRAP = {
  'GET /projects/bootstrap/public-token-test-00000000-0000-4000-8000-000000000000': {
    request_id: 'r',
    status_code: 200,
    cname_domain: null,
    pkce_required_for_oauth: true,
  },
};
/** A test client that can start OAuth, with more scripted replies. */
const oauthClient = (options: Parameters<typeof testClient>[0] = {}) =>
  testClient({ ...options, replies: { ...BOOTSTRAP, ...options.replies } });

/** `<orgauth-login>` with `config`, on an organization's page when `slug` is given. */
async function login(test: TestClient, config: LoginConfig = OAUTH, slug?: string): Promise<OrgAuthLogin> {
  const el = new OrgAuthLogin();
  if (slug) el.setAttribute('organization-slug', slug);
  el.client = test.client;
  el.config = config;
  await mount(el);
  await settle(el);
  return el;
}

const oauthLabels = (el: OrgAuthLogin) => findAll(el, '[part~="oauth-button"]').map((b) => textOf(b));
/** The card's top-level parts in document order, to check what sits above what. */
const layout = (el: OrgAuthLogin) =>
  findAll(el, '[part~="oauth-buttons"], [part~="divider"], form').map((n) => n.getAttribute('part') ?? n.localName);

describe('OAuth buttons in discovery', () => {
  it('shows one real button per configured provider, in order, with its mark, above "or" and the email form', async () => {
    const el = await login(oauthClient());
    expect(oauthLabels(el)).toEqual(['Continue with Google', 'Continue with Microsoft', 'Continue with GitHub']);
    for (const b of findAll<HTMLButtonElement>(el, '[part~="oauth-button"]')) {
      // Native buttons: in the tab order, activated by Enter and Space without script.
      expect(b.localName).toBe('button');
      expect(b.type).toBe('button');
      expect(b.tabIndex).toBe(0);
      expect(b.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
    }
    expect(findAll(el, '[part~="oauth-buttons"] > li')).toHaveLength(3);
    expect(layout(el)).toEqual(['oauth-buttons', 'divider', 'form']);
    expect(textOf(find(el, '[part~="divider"]'))).toBe('or');
    button(el, 'Continue with SSO');
  });

  it('puts the buttons under the form when products names oauth after the email products', async () => {
    const el = await login(oauthClient(), { ...OAUTH, products: ['emailMagicLinks', 'oauth'] });
    expect(layout(el)).toEqual(['form', 'divider', 'oauth-buttons']);
  });

  it('shows no button without oauth in products, and no divider without an email form', async () => {
    const none = await login(oauthClient(), { ...OAUTH, products: ['emailMagicLinks', 'sso'] });
    expect(layout(none)).toEqual(['form']);
    document.body.replaceChildren();
    const only = await login(oauthClient(), { ...OAUTH, products: ['oauth'] });
    expect(layout(only)).toEqual(['oauth-buttons']);
    // The failure region stays for the buttons' errors.
    expect(find(only, '[role="alert"]')).toBeTruthy();
  });

  it("a click leaves for the provider's discovery start, after orgauth-navigate, saying where it goes", async () => {
    const test = oauthClient();
    const el = await login(test);
    const events = recordEvents(el, ['orgauth-navigate']);
    button(el, 'Continue with Microsoft').click();
    await untilStep(el, 'oauth-redirecting');
    expect(events).toHaveLength(1);
    const { url } = (events[0] as OrgAuthNavigateEvent).detail;
    expect(test.platform.navigations).toEqual([url]);
    const start = new URL(url);
    expect(start.pathname).toBe('/v1/b2b/public/oauth/microsoft/discovery/start');
    expect(start.searchParams.get('custom_scopes')).toBe('User.Read');
    expect(start.searchParams.get('pkce_code_challenge')).toMatch(/^[\w-]{43}$/);
    const status = find(el, '[role="status"]');
    expect(textOf(status)).toBe('Redirecting to Microsoft…');
    expect(el.shadowRoot?.activeElement?.textContent).toBe('Redirecting to Microsoft…');
  });

  it('keeps the page and gives the buttons back when the page cancels orgauth-navigate', async () => {
    const test = oauthClient();
    const el = await login(test);
    el.addEventListener('orgauth-navigate', (e) => e.preventDefault());
    const events = recordEvents(el, ['orgauth-navigate', 'orgauth-error']);
    button(el, 'Continue with Google').click();
    await settle(el);
    expect(events.map((e) => e.type)).toEqual(['orgauth-navigate']);
    expect(test.platform.navigations).toEqual([]);
    expect(textOf(find(el, '[role="alert"]'))).toBe('');
    expect(find(el, '[part~="card"]').dataset.step).toBe('email');
    expect(button(el, 'Continue with Google').disabled).toBe(false);
  });

  it('leaves "Redirecting…" when the page comes back from the back-forward cache', async () => {
    const el = await login(oauthClient());
    button(el, 'Continue with GitHub').click();
    await untilStep(el, 'oauth-redirecting');
    window.dispatchEvent(Object.defineProperty(new Event('pageshow'), 'persisted', { value: true }));
    await untilStep(el, 'email');
    expect(oauthLabels(el)).toHaveLength(3);
  });

  it('back with a discovery_oauth token, leads to the organization chooser', async () => {
    const test = oauthClient({
      href: 'http://localhost:3000/login?stytch_token_type=discovery_oauth&token=discovery-oauth-token-test',
      replies: { 'POST /b2b/oauth/discovery/authenticate': discoveryReply(['Acme Inc.', 'Globex']) },
    });
    const el = await login(test);
    await untilStep(el, 'choose-organization');
    expect(test.transport.requests.find((r) => r.path === '/b2b/oauth/discovery/authenticate')?.body).toMatchObject({
      discovery_oauth_token: 'discovery-oauth-token-test',
    });
    button(el, 'Globex');
  });
});

describe("OAuth buttons on an organization's page", () => {
  const restricted = fixtureOrganization({
    organization_slug: 'acme',
    auth_methods: 'RESTRICTED',
    allowed_auth_methods: ['magic_link', 'github_oauth', 'google_oauth'],
  });

  it('shows only the providers the organization allows, in the configured order', async () => {
    const el = await login(oauthClient({ replies: { [SEARCH]: found(restricted) } }), OAUTH, 'acme');
    expect(oauthLabels(el)).toEqual(['Continue with Google', 'Continue with GitHub']);
    expect(textOf(find(el, '.intro'))).toBe('Choose how to sign in to Acme Inc.:');
    expect(layout(el)).toEqual(['oauth-buttons', 'divider']);
    button(el, 'Continue with email');
  });

  it('offers no way in the organization refuses: no email button without magic_link, no SSO without sso', async () => {
    const oauthOnly = fixtureOrganization({
      organization_slug: 'acme',
      auth_methods: 'RESTRICTED',
      allowed_auth_methods: ['microsoft_oauth'],
      sso_active_connections: [{ connection_id: 'saml-1', display_name: 'Okta', identity_provider: 'okta' }],
    });
    const el = await login(oauthClient({ replies: { [SEARCH]: found(oauthOnly) } }), OAUTH, 'acme');
    expect(oauthLabels(el)).toEqual(['Continue with Microsoft']);
    expect(findAll(el, 'button').map((b) => textOf(b))).toEqual(['Continue with Microsoft']);
    expect(layout(el)).toEqual(['oauth-buttons']);
  });

  it('shows every configured provider when the organization allows all methods', async () => {
    const all = fixtureOrganization({ organization_slug: 'acme', auth_methods: 'ALL_ALLOWED' });
    const el = await login(oauthClient({ replies: { [SEARCH]: found(all) } }), OAUTH, 'acme');
    expect(oauthLabels(el)).toHaveLength(3);
  });

  it('a click signs in to that organization through the provider; its email step has no provider buttons', async () => {
    const test = oauthClient({ replies: { [SEARCH]: found(restricted) } });
    const el = await login(test, OAUTH, 'acme');
    button(el, 'Continue with GitHub').click();
    await untilStep(el, 'oauth-redirecting');
    const start = new URL(test.platform.navigations[0]!);
    expect(start.pathname).toBe('/v1/b2b/public/oauth/github/start');
    expect(start.searchParams.get('organization_id')).toBe(restricted.organization_id);
    expect(textOf(find(el, 'h2'))).toBe('Redirecting to GitHub…');
    document.body.replaceChildren();
    const again = await login(oauthClient({ replies: { [SEARCH]: found(restricted) } }), OAUTH, 'acme');
    button(again, 'Continue with email').click();
    await untilStep(again, 'email');
    expect(oauthLabels(again)).toEqual([]);
  });
});
