import type { LoginConfig } from '@orgauth/core';
import { API_ERRORS } from '@orgauth/core/protocol';
import { fixtureErrorEnvelope, fixtureOrganization, type ScriptedReply } from '@orgauth/core/testing';
import axe from 'axe-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import '../../define.js';
import { DEFAULT_ERROR_MESSAGES } from '../../i18n/signed-in-error-messages.js';
import { button, find, findAll, mount, settle, textOf, untilStep } from '../../internal/test-helpers.js';
import { OrgAuthLogin } from './login.js';
import { testClient } from './login.fixtures.js';

// Accessibility, CSP-safety and error words of the OAuth buttons; their behaviour is in login-oauth.test.ts.

const AXE_OPTIONS: axe.RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  rules: { 'color-contrast': { enabled: false } }, // needs layout; see internal/theme.styles.test.ts
};
const BOOTSTRAP_KEY = 'GET /projects/bootstrap/public-token-test-00000000-0000-4000-8000-000000000000';
const BOOTSTRAP = { request_id: 'r', status_code: 200, cname_domain: null, pkce_required_for_oauth: true };
const OAUTH: LoginConfig = {
  products: ['oauth', 'emailMagicLinks', 'sso'],
  oauthOptions: { providers: ['google', 'microsoft', 'github', 'slack', 'hubspot'] },
};
const acme = fixtureOrganization({ organization_slug: 'acme', sso_active_connections: [] });

beforeAll(() => {
  document.documentElement.lang = 'en';
  document.title = 'Sign in';
});
afterEach(() => document.body.replaceChildren());

async function login(
  options: { config?: LoginConfig; slug?: string; href?: string; replies?: Record<string, ScriptedReply> } = {},
) {
  const el = new OrgAuthLogin();
  if (options.slug) el.setAttribute('organization-slug', options.slug);
  el.client = testClient({
    ...(options.href ? { href: options.href } : {}),
    replies: {
      [BOOTSTRAP_KEY]: BOOTSTRAP,
      'POST /b2b/organizations/search': { request_id: 'r', status_code: 200, organization: acme },
      ...options.replies,
    },
  }).client;
  el.config = options.config ?? OAUTH;
  await mount(el);
  await settle(el);
  return el;
}

async function violations(): Promise<string[]> {
  const { violations } = await axe.run(document, AXE_OPTIONS);
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.html}`));
}

/**
 * What a strict CSP (`style-src 'self'`, `img-src 'self'`, no inline handlers) and Trusted Types
 * would refuse in the card: inline style attributes or elements, handler attributes, anything
 * loaded by URL, and SVG elements that embed or reference other content.
 */
function cspRefusals(el: OrgAuthLogin): string[] {
  const card = find(el, '[part~="card"]');
  return [card, ...card.querySelectorAll('*')].flatMap((node) => [
    ...(node.localName === 'style' || /^(image|use|foreignobject|script|iframe|img)$/i.test(node.localName)
      ? [`<${node.localName}>`]
      : []),
    ...node
      .getAttributeNames()
      .filter((name) => name === 'style' || name.startsWith('on') || /(^|:)(href|src|srcset)$/.test(name))
      .map((name) => `${node.localName}[${name}]`),
  ]);
}

describe('OAuth screens pass axe and need nothing a strict CSP refuses', () => {
  it('discovery with all five providers', async () => {
    const el = await login();
    expect(findAll(el, '[part~="oauth-button"] svg')).toHaveLength(5);
    expect(cspRefusals(el)).toEqual([]);
    expect(await violations()).toEqual([]);
  });

  it('an organization page, and the redirect step', async () => {
    const el = await login({ slug: 'acme' });
    expect(findAll(el, '[part~="oauth-button"]')).toHaveLength(5);
    expect(cspRefusals(el)).toEqual([]);
    expect(await violations()).toEqual([]);
    button(el, 'Continue with Slack').click();
    await untilStep(el, 'oauth-redirecting');
    expect(cspRefusals(el)).toEqual([]);
    expect(await violations()).toEqual([]);
  });

  it('the check itself finds an inline style and a remote image', async () => {
    const el = await login();
    find(el, '[part~="oauth-button"] svg').setAttribute('style', 'color: red');
    find(el, '[part~="oauth-button"] svg').append(document.createElementNS('http://www.w3.org/2000/svg', 'image'));
    expect(cspRefusals(el)).toEqual(['svg[style]', '<image>']);
  });
});

describe('OAuth failures in words', () => {
  it("a start that cannot reach the server says so on the buttons' screen, and gives them back", async () => {
    const el = await login({
      config: { ...OAUTH, products: ['oauth'] },
      replies: { [BOOTSTRAP_KEY]: fixtureErrorEnvelope('internal_server_error', 500) },
    });
    button(el, 'Continue with Google').click();
    await settle(el);
    expect(find(el, '[part~="card"]').dataset.step).toBe('email');
    expect(textOf(find(el, '[role="alert"]'))).toBe(DEFAULT_ERROR_MESSAGES.internal_server_error);
    expect(button(el, 'Continue with Google').disabled).toBe(false);
  });

  // The server's OAuth refusals (`oauth_*` in the catalogue) come back as `stytch_error` on the redirect.
  const oauthErrors = Object.keys(API_ERRORS).filter((type) => type.startsWith('oauth_'));
  it.each(oauthErrors)('stytch_error=%s is shown in its own words', async (type) => {
    const el = await login({ href: `http://localhost:3000/login?stytch_error=${type}` });
    await untilStep(el, 'error');
    const words = (DEFAULT_ERROR_MESSAGES as Record<string, string>)[type];
    expect(words).toBeTruthy();
    expect(words).not.toBe(DEFAULT_ERROR_MESSAGES.api_error);
    expect(textOf(find(el, '[role="alert"]'))).toBe(words);
  });
});
