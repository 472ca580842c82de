import {
  createTestClient,
  fixtureAuthenticateResponse,
  fixtureDiscoveryResponse,
  fixtureMember,
  fixtureMemberSession,
  fixtureOrganization,
} from '@orgauth/core/testing';
import type { B2BClient } from '@orgauth/core';
import { act, cleanup, render, screen } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { useAuthStatus, useIsSignedIn, useMember, useOrganization, useSession } from './hooks.js';
import { useOrgAuth } from './provider.js';
import { OrgAuthProvider } from './provider.js';

afterEach(cleanup);

const signedIn = () =>
  ({
    status: 'signed-in',
    member: fixtureMember(),
    organization: fixtureOrganization(),
    session: fixtureMemberSession(),
    fromCache: false,
  }) as const;

/** Shows everything the hooks return, and counts renders to prove selectors keep re-renders narrow. */
function Who({ renders }: { renders?: { count: number } }) {
  if (renders) renders.count++;
  const status = useAuthStatus();
  const member = useMember();
  const organization = useOrganization();
  const session = useSession();
  const isSignedIn = useIsSignedIn();
  return (
    <p data-testid="who">
      {status}|{String(isSignedIn)}|{member?.email_address ?? '-'}|{organization?.organization_slug ?? '-'}|
      {session?.member_session_id ?? '-'}
    </p>
  );
}

const renderWho = (client: B2BClient, renders?: { count: number }) =>
  render(
    <OrgAuthProvider client={client}>
      <Who {...(renders ? { renders } : {})} />
    </OrgAuthProvider>,
  );

describe('hooks', () => {
  it('re-render through discovery to signed-in as the client answers', async () => {
    const { client, transport } = createTestClient({ state: { status: 'signed-out' } });
    transport.reply('POST /b2b/magic_links/discovery/authenticate', fixtureDiscoveryResponse());
    transport.reply('POST /b2b/discovery/intermediate_sessions/exchange', fixtureAuthenticateResponse());
    renderWho(client);
    expect(screen.getByTestId('who').textContent).toBe('signed-out|false|-|-|-');

    await act(() => client.magicLinks.discovery.authenticate({ discovery_magic_links_token: 'token-1' }));
    expect(screen.getByTestId('who').textContent).toBe('intermediate|false|-|-|-');

    await act(() =>
      client.discovery.intermediateSessions.exchange({ organization_id: fixtureOrganization().organization_id }),
    );
    expect(screen.getByTestId('who').textContent).toBe(
      `signed-in|true|ada@acme.test|acme-inc|${fixtureMemberSession().member_session_id}`,
    );
  });

  it('re-render to signed-out when the session is revoked', async () => {
    const { client, transport } = createTestClient({ state: signedIn() });
    transport.reply('POST /b2b/sessions/revoke', { request_id: 'request-id-test-revoke', status_code: 200 });
    renderWho(client);
    expect(screen.getByTestId('who').textContent).toMatch(/^signed-in\|true\|ada@acme\.test\|acme-inc\|/);

    await act(() => client.session.revoke());
    expect(screen.getByTestId('who').textContent).toBe('signed-out|false|-|-|-');
    expect(transport.requests.map((r) => `${r.method} ${r.path}`)).toContain('POST /b2b/sessions/revoke');
  });

  it('do not re-render when the store changes but no selected slice does', () => {
    const { client } = createTestClient({ state: signedIn() });
    const renders = { count: 0 };
    renderWho(client, renders);
    const before = renders.count;
    // Same member, organization and session objects: every selector returns what it returned before.
    act(() => client.store.setState({ ...client.store.getState() }, true));
    expect(renders.count).toBe(before);
  });

  it('useOrgAuth returns the provided client', () => {
    const { client } = createTestClient();
    let seen: B2BClient | undefined;
    // biome-ignore lint/correctness/noComponentHookFactories: a probe component that reports to this test's variable.
    function Probe() {
      seen = useOrgAuth();
      return null;
    }
    render(
      <OrgAuthProvider client={client}>
        <Probe />
      </OrgAuthProvider>,
    );
    expect(seen).toBe(client);
  });

  it('render initializing on the server, whatever state the server-side client holds', () => {
    const { client } = createTestClient({ state: signedIn() });
    const html = renderToString(
      <OrgAuthProvider client={client}>
        <Who />
      </OrgAuthProvider>,
    );
    // The hydration render uses the same snapshot, so server and client markup agree.
    expect(html.replace(/<!-- -->/g, '')).toContain('>initializing|false|-|-|-<');
  });
});
