import { createHash, KeyObject, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK, type JWTPayload } from 'jose';

/** The person the test OP signs in (no login page: every authorization is granted as this user). */
export interface TestOpUser {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
}

/** A hand-written OpenID provider on a loopback port, with hooks to forge what it answers. */
export interface TestOp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  user: TestOpUser;
  /** Rewrites the ID token claims before signing (attack cases). */
  claims: ((claims: JWTPayload) => JWTPayload) | undefined;
  /** Replaces the signed ID token entirely (alg none, HS256 forgeries). */
  idToken: ((claims: JWTPayload, signed: string) => string | Promise<string>) | undefined;
  /** Extra / replaced authorization-response parameters (e.g. a wrong `iss`). */
  authResponse: Record<string, string>;
  /** Overrides the discovery document's fields. */
  discovery: Record<string, unknown>;
  publicJwk: JWK;
  /** The PEM of the public key (for the HS256-with-public-key forgery). */
  publicPem: string;
  /** Token requests the OP refused, with the reason. */
  refusals: string[];
  /** Paths of every request the OP received, in order (egress tests: none may arrive). */
  requests: string[];
  close(): Promise<void>;
}

interface Grant {
  clientId: string;
  redirectUri: string;
  challenge: string;
  nonce: string | undefined;
  used: boolean;
}

const b64url = (buf: Buffer) => buf.toString('base64url');

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/**
 * Starts the OP. `now` is the clock its ID tokens are dated by (the test server's injected clock).
 * Checks what a real OP checks at the token endpoint: client authentication, one use per code, the
 * redirect URI, and PKCE S256 — so a verifier mismatch fails there, as it would in production.
 */
export async function startTestOp(now: () => number): Promise<TestOp> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const publicJwk = { ...(await exportJWK(publicKey)), kid: 'op-key-1', alg: 'RS256', use: 'sig' };
  const publicPem = KeyObject.from(publicKey).export({ type: 'spki', format: 'pem' }).toString();
  const grants = new Map<string, Grant>();
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
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/op`;
  const op: TestOp = {
    issuer,
    clientId: 'orgauth-test-client',
    clientSecret: `op-secret-${randomBytes(12).toString('hex')}`,
    user: { sub: 'op-user-1', email: 'ada@oidc.example', email_verified: true, name: 'Ada Lovelace' },
    claims: undefined,
    idToken: undefined,
    authResponse: {},
    discovery: {},
    publicJwk,
    publicPem,
    refusals: [],
    requests: [],
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) => ({
    status,
    body: JSON.stringify(body),
    headers,
  });

  async function handle(req: IncomingMessage) {
    const url = new URL(req.url ?? '/', issuer);
    op.requests.push(url.pathname);
    switch (url.pathname) {
      case '/op/.well-known/openid-configuration':
        return json(200, {
          issuer,
          authorization_endpoint: `${issuer}/authorize`,
          token_endpoint: `${issuer}/token`,
          userinfo_endpoint: `${issuer}/userinfo`,
          jwks_uri: `${issuer}/jwks`,
          id_token_signing_alg_values_supported: ['RS256'],
          ...op.discovery,
        });
      case '/op/jwks':
        return json(200, { keys: [publicJwk] });
      case '/op/authorize': {
        const q = url.searchParams;
        const code = b64url(randomBytes(24));
        grants.set(code, {
          clientId: q.get('client_id') ?? '',
          redirectUri: q.get('redirect_uri') ?? '',
          challenge: q.get('code_challenge') ?? '',
          nonce: q.get('nonce') ?? undefined,
          used: false,
        });
        const back = new URL(q.get('redirect_uri') ?? '');
        back.searchParams.set('code', code);
        back.searchParams.set('state', q.get('state') ?? '');
        back.searchParams.set('iss', issuer);
        for (const [k, v] of Object.entries(op.authResponse)) back.searchParams.set(k, v);
        return { status: 302, body: '', headers: { location: back.href } };
      }
      case '/op/token': {
        const form = await readForm(req);
        const [id, secret] = Buffer.from((req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64')
          .toString()
          .split(':')
          .map(decodeURIComponent);
        const grant = grants.get(form.get('code') ?? '');
        const refuse = (why: string) => {
          op.refusals.push(why);
          return json(400, { error: 'invalid_grant', error_description: why });
        };
        if (id !== op.clientId || secret !== op.clientSecret) return json(401, { error: 'invalid_client' });
        if (grant === undefined || grant.used) return refuse('unknown or used code');
        grant.used = true;
        if (grant.redirectUri !== form.get('redirect_uri')) return refuse('redirect_uri mismatch');
        const verifier = form.get('code_verifier') ?? '';
        if (b64url(createHash('sha256').update(verifier).digest()) !== grant.challenge)
          return refuse('PKCE verifier mismatch');
        const iat = Math.floor(now() / 1000);
        let claims: JWTPayload = { iss: issuer, aud: op.clientId, iat, exp: iat + 300, nonce: grant.nonce, ...op.user };
        if (op.claims) claims = op.claims(claims);
        const signed = await new SignJWT(claims)
          .setProtectedHeader({ alg: 'RS256', kid: 'op-key-1', typ: 'JWT' })
          .sign(privateKey);
        const idToken = op.idToken ? await op.idToken(claims, signed) : signed;
        return json(200, {
          access_token: `at-${b64url(randomBytes(16))}`,
          token_type: 'Bearer',
          expires_in: 300,
          id_token: idToken,
        });
      }
      case '/op/userinfo':
        return json(200, { ...op.user });
      default:
        return json(404, { error: 'not_found' });
    }
  }
  return op;
}
