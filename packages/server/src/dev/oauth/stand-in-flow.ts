import { createHash, randomBytes } from 'node:crypto';
import type { OAuthProviderType } from '@orgauth/core/protocol';
import type { TestServer } from '../../testing/test-server.js';
import { standInClient, standInEndpoints } from '../../oauth/index.js';

/** The path of a stand-in URL on the test server's listener. */
export const pathOf = (url: string): string => {
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
};

/** A fresh PKCE pair (RFC 7636 S256). */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** What the relying party of a test sends to a stand-in's authorization endpoint. */
export interface AuthorizeRequest {
  /** The test server's public URL (`createTestServer({ publicUrl })`). */
  publicUrl: string;
  redirectUri: string;
  scope?: string;
  state?: string;
  nonce?: string;
  challenge?: string;
  clientId?: string;
}

/**
 * Test driver: opens the stand-in's authorization endpoint like a browser, submits the picker for
 * `subject` (or Cancel) and returns the redirect back to the relying party.
 */
export async function authorizeAs(
  t: TestServer,
  provider: OAuthProviderType,
  subject: string | 'cancel',
  r: AuthorizeRequest,
): Promise<URL> {
  const url = new URL(standInEndpoints(r.publicUrl, provider).authorizationUrl);
  const q = url.searchParams;
  q.set('client_id', r.clientId ?? standInClient(provider).clientId);
  q.set('response_type', 'code');
  q.set('redirect_uri', r.redirectUri);
  q.set('scope', r.scope ?? 'openid email profile');
  if (r.state !== undefined) q.set('state', r.state);
  if (r.nonce !== undefined) q.set('nonce', r.nonce);
  if (r.challenge !== undefined) {
    q.set('code_challenge', r.challenge);
    q.set('code_challenge_method', 'S256');
  }
  return pickPerson((path, init) => t.http(path, init), pathOf(url.href), subject);
}

/** Sends one request to the server under test by path, without following redirects. */
export type PathFetch = (path: string, init?: RequestInit) => Promise<Response>;

/**
 * Test driver: opens a stand-in's authorization page at `authorizePath` (path and query on the
 * server's listener) like a browser, submits its picker for `subject` (or Cancel) and returns where
 * the stand-in sends the browser back to.
 */
export async function pickPerson(http: PathFetch, authorizePath: string, subject: string | 'cancel'): Promise<URL> {
  const page = await http(authorizePath);
  const html = await page.text();
  if (page.status !== 200) throw new Error(`authorize answered ${page.status}: ${html}`);
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1] ?? '';
  const request = /name="request" value="([^"]+)"/.exec(html)?.[1] ?? '';
  const form = new URLSearchParams({ request, ...(subject === 'cancel' ? { cancel: '1' } : { person: subject }) });
  const answer = await http(action, { method: 'POST', body: form });
  if (answer.status !== 303) throw new Error(`picker answered ${answer.status}: ${await answer.text()}`);
  return new URL(answer.headers.get('location') ?? '');
}

/** A form POST to a stand-in endpoint (`auth: 'basic'` sends the client credentials in the header). */
export async function postForm(
  t: TestServer,
  url: string,
  params: Record<string, string>,
  auth: 'basic' | 'post' | { id: string; secret: string } = 'basic',
  headers: Record<string, string> = {},
): Promise<Response> {
  const provider = /\/dev\/oauth\/([a-z]+)\//.exec(url)?.[1] as OAuthProviderType;
  const creds =
    typeof auth === 'object'
      ? auth
      : { id: standInClient(provider).clientId, secret: standInClient(provider).clientSecret };
  const body = new URLSearchParams(params);
  const h = new Headers({ 'content-type': 'application/x-www-form-urlencoded', ...headers });
  if (auth === 'post') {
    body.set('client_id', creds.id);
    body.set('client_secret', creds.secret);
  } else {
    h.set(
      'authorization',
      `Basic ${Buffer.from(`${encodeURIComponent(creds.id)}:${encodeURIComponent(creds.secret)}`).toString('base64')}`,
    );
  }
  return t.http(pathOf(url), { method: 'POST', headers: h, body });
}
