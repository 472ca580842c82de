import type { OAuthProviderType } from '@orgauth/core/protocol';
import type { OrganizationsTable } from '../db/schema.js';
import { apiError } from '../lib/api-error.js';
import { primaryRequired } from '../members/index.js';
import { PROVIDER_LABELS, TENANT_WORDS } from './providers.js';

/**
 * Refuses sign-in with `provider` into an organization whose `allowed_auth_methods` leave out
 * `<provider>_oauth` (docs/security.md AUTH-02). MFA is the gate's (mfa/gate.ts), after sign-in.
 * @throws ApiError 403 `oauth_not_allowed` / `unauthorized_action`
 */
export function assertOAuthAllowed(org: OrganizationsTable, provider: OAuthProviderType): void {
  if (primaryRequired(org, [`${provider}_oauth`]) === null) return;
  throw apiError(
    'oauth_not_allowed',
    `This organization does not allow sign-in with ${PROVIDER_LABELS[provider]}. Use another way to sign in.`,
  );
}

/** The words of a refused join, naming the provider and, when there is one, the tenant kind. */
export function jitRefused(provider: OAuthProviderType, hasTenant: boolean) {
  const from = hasTenant ? ` from this ${TENANT_WORDS[provider]}` : '';
  return apiError(
    'oauth_jit_provisioning_not_allowed',
    `This organization does not let new members join with ${PROVIDER_LABELS[provider]}${from}. Ask an administrator to invite you.`,
  );
}

/** The refusal of an identity whose email the provider did not vouch for (docs/security.md TEN-02, O17). */
export function unverifiedEmail(provider: OAuthProviderType) {
  const why =
    provider === 'microsoft'
      ? 'Microsoft did not confirm that your organization verified your email address'
      : `${PROVIDER_LABELS[provider]} did not confirm your email address`;
  return apiError(
    'oauth_email_unverified',
    `${why}, so it cannot be used to sign in here. Verify it at ${PROVIDER_LABELS[provider]}, or use another way to sign in.`,
  );
}
