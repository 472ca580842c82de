import type { Context, Hono } from 'hono';
import type { AppEnv } from '../../http/index.js';
import { PROVIDER_ENDPOINTS } from '../../oauth/index.js';
import { answerAuthorize, type AuthorizeContext, showAuthorize } from './authorize.js';
import { avatarUrl, discoveryDocument, idTokenClaims, OPENID_EXTRAS, type StandInKeys } from './openid.js';
import { noStore, standInRoute } from './openid-routes.js';
import { bearer, exchange, readParams, type TokenRefusal } from './token.js';

type Deps = AuthorizeContext & { keys: StandInKeys; now: () => number };

const authorize = (dev: Hono<AppEnv>, a: Deps) => {
  const url = standInRoute(a.provider, PROVIDER_ENDPOINTS[a.provider].authorizationUrl);
  dev.get(url, (c) => showAuthorize(c, a));
  dev.post(url, (c) => answerAuthorize(c, a));
};

/** GitHub words token errors itself, with status 200 (as github.com does). */
const GITHUB_ERRORS: Record<TokenRefusal['error'], string> = {
  invalid_client: 'incorrect_client_credentials',
  invalid_grant: 'bad_verification_code',
  invalid_request: 'bad_verification_code',
  unsupported_grant_type: 'unsupported_grant_type',
};

/**
 * The GitHub stand-in: `/login/oauth/authorize`, `/login/oauth/access_token` (form-encoded answer
 * unless `Accept: application/json`, errors with status 200 as GitHub sends them) and the REST API's
 * `/user`, `/user/emails`, `/user/orgs` with Bearer (or `token`) authorization.
 */
export function registerGitHubStandIn(dev: Hono<AppEnv>, a: Deps & { provider: 'github' }): void {
  const real = PROVIDER_ENDPOINTS.github;
  authorize(dev, a);
  dev.post(standInRoute('github', real.tokenUrl), async (c) => {
    const result = await exchange(c, 'github', a.grants, await readParams(c));
    const body: Record<string, string | number> =
      'error' in result
        ? {
            error: GITHUB_ERRORS[result.error],
            error_description: result.description,
            error_uri: 'https://docs.github.com/apps/oauth',
          }
        : {
            access_token: result.accessToken,
            token_type: 'bearer',
            scope: result.grant.scope.split(/[ ,]+/).filter(Boolean).join(','),
            expires_in: result.expiresIn,
            refresh_token: result.refreshToken,
            refresh_token_expires_in: 15_811_200,
          };
    c.header('Cache-Control', 'no-store');
    if ((c.req.header('accept') ?? '').includes('application/json')) return c.json(body);
    const form = new URLSearchParams(Object.entries(body).map(([k, v]) => [k, String(v)]));
    return c.body(form.toString(), 200, { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8' });
  });
  const api = (path: string, answer: (p: NonNullable<ReturnType<typeof bearer>>['person']) => unknown) =>
    dev.get(standInRoute('github', path), (c) => {
      const grant = bearer(c, 'github', a.grants);
      if (grant === undefined) {
        return noStore(
          c,
          { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' },
          401,
        );
      }
      return noStore(c, answer(grant.person));
    });
  api(real.apis.user ?? '', (p) => ({
    login: p.login,
    id: Number(p.subject),
    node_id: `U_stand_in_${p.subject}`,
    avatar_url: avatarUrl(a.publicUrl, 'github', p.subject),
    type: 'User',
    name: p.name,
    // The public profile email; GitHub shows none for an unverified address.
    email: p.emailVerified ? p.email : null,
  }));
  api(real.apis.emails ?? '', (p) => [
    { email: p.email, primary: true, verified: p.emailVerified, visibility: 'private' },
    { email: `${p.subject}+${p.login}@users.noreply.github.test`, primary: false, verified: true, visibility: null },
  ]);
  api(real.apis.orgs ?? '', (p) =>
    (p.orgs ?? []).map((o) => ({ login: o.login, id: o.id, node_id: `O_stand_in_${o.id}` })),
  );
}

/**
 * The Slack stand-in ("Sign in with Slack", OpenID Connect flavoured): authorize, the token method
 * (`ok: false` with status 200 on errors, as Slack's Web API answers) returning an ID token too, and
 * `openid.connect.userInfo`. Discovery and keys are served at Slack's own paths as well.
 */
export function registerSlackStandIn(dev: Hono<AppEnv>, a: Deps & { provider: 'slack' }): void {
  const real = PROVIDER_ENDPOINTS.slack;
  authorize(dev, a);
  dev.get(standInRoute('slack', OPENID_EXTRAS.slack.discovery), (c) => c.json(discoveryDocument(a.publicUrl, 'slack')));
  dev.get(standInRoute('slack', OPENID_EXTRAS.slack.jwks), async (c) => c.json(await a.keys.jwks()));
  dev.post(standInRoute('slack', real.tokenUrl), async (c) => {
    const result = await exchange(c, 'slack', a.grants, await readParams(c));
    if ('error' in result) {
      return noStore(c, { ok: false, error: result.error === 'invalid_client' ? 'invalid_client' : 'invalid_code' });
    }
    const idToken = await a.keys.sign(idTokenClaims(a.publicUrl, result.grant, Math.floor(a.now() / 1000)));
    return noStore(c, {
      ok: true,
      access_token: result.accessToken,
      token_type: 'Bearer',
      id_token: idToken,
      refresh_token: result.refreshToken,
      expires_in: result.expiresIn,
    });
  });
  const userInfo = (c: Context<AppEnv>) => {
    const grant = bearer(c, 'slack', a.grants);
    if (grant === undefined) return noStore(c, { ok: false, error: 'invalid_auth' });
    const p = grant.person;
    return noStore(c, {
      ok: true,
      sub: p.subject,
      'https://slack.com/user_id': p.subject,
      'https://slack.com/team_id': p.team?.id,
      email: p.email,
      email_verified: p.emailVerified,
      name: p.name,
      picture: avatarUrl(a.publicUrl, 'slack', p.subject),
      given_name: p.givenName,
      family_name: p.familyName,
      locale: 'en-US',
      'https://slack.com/team_name': p.team?.name,
      'https://slack.com/team_domain': p.team?.domain,
    });
  };
  dev.get(standInRoute('slack', real.apis.userinfo ?? ''), userInfo);
  dev.post(standInRoute('slack', real.apis.userinfo ?? ''), userInfo);
}

/** HubSpot's token errors (status 400, its own `status` words). */
const HUBSPOT_ERRORS: Record<TokenRefusal['error'], string> = {
  invalid_client: 'BAD_CLIENT_ID',
  invalid_grant: 'BAD_AUTH_CODE',
  invalid_request: 'BAD_REQUEST',
  unsupported_grant_type: 'BAD_GRANT_TYPE',
};

/** The HubSpot stand-in: authorize, `/oauth/v1/token` and `/oauth/v1/access-tokens/{token}`. */
export function registerHubSpotStandIn(dev: Hono<AppEnv>, a: Deps & { provider: 'hubspot' }): void {
  const real = PROVIDER_ENDPOINTS.hubspot;
  authorize(dev, a);
  dev.post(standInRoute('hubspot', real.tokenUrl), async (c) => {
    const result = await exchange(c, 'hubspot', a.grants, await readParams(c));
    if ('error' in result) {
      return noStore(
        c,
        { status: HUBSPOT_ERRORS[result.error], message: result.description, correlationId: c.get('requestId') },
        400,
      );
    }
    return noStore(c, {
      token_type: 'bearer',
      refresh_token: result.refreshToken,
      access_token: result.accessToken,
      expires_in: result.expiresIn,
    });
  });
  dev.get(standInRoute('hubspot', real.apis.tokenInfo ?? ''), (c) => {
    const grant = a.grants.peek('access', c.req.param('token') ?? '');
    if (grant?.provider !== 'hubspot' || grant.person?.hub === undefined) {
      return noStore(
        c,
        { status: 'error', message: 'The access token is invalid or expired.', correlationId: c.get('requestId') },
        404,
      );
    }
    const p = grant.person;
    return noStore(c, {
      token: c.req.param('token'),
      user: p.email,
      user_id: Number(p.subject),
      hub_id: p.hub?.id,
      hub_domain: p.hub?.domain,
      app_id: 424242,
      scopes: ['oauth', ...grant.scope.split(/[ ,]+/).filter((s) => s !== '' && s !== 'oauth')],
      token_type: 'access',
      expires_in: 3600,
    });
  });
}
