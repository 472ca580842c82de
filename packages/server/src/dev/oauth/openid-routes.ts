import type { Context, Hono } from 'hono';
import type { AppEnv } from '../../http/index.js';
import { PROVIDER_ENDPOINTS } from '../../oauth/index.js';
import { answerAuthorize, type AuthorizeContext, showAuthorize } from './authorize.js';
import { discoveryDocument, idTokenClaims, OPENID_EXTRAS, avatarUrl, type StandInKeys } from './openid.js';
import { bearer, exchange, readParams } from './token.js';

/** Where a real URL of `provider` is routed on the `/dev` sub-app (`/oauth/<provider>/<host><path>`). */
export function standInRoute(provider: string, realUrl: string): string {
  const url = new URL(realUrl.replace('{token}', '__token__'));
  return `/oauth/${provider}/${url.host}${url.pathname}`.replace('__token__', ':token');
}

/** Answers with JSON that no cache keeps (tokens and personal data). */
export function noStore(c: Context<AppEnv>, body: unknown, status: 200 | 400 | 401 | 404 = 200): Response {
  c.header('Cache-Control', 'no-store');
  return c.json(body as object, status);
}

/**
 * The Google and Microsoft stand-ins (OpenID providers: discovery, authorization, token endpoint
 * with an RS256 ID token, JWKS, userinfo). Errors at the token endpoint are RFC 6749 §5.2 JSON, as
 * both providers answer.
 */
export function registerOpenIdStandIn(
  dev: Hono<AppEnv>,
  a: AuthorizeContext & { provider: 'google' | 'microsoft'; keys: StandInKeys; now: () => number },
): void {
  const real = PROVIDER_ENDPOINTS[a.provider];
  const extras = OPENID_EXTRAS[a.provider];
  dev.get(standInRoute(a.provider, real.discoveryUrl ?? ''), (c) => c.json(discoveryDocument(a.publicUrl, a.provider)));
  dev.get(standInRoute(a.provider, extras.jwks), async (c) => c.json(await a.keys.jwks()));
  dev.get(standInRoute(a.provider, real.authorizationUrl), (c) => showAuthorize(c, a));
  dev.post(standInRoute(a.provider, real.authorizationUrl), (c) => answerAuthorize(c, a));
  dev.post(standInRoute(a.provider, real.tokenUrl), async (c) => {
    const result = await exchange(c, a.provider, a.grants, await readParams(c));
    if ('error' in result) {
      return noStore(
        c,
        { error: result.error, error_description: result.description },
        result.error === 'invalid_client' ? 401 : 400,
      );
    }
    const idToken = await a.keys.sign(idTokenClaims(a.publicUrl, result.grant, Math.floor(a.now() / 1000)));
    return noStore(c, {
      access_token: result.accessToken,
      expires_in: result.expiresIn,
      ...(a.provider === 'microsoft' ? { ext_expires_in: result.expiresIn } : {}),
      token_type: 'Bearer',
      scope: result.grant.scope,
      id_token: idToken,
      refresh_token: result.refreshToken,
    });
  });
  dev.get(standInRoute(a.provider, extras.userinfo), (c) => {
    const grant = bearer(c, a.provider, a.grants);
    if (grant === undefined) {
      c.header('WWW-Authenticate', 'Bearer error="invalid_token"');
      return noStore(c, { error: 'invalid_token', error_description: 'Unknown or expired access token.' }, 401);
    }
    const p = grant.person;
    return noStore(c, {
      sub: p.subject,
      name: p.name,
      given_name: p.givenName,
      family_name: p.familyName,
      picture: avatarUrl(a.publicUrl, a.provider, p.subject),
      email: p.email,
      ...(a.provider === 'google' ? { email_verified: p.emailVerified, ...(p.hd ? { hd: p.hd } : {}) } : {}),
    });
  });
}
