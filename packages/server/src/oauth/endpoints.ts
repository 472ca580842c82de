import type { OAuthProviderType } from '@orgauth/core/protocol';

/**
 * Where each provider lives on the internet. Google and Microsoft are OpenID providers: their
 * endpoints and keys come from the discovery document, and the ID token is verified. GitHub, Slack
 * and HubSpot are read through their OAuth 2.0 token endpoint and user APIs.
 */
export interface ProviderEndpoints {
  /** OpenID discovery document (Google, Microsoft); absent for the OAuth 2.0 providers. */
  discoveryUrl?: string;
  /**
   * The issuer the ID token must carry. Microsoft's multi-tenant issuer holds `{tenantid}`, which
   * is matched against the token's own `tid` claim (docs/security.md O17).
   */
  issuer?: string;
  authorizationUrl: string;
  tokenUrl: string;
  /** User APIs read after the code exchange, by name (`user`, `emails`, `orgs`, `userinfo`, `tokenInfo`). */
  apis: Readonly<Record<string, string>>;
}

/** The real endpoints of every provider. */
export const PROVIDER_ENDPOINTS: Readonly<Record<OAuthProviderType, ProviderEndpoints>> = {
  google: {
    discoveryUrl: 'https://accounts.google.com/.well-known/openid-configuration',
    issuer: 'https://accounts.google.com',
    authorizationUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
    tokenUrl: 'https://oauth2.googleapis.com/token',
    apis: {},
  },
  microsoft: {
    discoveryUrl: 'https://login.microsoftonline.com/organizations/v2.0/.well-known/openid-configuration',
    issuer: 'https://login.microsoftonline.com/{tenantid}/v2.0',
    authorizationUrl: 'https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize',
    tokenUrl: 'https://login.microsoftonline.com/organizations/oauth2/v2.0/token',
    apis: {},
  },
  github: {
    authorizationUrl: 'https://github.com/login/oauth/authorize',
    tokenUrl: 'https://github.com/login/oauth/access_token',
    apis: {
      user: 'https://api.github.com/user',
      emails: 'https://api.github.com/user/emails',
      orgs: 'https://api.github.com/user/orgs',
    },
  },
  slack: {
    authorizationUrl: 'https://slack.com/openid/connect/authorize',
    tokenUrl: 'https://slack.com/api/openid.connect.token',
    apis: { userinfo: 'https://slack.com/api/openid.connect.userInfo' },
  },
  hubspot: {
    authorizationUrl: 'https://app.hubspot.com/oauth/authorize',
    tokenUrl: 'https://api.hubapi.com/oauth/v1/token',
    apis: { tokenInfo: 'https://api.hubapi.com/oauth/v1/access-tokens/{token}' },
  },
};

/**
 * The built-in stand-in's address for a real provider URL (`--dev` only, packages/server/src/dev/):
 * `<publicUrl>/dev/oauth/<provider>/<host><path>`, so the stand-in serves every path of the real
 * provider under one prefix and the sign-in code runs unchanged against it.
 */
export function standInUrl(publicUrl: string, provider: OAuthProviderType, realUrl: string): string {
  const url = new URL(realUrl.replaceAll('{tenantid}', '__tenantid__').replaceAll('{token}', '__token__'));
  // An origin-only URL (Google's issuer) keeps no trailing slash: issuers compare as exact strings.
  const pathname = url.pathname === '/' && !realUrl.endsWith('/') ? '' : url.pathname;
  const path = `${url.host}${pathname}`.replaceAll('__tenantid__', '{tenantid}').replaceAll('__token__', '{token}');
  return `${publicUrl}/dev/oauth/${provider}/${path}${url.search}`;
}

/** Every endpoint of `provider` moved onto its stand-in (see {@link standInUrl}). */
export function standInEndpoints(publicUrl: string, provider: OAuthProviderType): ProviderEndpoints {
  const real: ProviderEndpoints = PROVIDER_ENDPOINTS[provider];
  const move = (u: string) => standInUrl(publicUrl, provider, u);
  return {
    ...(real.discoveryUrl === undefined ? {} : { discoveryUrl: move(real.discoveryUrl) }),
    ...(real.issuer === undefined ? {} : { issuer: move(real.issuer) }),
    authorizationUrl: move(real.authorizationUrl),
    tokenUrl: move(real.tokenUrl),
    apis: Object.fromEntries(Object.entries(real.apis).map(([k, v]) => [k, move(v)])),
  };
}

/**
 * The OAuth client the server presents to a stand-in. Fixed values are enough: stand-ins exist only
 * under `--dev` (never in production), on the server's own origin.
 */
export function standInClient(provider: OAuthProviderType): { clientId: string; clientSecret: string } {
  return { clientId: `orgauth-stand-in-${provider}`, clientSecret: `orgauth-stand-in-secret-${provider}` };
}
