import { createHash, timingSafeEqual } from 'node:crypto';
import type { OAuthProviderType } from '@orgauth/core/protocol';
import type { Context } from 'hono';
import type { AppEnv } from '../../http/index.js';
import { standInClient } from '../../oauth/index.js';
import { ACCESS_TOKEN_TTL_S, type StandInGrant, type StandInGrants } from './grants.js';

/** A refused token request, in RFC 6749 §5.2 terms (each stand-in words it as its provider does). */
export interface TokenRefusal {
  error: 'invalid_request' | 'invalid_client' | 'invalid_grant' | 'unsupported_grant_type';
  description: string;
}

/** A granted token request: the person's grant and fresh tokens. */
export interface TokenGrant {
  grant: StandInGrant & { person: NonNullable<StandInGrant['person']> };
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

/** The request's parameters: form-encoded (every provider) or JSON (GitHub accepts both). */
export async function readParams(c: Context<AppEnv>): Promise<Record<string, string>> {
  const type = c.req.header('content-type') ?? '';
  let raw: Record<string, unknown> = {};
  if (type.includes('application/json')) {
    raw = await c.req.json<Record<string, unknown>>().catch(() => ({}));
  } else if (type.includes('application/x-www-form-urlencoded') || type.includes('multipart/form-data')) {
    raw = await c.req.parseBody();
  }
  if (raw === null || typeof raw !== 'object') raw = {};
  return Object.fromEntries(Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

const same = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** The client's credentials: HTTP Basic (client_secret_basic, RFC 6749 §2.3.1 form-encoding) or body. */
function clientOf(c: Context<AppEnv>, params: Record<string, string>): { id: string; secret: string } {
  const header = c.req.header('authorization') ?? '';
  if (/^basic /i.test(header)) {
    const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const unform = (s: string) => {
      try {
        return decodeURIComponent(s.replaceAll('+', ' '));
      } catch {
        return s;
      }
    };
    return { id: unform(decoded.slice(0, colon)), secret: unform(decoded.slice(colon + 1)) };
  }
  return { id: params.client_id ?? '', secret: params.client_secret ?? '' };
}

/**
 * The token endpoint's checks, shared by every stand-in: client id and secret ({@link standInClient}),
 * then for `authorization_code` a code taken once, the same `redirect_uri` as at the authorization
 * endpoint and, when a challenge was sent there, the S256 PKCE verifier; for `refresh_token` a
 * refresh token issued by this stand-in. Tokens are fresh random values each time.
 */
export async function exchange(
  c: Context<AppEnv>,
  provider: OAuthProviderType,
  grants: StandInGrants,
  params: Record<string, string>,
): Promise<TokenGrant | TokenRefusal> {
  const client = clientOf(c, params);
  const expected = standInClient(provider);
  if (!same(client.id, expected.clientId) || !same(client.secret, expected.clientSecret)) {
    return { error: 'invalid_client', description: 'Unknown client or wrong client secret.' };
  }
  let grant: StandInGrant | undefined;
  if (params.grant_type === 'refresh_token') {
    grant = grants.peek('refresh', params.refresh_token ?? '');
    if (grant === undefined || grant.provider !== provider) {
      return { error: 'invalid_grant', description: 'Unknown or expired refresh token.' };
    }
  } else if (params.grant_type === 'authorization_code' || (provider === 'github' && params.grant_type === undefined)) {
    // GitHub's token endpoint takes a code without grant_type; the others require it (RFC 6749 §4.1.3).
    grant = grants.take('code', params.code ?? '');
    if (grant === undefined || grant.provider !== provider) {
      return { error: 'invalid_grant', description: 'The code is unknown, expired or already used.' };
    }
    if (params.redirect_uri !== undefined || provider !== 'github') {
      if (params.redirect_uri !== grant.redirectUri) {
        return { error: 'invalid_grant', description: 'redirect_uri differs from the authorization request.' };
      }
    }
    const verifier = params.code_verifier;
    if (grant.codeChallenge !== undefined || verifier !== undefined) {
      const hashed = verifier === undefined ? '' : createHash('sha256').update(verifier).digest('base64url');
      if (grant.codeChallenge === undefined || !same(hashed, grant.codeChallenge)) {
        return { error: 'invalid_grant', description: 'The PKCE code_verifier does not match the code_challenge.' };
      }
    }
  } else {
    return { error: 'unsupported_grant_type', description: 'grant_type must be authorization_code or refresh_token.' };
  }
  const person = grant.person;
  if (person === undefined) return { error: 'invalid_grant', description: 'No person was chosen.' };
  const full = { ...grant, person };
  return {
    grant: full,
    accessToken: grants.issue('access', full, ACCESS_TOKEN_TTL_S * 1000),
    refreshToken: params.grant_type === 'refresh_token' ? (params.refresh_token ?? '') : grants.issue('refresh', full),
    expiresIn: ACCESS_TOKEN_TTL_S,
  };
}

/** The grant behind `Authorization: Bearer <token>` (GitHub's `token <token>` too), or `undefined`. */
export function bearer(
  c: Context<AppEnv>,
  provider: OAuthProviderType,
  grants: StandInGrants,
): TokenGrant['grant'] | undefined {
  const match = /^(?:bearer|token) +(\S+)$/i.exec(c.req.header('authorization') ?? '');
  const grant = match?.[1] === undefined ? undefined : grants.peek('access', match[1]);
  return grant?.provider === provider && grant.person !== undefined ? { ...grant, person: grant.person } : undefined;
}
