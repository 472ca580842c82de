import { createB2BClient, type AuthStatus, type B2BClient } from '@orgauth/core';
import { createScriptedTransport, fixtureAuthenticateResponse, memoryPlatform } from '@orgauth/core/testing';
import { act } from 'react';
import { createRoot, hydrateRoot, type Root } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { useAuthStatus, useMember } from './hooks.js';
import { OrgAuthProvider } from './provider.js';

const PUBLIC_TOKEN = 'public-token-test-00000000-0000-4000-8000-000000000000';
const ada = fixtureAuthenticateResponse();

/** The page's client as a browser creates it, with or without a session cookie and cached state. */
function browserClient({ cookie, cache }: { cookie: boolean; cache: boolean }): B2BClient {
  const transport = createScriptedTransport({ 'POST /b2b/sessions/authenticate': ada });
  const platform = memoryPlatform({ href: 'https://app.test/', fetch: transport.fetch });
  const expires = new Date(ada.member_session.expires_at);
  if (cookie) {
    platform.cookies.set('stytch_session', ada.session_token, { expires });
    platform.cookies.set('stytch_session_jwt', ada.session_jwt, { expires });
  }
  if (cache) {
    const state = { member: ada.member, organization: ada.organization, session: ada.member_session };
    platform.storage.set(`stytch_sdk_state_${PUBLIC_TOKEN}`, JSON.stringify(state));
  }
  return createB2BClient({ publicToken: PUBLIC_TOKEN, baseUrl: 'https://auth.test', platform });
}

/** The server's client: the request's cookies do not reach a client created on the server. */
const serverClient = () =>
  createB2BClient({ publicToken: PUBLIC_TOKEN, baseUrl: 'https://auth.test', platform: memoryPlatform() });

/** The README's pattern: a placeholder while initializing, the login only once signed out. */
function App({ seen }: { seen: AuthStatus[] }) {
  const status = useAuthStatus();
  const member = useMember();
  seen.push(status);
  if (status === 'initializing') return <p className="loading">Loading…</p>;
  if (status !== 'signed-in') return <button type="button">Sign in</button>;
  return <p className="member">Hello {member?.email_address}</p>;
}

const tree = (client: B2BClient, seen: AuthStatus[]) => (
  <OrgAuthProvider client={client}>
    <App seen={seen} />
  </OrgAuthProvider>
);

let roots: Root[] = [];
beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});
afterEach(() => {
  for (const root of roots) act(() => root.unmount());
  roots = [];
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

/** Server-renders with a cookie-less server client, then hydrates with `client`, recording every problem React reports. */
async function serverRenderThenHydrate(client: B2BClient) {
  const html = renderToString(tree(serverClient(), []));
  const container = document.createElement('div');
  container.innerHTML = html;
  document.body.append(container);
  const recoverable: unknown[] = [];
  const consoleErrors = vi.spyOn(console, 'error').mockImplementation(() => {});
  const seen: AuthStatus[] = [];
  await act(async () => {
    roots.push(hydrateRoot(container, tree(client, seen), { onRecoverableError: (error) => recoverable.push(error) }));
  });
  // The revalidation of a cookie without cache answers asynchronously.
  await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
  return { html, container, recoverable, consoleErrors: consoleErrors.mock.calls, seen };
}

describe('server rendering and hydration', () => {
  it.each([
    [
      'a session cookie and a cached state (signed in from cache)',
      { cookie: true, cache: true },
      'Hello ada@acme.test',
    ],
    ['a session cookie without a cached state (revalidated)', { cookie: true, cache: false }, 'Hello ada@acme.test'],
    ['no session cookie', { cookie: false, cache: false }, 'Sign in'],
  ])('with %s: the markup hydrates without a mismatch, then shows the real state', async (_name, browser, shown) => {
    const { html, container, recoverable, consoleErrors, seen } = await serverRenderThenHydrate(browserClient(browser));
    expect(recoverable).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(html).toBe('<p class="loading">Loading…</p>');
    expect(seen[0]).toBe('initializing');
    expect(container.textContent).toBe(shown);
  });

  it('renders the same markup on the server whatever state the server-side client holds', () => {
    const signedInOnServer = browserClient({ cookie: true, cache: true });
    expect(signedInOnServer.store.getState().status).toBe('signed-in');
    expect(renderToString(tree(signedInOnServer, []))).toBe(renderToString(tree(serverClient(), [])));
  });

  it('a client-only render (no hydration) starts from the real state, without a loading flash', async () => {
    const container = document.createElement('div');
    document.body.append(container);
    const seen: AuthStatus[] = [];
    const root = createRoot(container);
    roots.push(root);
    await act(async () => root.render(tree(browserClient({ cookie: true, cache: true }), seen)));
    expect(seen[0]).toBe('signed-in');
    expect(container.textContent).toBe('Hello ada@acme.test');
  });
});
