import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OAuthProviderType } from '@orgauth/core/protocol';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import type { ProviderEndpoints } from '../endpoints.js';
import { endpointsAt, type FakePerson } from './fake-endpoints.js';

export type { FakePerson } from './fake-endpoints.js';

/** One local listener playing all five providers, each at `/<provider>/…`, with hooks to forge answers. */
export interface FakeProviders {
  origin: string;
  endpoints: Record<OAuthProviderType, ProviderEndpoints>;
  clientId: string;
  clientSecret: string;
  person: FakePerson;
  /** Rewrites Google/Microsoft ID token claims before signing (attack cases). */
  claims: ((claims: JWTPayload) => JWTPayload) | undefined;
  /** Replaces the `issuer` of the discovery documents. */
  discoveryIssuer: string | undefined;
  /** Token requests refused, with the reason. */
  refusals: string[];
  /** Paths of every request received, in order. */
  requests: string[];
  close(): Promise<void>;
}

interface Grant {
  provider: string;
  redirectUri: string;
  challenge: string;
  nonce: string;
  used: boolean;
  person: FakePerson;
}

const b64url = (buf: Buffer) => buf.toString('base64url');

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/**
 * Starts the fake providers. `now` dates the ID tokens (the test server's clock). The token endpoint
 * checks what a real one does: client credentials, one use per code, the redirect URI, PKCE S256.
 */
export async function startFakeProviders(now: () => number): Promise<FakeProviders> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid: 'fake-1', alg: 'RS256', use: 'sig' };
  const grants = new Map<string, Grant>();
  const tokens = new Map<string, Grant>();
  const server: Server = createServer((req, res) => {
    void handle(req).then(
      ({ status, body, headers }) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(body);
      },
      (error: Error) => {
        res.writeHead(500);
        res.end(error.message);
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const fake: FakeProviders = {
    origin,
    endpoints: endpointsAt(origin),
    clientId: 'fake-client',
    clientSecret: `fake-secret-${b64url(randomBytes(9))}`,
    person: { sub: 'person-1', email: 'ada@example.com', verified: true, xmsEdov: true, name: 'Ada Lovelace' },
    claims: undefined,
    discoveryIssuer: undefined,
    refusals: [],
    requests: [],
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) => ({
    status,
    body: JSON.stringify(body),
    headers,
  });
  const bearer = (req: IncomingMessage) => tokens.get((req.headers.authorization ?? '').replace(/^Bearer /, ''));

  async function idToken(grant: Grant): Promise<string> {
    const p = grant.person;
    const iat = Math.floor(now() / 1000);
    const microsoft = grant.provider === 'microsoft';
    let claims: JWTPayload = {
      iss: microsoft ? `${origin}/microsoft/${p.tid ?? 'tenant-1'}/v2.0` : `${origin}/google`,
      aud: fake.clientId,
      sub: p.sub,
      iat,
      exp: iat + 300,
      nonce: grant.nonce,
      email: p.email,
      name: p.name,
      ...(microsoft ? { tid: p.tid ?? 'tenant-1', xms_edov: p.xmsEdov } : { email_verified: p.verified, hd: p.hd }),
    };
    if (fake.claims) claims = fake.claims(claims);
    return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'fake-1', typ: 'JWT' }).sign(privateKey);
  }

  async function token(provider: string, req: IncomingMessage) {
    const form = await readForm(req);
    const grant = grants.get(form.get('code') ?? '');
    const refuse = (why: string) => {
      fake.refusals.push(why);
      return json(provider === 'github' || provider === 'slack' ? 200 : 400, {
        ok: false,
        error: 'invalid_grant',
        error_description: why,
      });
    };
    if (form.get('client_id') !== fake.clientId || form.get('client_secret') !== fake.clientSecret)
      return refuse('bad client');
    if (grant === undefined || grant.used || grant.provider !== provider) return refuse('unknown or used code');
    grant.used = true;
    if (grant.redirectUri !== form.get('redirect_uri')) return refuse('redirect_uri mismatch');
    const verifier = form.get('code_verifier') ?? '';
    if (b64url(createHash('sha256').update(verifier).digest()) !== grant.challenge) return refuse('PKCE mismatch');
    const access = `at-${b64url(randomBytes(16))}`;
    tokens.set(access, grant);
    const openId = provider === 'google' || provider === 'microsoft' || provider === 'slack';
    return json(200, {
      ok: true,
      access_token: access,
      token_type: 'Bearer',
      expires_in: 3600,
      refresh_token: `rt-${b64url(randomBytes(8))}`,
      scope: provider === 'github' ? 'read:user,user:email,read:org' : 'openid email profile',
      ...(openId ? { id_token: await idToken(grant) } : {}),
    });
  }

  async function handle(req: IncomingMessage) {
    const url = new URL(req.url ?? '/', origin);
    fake.requests.push(url.pathname);
    const [, provider = '', ...rest] = url.pathname.split('/');
    const path = `/${rest.join('/')}`;
    if (path === '/.well-known/openid-configuration') {
      const issuer = provider === 'microsoft' ? `${origin}/microsoft/{tenantid}/v2.0` : `${origin}/google`;
      return json(200, { issuer: fake.discoveryIssuer ?? issuer, jwks_uri: `${origin}/${provider}/jwks` });
    }
    if (path === '/jwks') return json(200, { keys: [jwk] });
    if (path === '/authorize') {
      const q = url.searchParams;
      const code = b64url(randomBytes(24));
      grants.set(code, {
        provider,
        redirectUri: q.get('redirect_uri') ?? '',
        challenge: q.get('code_challenge') ?? '',
        nonce: q.get('nonce') ?? '',
        used: false,
        person: { ...fake.person },
      });
      const back = new URL(q.get('redirect_uri') ?? '');
      back.searchParams.set('code', code);
      back.searchParams.set('state', q.get('state') ?? '');
      return { status: 302, body: '', headers: { location: back.href } };
    }
    if (path === '/token') return token(provider, req);
    if (provider === 'hubspot' && path.startsWith('/access-tokens/')) {
      const grant = tokens.get(decodeURIComponent(path.slice('/access-tokens/'.length)));
      if (grant === undefined) return json(404, { message: 'unknown token' });
      const p = grant.person;
      return json(200, {
        user: p.email,
        user_id: Number(p.sub.replace(/\D/g, '')) || 7,
        hub_id: p.hub ?? 42,
        scopes: ['oauth'],
      });
    }
    const grant = bearer(req);
    if (grant === undefined) return json(401, { message: 'Bad credentials' });
    const p = grant.person;
    switch (`${provider}${path}`) {
      case 'github/user':
        return json(200, { id: Number(p.sub.replace(/\D/g, '')) || 1, login: 'ada', name: p.name ?? null });
      case 'github/user/emails':
        return json(200, [
          { email: 'old@example.org', primary: false, verified: true },
          { email: p.email, primary: true, verified: p.verified },
        ]);
      case 'github/user/orgs':
        return json(
          200,
          (p.orgs ?? []).map((o) => ({ id: o.id, login: o.login })),
        );
      case 'slack/userinfo':
        return json(200, {
          ok: true,
          sub: p.sub,
          email: p.email,
          email_verified: p.verified,
          name: p.name,
          'https://slack.com/team_id': p.team ?? 'T001',
        });
      default:
        return json(404, { message: 'Not Found' });
    }
  }
  return fake;
}
