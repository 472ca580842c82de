import { OAUTH_PROVIDERS, type OAuthProviderType } from '@orgauth/core/protocol';
import type { AppDeps } from '../http/index.js';
import { apiError } from '../lib/api-error.js';
import { type ProviderEndpoints, PROVIDER_ENDPOINTS, standInClient, standInEndpoints } from './endpoints.js';

/** How a provider's name reads in a sentence. */
export const PROVIDER_LABELS: Readonly<Record<OAuthProviderType, string>> = {
  google: 'Google',
  microsoft: 'Microsoft',
  github: 'GitHub',
  slack: 'Slack',
  hubspot: 'HubSpot',
};

/** What a provider's tenant is called in a sentence ("…from this Google Workspace domain"). */
export const TENANT_WORDS: Readonly<Record<OAuthProviderType, string>> = {
  google: 'Google Workspace domain',
  microsoft: 'Microsoft tenant',
  github: 'GitHub organization',
  slack: 'Slack workspace',
  hubspot: 'HubSpot portal',
};

/** A provider as one sign-in talks to it: our client there and where it lives. */
export interface ResolvedProvider {
  provider: OAuthProviderType;
  clientId: string;
  clientSecret: string;
  endpoints: ProviderEndpoints;
  /** True for the `--dev` stand-in (packages/server/src/dev/), never in production. */
  standIn: boolean;
}

/**
 * The provider named by a path segment.
 * @throws ApiError 404 `not_found` for anything else.
 */
export function parseProvider(value: string | undefined): OAuthProviderType {
  const found = OAUTH_PROVIDERS.find((p) => p === value);
  if (found === undefined)
    throw apiError('not_found', `Unknown OAuth provider. Use one of: ${OAUTH_PROVIDERS.join(', ')}.`);
  return found;
}

/**
 * The project's client at `provider`: its `oauth_credentials` row (secret sealed at rest), at the
 * provider's real endpoints (or `deps.oauthEndpoints`, which tests point at a local fake). Without
 * credentials a `--dev` server uses the built-in stand-in; a production server refuses, so it never
 * sends a browser to a stand-in.
 * @throws ApiError 404 `oauth_config_not_found`
 */
export async function resolveProvider(
  deps: AppDeps,
  projectId: string,
  provider: OAuthProviderType,
): Promise<ResolvedProvider> {
  const row = await deps.db
    .selectFrom('oauth_credentials')
    .select(['client_id', 'client_secret'])
    .where('project_id', '=', projectId)
    .where('provider', '=', provider)
    .executeTakeFirst();
  if (row !== undefined) {
    return {
      provider,
      clientId: row.client_id,
      clientSecret: deps.secretBox.open(row.client_secret),
      endpoints: deps.oauthEndpoints?.[provider] ?? PROVIDER_ENDPOINTS[provider],
      standIn: false,
    };
  }
  if (deps.dev) {
    const client = standInClient(provider);
    return { provider, ...client, endpoints: standInEndpoints(deps.publicUrl, provider), standIn: true };
  }
  throw apiError(
    'oauth_config_not_found',
    `${PROVIDER_LABELS[provider]} sign-in is not configured for this project. An operator can add its client with \`orgauth-server oauth set ${provider}\`.`,
  );
}

/** The redirect URI registered at every provider: one callback for all of them. */
export function oauthRedirectUri(publicUrl: string): string {
  return `${publicUrl}/v1/b2b/public/oauth/callback`;
}

/** Scopes every sign-in asks for, before the caller's `custom_scopes`. */
export const BASE_SCOPES: Readonly<Record<OAuthProviderType, readonly string[]>> = {
  google: ['openid', 'email', 'profile'],
  microsoft: ['openid', 'email', 'profile'],
  // `read:org` lists the organizations (tenants) the person belongs to, private memberships included.
  github: ['read:user', 'user:email', 'read:org'],
  slack: ['openid', 'email', 'profile'],
  // HubSpot's `oauth` scope is the minimum every app must request.
  hubspot: ['oauth'],
};

/** Providers whose ID token we verify (and so send a `nonce` to). */
export const OPENID_PROVIDERS: ReadonlySet<OAuthProviderType> = new Set(['google', 'microsoft']);
