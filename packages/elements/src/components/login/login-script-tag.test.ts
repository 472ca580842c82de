import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../../define.js';
import { find, untilStep } from '../../internal/test-helpers.js';
import type { OrgAuthLogin } from './login.js';

/**
 * The script-tag convenience: `<orgauth-login public-token="…">` builds its own browser client. The
 * network is faked at `fetch`, the one thing the browser platform reaches for.
 */
const requests: { url: string; body: unknown }[] = [];

beforeEach(() => {
  requests.length = 0;
  // happy-dom's test hook: the page URL the element derives its defaults from.
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(
    'https://app.example.test/login?next=%2Fhome',
  );
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const text = await request.text();
    requests.push({ url: request.url, body: text ? JSON.parse(text) : undefined });
    return new Response(JSON.stringify({ data: { request_id: 'r', status_code: 200 } }), {
      headers: { 'Content-Type': 'application/json' },
    });
  });
});

afterEach(() => {
  document.body.replaceChildren();
  vi.unstubAllGlobals();
});

describe('<orgauth-login public-token>', () => {
  it('builds a client for the given server, with magic links leading back to this page', async () => {
    document.body.innerHTML =
      '<orgauth-login public-token="public-token-test-abc" base-url="https://auth.example.test"></orgauth-login>';
    const el = document.querySelector('orgauth-login') as OrgAuthLogin;
    await untilStep(el, 'email');
    find<HTMLInputElement>(el, 'input[name="email"]').value = 'ada@acme.test';
    find<HTMLFormElement>(el, 'form').requestSubmit();
    await untilStep(el, 'email-sent');
    const send = requests.find((r) => r.url.endsWith('/b2b/magic_links/email/discovery/send'));
    expect(send?.url).toBe('https://auth.example.test/sdk/v1/b2b/magic_links/email/discovery/send');
    expect(send?.body).toMatchObject({
      email_address: 'ada@acme.test',
      discovery_redirect_url: 'https://app.example.test/login',
    });
  });

  it('defaults the server to the page origin', async () => {
    document.body.innerHTML = '<orgauth-login public-token="public-token-test-abc"></orgauth-login>';
    const el = document.querySelector('orgauth-login') as OrgAuthLogin;
    await untilStep(el, 'email');
    find<HTMLInputElement>(el, 'input[name="email"]').value = 'ada@acme.test';
    find<HTMLFormElement>(el, 'form').requestSubmit();
    await untilStep(el, 'email-sent');
    expect(requests.some((r) => r.url === 'https://app.example.test/sdk/v1/b2b/magic_links/email/discovery/send')).toBe(
      true,
    );
  });

  it('leads SSO from discovery back to this page too, and lets the page cancel the navigation', async () => {
    const connection = { connection_id: 'saml-connection-test-1', display_name: 'Okta', identity_provider: 'okta' };
    vi.stubGlobal(
      'fetch',
      async () =>
        new Response(JSON.stringify({ data: { request_id: 'r', status_code: 200, connections: [connection] } }), {
          headers: { 'Content-Type': 'application/json' },
        }),
    );
    document.body.innerHTML =
      '<orgauth-login public-token="public-token-test-abc" base-url="https://auth.example.test"></orgauth-login>';
    const el = document.querySelector('orgauth-login') as OrgAuthLogin;
    const urls: string[] = [];
    el.addEventListener('orgauth-navigate', (e) => {
      urls.push(e.detail.url);
      e.preventDefault();
    });
    await untilStep(el, 'email');
    find<HTMLButtonElement>(el, '[part~="sso-email-button"]').click();
    await untilStep(el, 'sso-email');
    find<HTMLInputElement>(el, 'input[name="email"]').value = 'ada@acme.test';
    find<HTMLFormElement>(el, 'form').requestSubmit();
    await vi.waitFor(() => expect(urls).toHaveLength(1));
    const start = new URL(urls[0]!);
    // Continue with SSO on the discovery page comes back as a discovery_sso token, to the chooser.
    expect(start.origin + start.pathname).toBe('https://auth.example.test/v1/public/sso/discovery/start');
    expect(start.searchParams.get('discovery_redirect_url')).toBe('https://app.example.test/login');
    expect(window.location.href).toBe('https://app.example.test/login?next=%2Fhome');
  });
});
