import type { OAuthProviderType } from '@orgauth/core/protocol';
import type { Db } from '../db/schema.js';
import type { OAuthRegistrationsTable } from '../db/schema-oauth.js';
import { apiError } from '../lib/api-error.js';
import type { SecretBox } from '../lib/secret-box.js';

/** What the caller asked to see: refresh tokens only on request, as Stytch does. */
export interface ProviderTokenOptions {
  includeRefreshToken: boolean;
  now: number;
}

/**
 * The tenant ids of a registration as a list. GitHub keeps its organizations as a JSON array (a
 * person belongs to many); the other providers keep one id.
 */
function tenantIds(value: string | null): string[] {
  if (value === null || value === '') return [];
  if (value.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(value);
      if (Array.isArray(parsed)) return parsed.map(String);
    } catch {
      // Not a list after all: the single value below.
    }
  }
  return [value];
}

function scopesOf(value: string): string[] {
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.filter((s): s is string => typeof s === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * One registration's tokens opened from the secret box (docs/security.md O21: sealed at rest, opened
 * only for the project's backend). `access_token_expires_in` counts seconds from now, never below 0.
 */
function opened(box: SecretBox, row: OAuthRegistrationsTable, o: ProviderTokenOptions) {
  const open = (v: string | null) => (v === null || v === '' ? '' : box.open(v));
  const expiresIn =
    row.access_token_expires_at === null ? 0 : Math.max(0, Math.floor((row.access_token_expires_at - o.now) / 1000));
  return {
    provider_subject: row.provider_subject,
    access_token: open(row.access_token),
    access_token_expires_in: expiresIn,
    id_token: open(row.id_token),
    scopes: scopesOf(row.scopes),
    refresh: o.includeRefreshToken ? { refresh_token: open(row.refresh_token) } : {},
    tenant: row.provider_tenant_id,
  };
}

/**
 * Stytch's `GET /v1/b2b/organizations/{organization_id}/members/{member_id}/oauth_providers/{provider}`
 * body (without `request_id` / `status_code`), in the per-provider shape of Stytch's Node SDK: Google
 * and Microsoft answer the newest registration's tokens; GitHub, Slack and HubSpot answer every
 * registration under `registrations`.
 * @throws ApiError `not_found` (404) when the member has no registration at `provider`.
 */
export async function readProviderTokens(
  db: Db,
  box: SecretBox,
  where: { organizationId: string; memberId: string; provider: OAuthProviderType },
  o: ProviderTokenOptions,
): Promise<Record<string, unknown>> {
  const rows = await db
    .selectFrom('oauth_registrations')
    .selectAll()
    .where('organization_id', '=', where.organizationId)
    .where('member_id', '=', where.memberId)
    .where('provider', '=', where.provider)
    .orderBy('updated_at', 'desc')
    .orderBy('id')
    .execute();
  if (rows.length === 0) {
    throw apiError(
      'not_found',
      `This member has never signed in with ${where.provider}: no ${where.provider} tokens are stored.`,
    );
  }
  const all = rows.map((row) => opened(box, row, o));
  const provider_type = where.provider;
  switch (where.provider) {
    case 'google':
    case 'microsoft': {
      const [{ tenant: _tenant, refresh, ...newest }] = all as [ReturnType<typeof opened>];
      return { provider_type, ...newest, ...refresh };
    }
    case 'github':
      return {
        provider_type,
        registrations: all.map((r) => ({
          provider_subject: r.provider_subject,
          provider_tenant_ids: tenantIds(r.tenant),
          access_token: r.access_token,
          scopes: r.scopes,
          ...r.refresh,
        })),
      };
    case 'hubspot':
      return {
        provider_type,
        registrations: all.map((r) => ({
          provider_subject: r.provider_subject,
          provider_tenant_id: r.tenant ?? '',
          access_token: r.access_token,
          access_token_expires_in: r.access_token_expires_in,
          scopes: r.scopes,
          ...r.refresh,
        })),
      };
    case 'slack':
      // Slack user tokens do not expire and Stytch's Slack answer has no refresh token; no bot token is asked for.
      return {
        provider_type,
        registrations: all.map((r) => ({
          provider_subject: r.provider_subject,
          provider_tenant_id: r.tenant ?? '',
          access_token: r.access_token,
          scopes: r.scopes,
          bot_access_token: '',
          bot_scopes: [],
        })),
      };
  }
}
