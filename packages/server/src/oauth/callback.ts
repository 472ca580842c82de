import type { OAuthProviderType } from '@orgauth/core/protocol';
import type { OAuthRequestsTable } from '../db/schema-oauth.js';
import type { AppDeps } from '../http/index.js';
import { ApiError, apiError } from '../lib/api-error.js';
import { iso } from '../lib/json.js';
import { findOrganization } from '../organizations/index.js';
import { assertBrowserBinding } from '../sso/index.js';
import { type OAuthIdentity, readIdentity } from './identity.js';
import { resolveOAuthMember } from './members.js';
import { assertOAuthAllowed, unverifiedEmail } from './policy.js';
import { PROVIDER_LABELS, parseProvider, resolveProvider } from './providers.js';
import { consumeOAuthRequest, oauthRequestNotFound } from './requests.js';
import { issueOAuthToken } from './tokens.js';

const clip = (s: string | null) => (s ?? '').replace(/[^\x20-\x7E]/g, '').slice(0, 200);

/** Stytch's `provider_values` plus the name, sealed into the token row until it is redeemed. */
function sealedValues(deps: AppDeps, identity: OAuthIdentity): string {
  const t = identity.tokens;
  return deps.secretBox.seal(
    JSON.stringify({
      access_token: t.accessToken,
      id_token: t.idToken,
      refresh_token: t.refreshToken,
      scopes: t.scopes,
      expires_at: t.expiresAt === null ? null : iso(t.expiresAt),
      full_name: identity.name,
    }),
  );
}

/** The provider's `error=` answer in words (a person who pressed "Cancel" is told so). */
function providerError(provider: OAuthProviderType, params: URLSearchParams): ApiError {
  const error = clip(params.get('error'));
  const label = PROVIDER_LABELS[provider];
  if (error === 'access_denied')
    return apiError('oauth_provider_error', `The sign-in was cancelled at ${label}, so you are not signed in.`);
  return apiError(
    'oauth_provider_error',
    `${label} did not sign you in: ${error} ${clip(params.get('error_description'))}`.trim(),
  );
}

/** Where the browser goes with the one-time token, and where an error is reported when known. */
function withToken(url: string, kind: 'oauth' | 'discovery_oauth', token: string): string {
  const out = new URL(url);
  out.searchParams.set('stytch_token_type', kind);
  out.searchParams.set('token', token);
  return out.href;
}

/**
 * Finishes a sign-in at the callback: spends the attempt `state` names (once, whatever follows),
 * requires this browser's binding cookie (docs/security.md O2), answers a provider `error=` in words,
 * redeems the code and reads the identity (oauth/identity.ts), applies the organization's policy
 * (oauth/members.ts) or, for discovery, requires a verified email, then issues the one-time `oauth`
 * / `discovery_oauth` token bound to the SDK's PKCE challenge.
 * @returns the redirect URL carrying `stytch_token_type` and `token`.
 * @throws ApiError (`oauth_request_not_found`, `oauth_provider_error`, `oauth_response_invalid`, policy refusals)
 */
export async function finishOAuth(
  deps: AppDeps,
  params: URLSearchParams,
  bindingSecret: string | undefined,
  pending: OAuthRequestsTable | undefined,
): Promise<string> {
  if (pending === undefined) throw oauthRequestNotFound();
  const now = deps.now();
  const request = await consumeOAuthRequest(deps.db, params.get('state') ?? '', now);
  try {
    assertBrowserBinding(request.browser_binding_hash, bindingSecret);
  } catch (error) {
    if (error instanceof ApiError)
      throw oauthRequestNotFound('was not started in this browser (or its cookie is missing)');
    throw error;
  }
  const provider = parseProvider(request.provider);
  if (params.get('error') !== null) throw providerError(provider, params);
  const code = params.get('code') ?? '';
  if (code === '' || code.length > 4096)
    throw apiError('oauth_response_invalid', 'The provider sent no authorization code.');
  const p = await resolveProvider(deps, request.project_id, provider);
  const identity = await readIdentity(deps, p, code, deps.secretBox.open(request.code_verifier), request.nonce);
  const common = {
    project_id: request.project_id,
    provider,
    email: identity.email ?? '',
    provider_subject: identity.subject,
    provider_tenant_id: identity.tenant ?? (identity.tenantIds.length > 0 ? JSON.stringify(identity.tenantIds) : null),
    provider_values: sealedValues(deps, identity),
    pkce_code_challenge: request.pkce_code_challenge,
  };
  if (request.organization_id === null) {
    // Discovery lists organizations by email: only an address the provider vouches for (TEN-02).
    if (identity.email === undefined) throw unverifiedEmail(provider);
    const token = await issueOAuthToken(
      deps.db,
      {
        ...common,
        kind: 'discovery_oauth',
        organization_id: null,
        member_id: null,
        registration_id: null,
        member_created: 0,
      },
      now,
    );
    return withToken(request.discovery_redirect_url, 'discovery_oauth', token);
  }
  const organizationId = request.organization_id;
  return deps.db.transaction().execute(async (trx) => {
    const org = await findOrganization(trx, request.project_id, organizationId);
    if (org === undefined || org.id !== organizationId)
      throw apiError('organization_not_found', 'The organization of this sign-in no longer exists.');
    assertOAuthAllowed(org, provider);
    const resolved = await resolveOAuthMember(trx, deps.secretBox, org, provider, identity, now);
    const token = await issueOAuthToken(
      trx,
      {
        ...common,
        kind: 'oauth',
        email: resolved.member.email,
        organization_id: org.id,
        member_id: resolved.member.id,
        registration_id: resolved.registrationId,
        member_created: resolved.created ? 1 : 0,
      },
      now,
    );
    return withToken(resolved.created ? request.signup_redirect_url : request.login_redirect_url, 'oauth', token);
  });
}
