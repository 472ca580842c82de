import { OrgAuthError, type LoginStep } from '@orgauth/core';
import { createTestClient, fixtureMember, fixtureOrganization } from '@orgauth/core/testing';
import {
  OrgAuthErrorEvent,
  OrgAuthLogin,
  OrgAuthNavigateEvent,
  OrgAuthSessionCreatedEvent,
  OrgAuthSessionEndedEvent,
  OrgAuthStepChangeEvent,
} from '@orgauth/elements';
import { de } from '@orgauth/elements/locales/de';
import { cleanup, render, waitFor } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Login } from './components.js';
import { OrgAuthProvider } from './provider.js';

afterEach(cleanup);

const loginIn = (container: HTMLElement) => {
  const el = container.querySelector('orgauth-login');
  if (!el) throw new Error('no <orgauth-login> rendered');
  return el;
};

describe('<Login>', () => {
  it('renders the registered custom element and forwards client and theme as properties', async () => {
    const { client } = createTestClient();
    const { container } = render(<Login client={client} theme="dark" />);
    const el = loginIn(container);
    expect(customElements.get('orgauth-login')).toBeDefined();
    expect(el).toBeInstanceOf(customElements.get('orgauth-login')!);
    expect(el.client).toBe(client);
    await el.updateComplete;
    expect(el.getAttribute('theme')).toBe('dark');
    expect(el.shadowRoot?.querySelector('h2')?.textContent).toBe('Sign in or create an organization');
  });

  it('passes a locale pack as a property: German words, the messages override still first', async () => {
    const { client } = createTestClient();
    const { container } = render(<Login client={client} locale={de} messages={{ 'email.label': 'E-Mail' }} />);
    const el = loginIn(container);
    await el.updateComplete;
    expect(el.locale).toBe(de);
    expect(el.shadowRoot?.querySelector('h2')?.textContent).toBe('Anmelden oder Organisation erstellen');
    expect(el.shadowRoot?.querySelector('label')?.textContent?.trim()).toBe('E-Mail');
  });

  it('takes the client of the surrounding <OrgAuthProvider> when none is passed', () => {
    const { client } = createTestClient();
    const { container } = render(
      <OrgAuthProvider client={client}>
        <Login />
      </OrgAuthProvider>,
    );
    expect(loginIn(container).client).toBe(client);
  });

  it('server HTML marks the element as awaiting its client, so the upgrade before hydration does not complain', () => {
    const { client } = createTestClient();
    const html = renderToString(
      <OrgAuthProvider client={client}>
        <Login organizationSlug="acme" />
      </OrgAuthProvider>,
    );
    expect(html).toMatch(/<orgauth-login[^>]*\sawaiting-client=""/);
    expect(html).toContain('organization-slug="acme"');
    // Without any client there is nothing to wait for: the element reports the usage error.
    expect(renderToString(<Login />)).not.toContain('awaiting-client');
  });

  it('an explicit client wins over the provider', () => {
    const provided = createTestClient().client;
    const own = createTestClient().client;
    const { container } = render(
      <OrgAuthProvider client={provided}>
        <Login client={own} />
      </OrgAuthProvider>,
    );
    expect(loginIn(container).client).toBe(own);
  });

  it('passes config to the element as a property; a new object with the same content keeps the login', async () => {
    const { client, transport } = createTestClient({
      replies: { 'POST /b2b/otps/email/discovery/send': { request_id: 'r', status_code: 200 } },
    });
    const config = { products: ['emailOtp', 'emailMagicLinks'] as const, disableCreateOrganization: true };
    const { container, rerender } = render(<Login client={client} config={config} />);
    const el = loginIn(container);
    expect(el.config).toBe(config);
    await el.updateComplete;
    const root = el.shadowRoot!;
    const labels = [...root.querySelectorAll('[part~="method-button"]')].map((b) => b.textContent?.trim());
    expect(labels).toEqual(['Email me a code', 'Email me a link']);
    root.querySelector<HTMLInputElement>('input[name="email"]')!.value = 'ada@acme.test';
    root.querySelector('form')!.requestSubmit();
    await waitFor(() => expect(root.querySelector('#code')).not.toBeNull());
    expect(transport.requests.map((r) => r.path)).toContain('/b2b/otps/email/discovery/send');
    rerender(<Login client={client} config={{ ...config }} />);
    await el.updateComplete;
    expect(root.querySelector('#code')).not.toBeNull();
  });

  it('forwards refs to the element', () => {
    const ref = { current: null as OrgAuthLogin | null };
    render(<Login ref={ref} client={createTestClient().client} />);
    expect(ref.current).toBeInstanceOf(OrgAuthLogin);
  });

  it('maps every orgauth-* event to its on* prop', () => {
    const handlers = {
      onSessionCreated: vi.fn(),
      onSessionEnded: vi.fn(),
      onStepChange: vi.fn(),
      onError: vi.fn(),
      onNavigate: vi.fn(),
    };
    const { container } = render(<Login client={createTestClient().client} {...handlers} />);
    const el = loginIn(container);
    const created = new OrgAuthSessionCreatedEvent({ member: fixtureMember(), organization: fixtureOrganization() });
    const ended = new OrgAuthSessionEndedEvent({ reason: 'signed-out' });
    const step = new OrgAuthStepChangeEvent({ step: 'email-sent' });
    const error = new OrgAuthErrorEvent({ error: new OrgAuthError('network_error', 'offline') });
    const navigate = new OrgAuthNavigateEvent({ url: 'https://auth.example.test/v1/public/sso/start' });
    for (const event of [created, ended, step, error, navigate]) el.dispatchEvent(event);
    expect(handlers.onSessionCreated).toHaveBeenCalledWith(created);
    expect(handlers.onSessionEnded).toHaveBeenCalledWith(ended);
    expect(handlers.onStepChange).toHaveBeenCalledWith(step);
    expect(handlers.onError).toHaveBeenCalledWith(error);
    expect(handlers.onNavigate).toHaveBeenCalledWith(navigate);
  });

  it('onNavigate sees the SSO start URL and, canceling it, routes the page itself', async () => {
    const connection = { connection_id: 'saml-connection-test-1', display_name: 'Okta', identity_provider: 'okta' };
    const organization = fixtureOrganization({ organization_slug: 'acme', sso_active_connections: [connection] });
    const { client, platform } = createTestClient({
      replies: { 'POST /b2b/organizations/search': { request_id: 'r', status_code: 200, organization } },
    });
    const urls: string[] = [];
    const onNavigate = (event: OrgAuthNavigateEvent) => {
      urls.push(event.detail.url);
      event.preventDefault();
    };
    const { container } = render(<Login client={client} organizationSlug="acme" onNavigate={onNavigate} />);
    const el = loginIn(container);
    await waitFor(() => expect(el.shadowRoot?.querySelector('[part~="sso-button"]')).not.toBeNull());
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="sso-button"]')!.click();
    await waitFor(() => expect(urls).toHaveLength(1));
    expect(new URL(urls[0]!).searchParams.get('connection_id')).toBe(connection.connection_id);
    expect(platform.navigations).toEqual([]);
    await waitFor(() =>
      expect(el.shadowRoot?.querySelector<HTMLButtonElement>('[part~="sso-button"]')?.disabled).toBe(false),
    );
  });

  it('passes organizationSlug as the organization-slug attribute and shows that organization’s SSO buttons', async () => {
    const organization = fixtureOrganization({
      organization_slug: 'acme',
      sso_active_connections: [
        { connection_id: 'saml-connection-test-1', display_name: 'Okta', identity_provider: 'okta' },
      ],
    });
    const { client, transport } = createTestClient({
      replies: { 'POST /b2b/organizations/search': { request_id: 'r', status_code: 200, organization } },
    });
    const { container } = render(<Login client={client} organizationSlug="acme" />);
    const el = loginIn(container);
    expect(el.getAttribute('organization-slug')).toBe('acme');
    await waitFor(() =>
      expect(el.shadowRoot?.querySelector('[part~="sso-button"]')?.textContent).toContain('Continue with Okta'),
    );
    expect(transport.requests[0]?.body).toEqual({ organization_slug: 'acme' });
  });

  it('fires onStepChange when the element moves on after a scripted reply', async () => {
    const { client, transport } = createTestClient();
    transport.reply('POST /b2b/magic_links/email/discovery/send', {
      request_id: 'request-id-test-send',
      status_code: 200,
    });
    const steps: LoginStep[] = [];
    const { container } = render(<Login client={client} onStepChange={(e) => steps.push(e.detail.step)} />);
    const el = loginIn(container);
    await el.updateComplete;
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[name="email"]')!;
    input.value = 'ada@acme.test';
    el.shadowRoot!.querySelector('form')!.requestSubmit();
    await waitFor(() => expect(steps).toEqual(['email-sent']));
    expect(transport.requests.at(-1)?.body).toMatchObject({ email_address: 'ada@acme.test' });
  });
});
