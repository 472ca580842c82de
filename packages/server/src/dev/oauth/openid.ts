import { randomBytes } from 'node:crypto';
import type { OAuthProviderType } from '@orgauth/core/protocol';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import { PROVIDER_ENDPOINTS, standInUrl } from '../../oauth/index.js';
import type { TokenGrant } from './token.js';

/** Real URLs of the OpenID parts not listed in oauth/endpoints.ts (keys, userinfo, Slack's issuer). */
export const OPENID_EXTRAS = {
  google: {
    jwks: 'https://www.googleapis.com/oauth2/v3/certs',
    userinfo: 'https://openidconnect.googleapis.com/v1/userinfo',
  },
  microsoft: {
    jwks: 'https://login.microsoftonline.com/organizations/discovery/v2.0/keys',
    userinfo: 'https://graph.microsoft.com/oidc/userinfo',
  },
  slack: {
    issuer: 'https://slack.com',
    discovery: 'https://slack.com/.well-known/openid-configuration',
    jwks: 'https://slack.com/openid/connect/keys',
  },
} as const;

/** The stand-ins' signing key: RS256, generated at start (a restart rotates it; verifiers refetch the JWKS). */
export interface StandInKeys {
  jwks(): Promise<{ keys: JWK[] }>;
  sign(claims: Record<string, unknown>): Promise<string>;
}

/** One key pair for every stand-in, created on first use. */
export function createStandInKeys(): StandInKeys {
  const kid = `stand-in-${randomBytes(6).toString('hex')}`;
  let pair: ReturnType<typeof generateKeyPair> | undefined;
  const keys = () => (pair ??= generateKeyPair('RS256', { extractable: true }));
  return {
    async jwks() {
      const jwk = await exportJWK((await keys()).publicKey);
      return { keys: [{ ...jwk, kid, alg: 'RS256', use: 'sig' }] };
    },
    async sign(claims) {
      return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' }).sign((await keys()).privateKey);
    },
  };
}

/** The discovery document of an OpenID stand-in, every URL moved onto the stand-in. */
export function discoveryDocument(
  publicUrl: string,
  provider: 'google' | 'microsoft' | 'slack',
): Record<string, unknown> {
  const move = (u: string) => standInUrl(publicUrl, provider, u);
  const real = PROVIDER_ENDPOINTS[provider];
  const extras = OPENID_EXTRAS[provider];
  const issuer = provider === 'slack' ? OPENID_EXTRAS.slack.issuer : (real.issuer ?? '');
  return {
    // Microsoft's multi-tenant document names the issuer with the literal `{tenantid}` placeholder.
    issuer: move(issuer),
    authorization_endpoint: move(real.authorizationUrl),
    token_endpoint: move(real.tokenUrl),
    ...('userinfo' in extras ? { userinfo_endpoint: move(extras.userinfo) } : {}),
    ...(provider === 'slack' ? { userinfo_endpoint: move(real.apis.userinfo ?? '') } : {}),
    jwks_uri: move(extras.jwks),
    response_types_supported: ['code'],
    subject_types_supported: provider === 'microsoft' ? ['pairwise'] : ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    scopes_supported: ['openid', 'email', 'profile'],
    token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
    grant_types_supported: ['authorization_code', 'refresh_token'],
    code_challenge_methods_supported: ['S256'],
    claims_supported: ['aud', 'email', 'email_verified', 'exp', 'iat', 'iss', 'name', 'sub', 'nonce'],
    ...(provider === 'microsoft' ? { tenant_region_scope: null, cloud_instance_name: 'microsoftonline.com' } : {}),
  };
}

/** The address of a person's avatar (served by the stand-in, so pages load no remote asset). */
export function avatarUrl(publicUrl: string, provider: OAuthProviderType, subject: string): string {
  return `${publicUrl}/dev/oauth/${provider}/avatars/${encodeURIComponent(subject)}`;
}

/** The ID token's claims, in each provider's shape. */
export function idTokenClaims(publicUrl: string, g: TokenGrant['grant'], nowSeconds: number): Record<string, unknown> {
  const p = g.person;
  const common = { aud: g.clientId, iat: nowSeconds, exp: nowSeconds + 3600, ...(g.nonce ? { nonce: g.nonce } : {}) };
  if (g.provider === 'microsoft') {
    const issuer = standInUrl(publicUrl, 'microsoft', PROVIDER_ENDPOINTS.microsoft.issuer ?? '');
    return {
      ...common,
      ver: '2.0',
      iss: issuer.replace('{tenantid}', p.tenantId ?? ''),
      nbf: nowSeconds,
      sub: p.subject,
      tid: p.tenantId,
      oid: `00000000-0000-4000-8000-${Buffer.from(p.subject).toString('hex').slice(-12).padStart(12, '0')}`,
      email: p.email,
      preferred_username: p.email,
      name: p.name,
      ...(p.edov ? { xms_edov: true } : {}),
    };
  }
  const profile = {
    sub: p.subject,
    email: p.email,
    email_verified: p.emailVerified,
    name: p.name,
    given_name: p.givenName,
    family_name: p.familyName,
    picture: avatarUrl(publicUrl, g.provider, p.subject),
  };
  if (g.provider === 'slack') {
    return {
      ...common,
      ...profile,
      iss: standInUrl(publicUrl, 'slack', OPENID_EXTRAS.slack.issuer),
      'https://slack.com/user_id': p.subject,
      'https://slack.com/team_id': p.team?.id,
      'https://slack.com/team_name': p.team?.name,
      'https://slack.com/team_domain': p.team?.domain,
    };
  }
  return {
    ...common,
    ...profile,
    iss: standInUrl(publicUrl, 'google', PROVIDER_ENDPOINTS.google.issuer ?? ''),
    azp: g.clientId,
    ...(p.hd === undefined ? {} : { hd: p.hd }),
  };
}
