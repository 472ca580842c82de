/**
 * A login UI of one's own, built on the headless core alone: `client.createLogin()` for the steps,
 * `@orgauth/react`'s hooks for the client and the member, plain React for the screens. No element
 * of `@orgauth/elements` is involved; the network is the scripted transport of `@orgauth/core/testing`.
 */
import type { CreateLoginOptions, LoginController, LoginState } from '@orgauth/core';
import {
  createTestClient,
  fixtureAuthenticateResponse,
  fixtureDiscoveredOrganization,
  fixtureDiscoveryResponse,
  fixtureOrganization,
} from '@orgauth/core/testing';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { StrictMode, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { OrgAuthProvider, useMember, useOrgAuth } from './index.js';

afterEach(cleanup);

/** The login machine of the provider's client, as React state; started once per login. */
function useLogin({ organizationSlug }: CreateLoginOptions = {}): [LoginState, LoginController] {
  const client = useOrgAuth();
  const login = useMemo(() => client.createLogin({ organizationSlug }), [client, organizationSlug]);
  const state = useSyncExternalStore(login.subscribe, login.getState, login.getState);
  useEffect(() => void login.start(), [login]);
  return [state, login];
}

function Problem({ state }: { state: LoginState }) {
  const error = 'error' in state ? state.error : null;
  return error ? <p role="alert">{'errorType' in error ? String(error.errorType) : error.code}</p> : null;
}

function MyLogin({ organizationSlug }: { organizationSlug?: string }) {
  const [state, login] = useLogin({ organizationSlug });
  const member = useMember();
  const client = useOrgAuth();
  const [text, setText] = useState('');
  const field = (label: string) => <input aria-label={label} value={text} onChange={(e) => setText(e.target.value)} />;
  const submit = (action: () => Promise<void>) => (e: React.FormEvent) => {
    e.preventDefault();
    void action();
  };
  const back = (
    <button type="button" onClick={() => void login.back()}>
      Back
    </button>
  );
  switch (state.step) {
    case 'email':
      return (
        <form onSubmit={submit(() => login.submitEmail(text))}>
          {field('Work email')}
          <button type="submit" disabled={state.busy}>
            Email me a link
          </button>
          {state.flow ? back : null}
          <Problem state={state} />
        </form>
      );
    case 'email-sent':
      return <p>Link sent to {state.email}</p>;
    case 'authenticating':
      return <p role="status">Signing you in</p>;
    case 'choose-organization':
      return (
        <>
          {state.organizations.map(({ organization }) => (
            <button
              type="button"
              key={organization.organization_id}
              onClick={() => void login.chooseOrganization(organization.organization_id)}
            >
              Enter {organization.organization_name}
            </button>
          ))}
          <button type="button" onClick={() => login.startCreate()}>
            New organization
          </button>
        </>
      );
    case 'create-organization':
      return (
        <form
          onSubmit={submit(() =>
            login.createOrganization({ organization_name: text, organization_slug: text.toLowerCase() }),
          )}
        >
          {field('Organization name')}
          <button type="submit">Create</button>
          {back}
          <Problem state={state} />
        </form>
      );
    case 'signed-in':
      return (
        <p>
          {member?.email_address} in {state.organization.organization_name}
          <button type="button" onClick={() => void client.session.revoke()}>
            Sign out
          </button>
        </p>
      );
    case 'error':
      return (
        <>
          <Problem state={state} />
          <button type="button" onClick={() => void login.reset()}>
            Start over
          </button>
        </>
      );
    case 'organization-login':
      return state.flow.organization ? (
        <>
          <h1>Sign in to {state.flow.organization.organization_name}</h1>
          {state.flow.organization.sso_active_connections.map((c) => (
            <button
              type="button"
              key={c.connection_id}
              disabled={state.busy}
              onClick={() => void login.startSso(c.connection_id)}
            >
              {c.display_name}
            </button>
          ))}
          <button type="button" onClick={() => login.openEmail()}>
            Use email
          </button>
        </>
      ) : (
        <>
          <p role="status">{state.busy ? 'Loading' : ''}</p>
          <Problem state={state} />
        </>
      );
    case 'sso-email':
      return <p>SSO by email</p>;
    case 'sso-redirecting':
      return <p role="status">Leaving for {state.connectionId}</p>;
  }
}

const LINK = 'http://localhost:3000/?stytch_token_type=discovery&token=discovery-token-test';
const globex = fixtureOrganization({
  organization_id: 'organization-test-globex',
  organization_name: 'Globex',
  organization_slug: 'globex',
});

describe('a custom React login on the core alone', () => {
  it('runs discovery: email, the link, back from create, an organization, sign-out', async () => {
    const { client, transport, platform } = createTestClient({
      replies: {
        'POST /b2b/magic_links/email/discovery/send': { request_id: 'r', status_code: 200 },
        'POST /b2b/magic_links/discovery/authenticate': fixtureDiscoveryResponse({
          discovered_organizations: [
            fixtureDiscoveredOrganization(),
            fixtureDiscoveredOrganization({ organization: globex }),
          ],
        }),
        'POST /b2b/discovery/intermediate_sessions/exchange': fixtureAuthenticateResponse({ organization: globex }),
        'POST /b2b/sessions/revoke': { request_id: 'r', status_code: 200 },
      },
    });
    const app = () => (
      <OrgAuthProvider client={client}>
        <MyLogin />
      </OrgAuthProvider>
    );
    const page = render(app());
    fireEvent.change(screen.getByLabelText('Work email'), { target: { value: 'not-an-email' } });
    fireEvent.click(screen.getByText('Email me a link'));
    await screen.findByRole('alert');
    expect(screen.getByRole('alert').textContent).toBe('invalid_email');
    fireEvent.change(screen.getByLabelText('Work email'), { target: { value: 'ada@acme.test' } });
    fireEvent.click(screen.getByText('Email me a link'));
    await screen.findByText('Link sent to ada@acme.test');
    expect(transport.requests.map((r) => r.path)).toEqual(['/b2b/magic_links/email/discovery/send']);

    // The person follows the link: the page loads again, on the link's URL.
    page.unmount();
    platform.location.assign(LINK);
    render(app());
    expect(screen.getByRole('status').textContent).toBe('Signing you in');
    fireEvent.click(await screen.findByText('New organization'));
    await screen.findByLabelText('Organization name');
    fireEvent.click(screen.getByText('Back'));
    fireEvent.click(await screen.findByText('Enter Globex'));
    await screen.findByText(/ada@acme\.test in Globex/);
    expect(platform.location.href()).toBe('http://localhost:3000/');
    expect(transport.requests.at(-1)?.body).toMatchObject({ organization_id: globex.organization_id });

    fireEvent.click(screen.getByText('Sign out'));
    await screen.findByLabelText('Work email');
    expect(client.store.getState().status).toBe('signed-out');
  });

  it('runs an organization’s page: loading, its SSO buttons, email and back, and the IdP', async () => {
    const okta = { connection_id: 'saml-connection-test-okta', display_name: 'Okta', identity_provider: 'okta' };
    const acme = fixtureOrganization({ organization_slug: 'acme', sso_active_connections: [okta] });
    const { client, transport, platform } = createTestClient({
      replies: { 'POST /b2b/organizations/search': { request_id: 'r', status_code: 200, organization: acme } },
    });
    // StrictMode runs the effect that starts the login twice: the page is still fetched once.
    render(
      <StrictMode>
        <OrgAuthProvider client={client}>
          <MyLogin organizationSlug="acme" />
        </OrgAuthProvider>
      </StrictMode>,
    );
    expect(screen.getByRole('status').textContent).toBe('Loading');
    await screen.findByText(`Sign in to ${acme.organization_name}`);
    fireEvent.click(screen.getByText('Use email'));
    fireEvent.click(await screen.findByText('Back'));
    await screen.findByText(`Sign in to ${acme.organization_name}`);
    expect(transport.requests).toHaveLength(1);
    await act(async () => fireEvent.click(screen.getByText('Okta')));
    await screen.findByText(`Leaving for ${okta.connection_id}`);
    expect(new URL(platform.navigations[0]!).searchParams.get('connection_id')).toBe(okta.connection_id);
  });

  it('shows an unknown organization as the error type a UI words', async () => {
    const { client } = createTestClient({
      replies: { 'POST /b2b/organizations/search': { request_id: 'r', status_code: 200, organization: null } },
    });
    render(
      <OrgAuthProvider client={client}>
        <MyLogin organizationSlug="nope" />
      </OrgAuthProvider>,
    );
    expect((await screen.findByRole('alert')).textContent).toBe('organization_not_found');
  });
});
