import type { Db, OrganizationsTable } from '../db/schema.js';
import { apiError, badRequest, isUniqueViolation } from '../lib/api-error.js';
import { extraSettings, type OrganizationExtraSettings } from './settings.js';
import { parseJson } from '../lib/json.js';

/** Validated changes to an organization; absent keys are left as they are. */
export interface OrganizationPatch {
  name?: string;
  slug?: string;
  logoUrl?: string;
  trustedMetadata?: Record<string, unknown>;
  /** `null` clears it. */
  externalId?: string | null;
  /** `null` clears it. */
  ssoDefaultConnectionId?: string | null;
  ssoJitAllowedConnections?: string[];
  emailAllowedDomains?: string[];
  emailJitProvisioning?: string;
  emailInvites?: string;
  ssoJitProvisioning?: string;
  authMethods?: string;
  allowedAuthMethods?: string[];
  mfaPolicy?: string;
  extra?: Partial<OrganizationExtraSettings>;
}

/**
 * Stytch's metadata update: top-level keys of `patch` replace the stored ones and a `null` value
 * deletes its key. The merged object must still fit the 4 KB limit.
 * @throws ApiError 400 `bad_request` when the merge is too large.
 */
export function mergeMetadata(stored: string, patch: Record<string, unknown>, field: string): string {
  const merged: Record<string, unknown> = { ...parseJson<Record<string, unknown>>(stored, {}) };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  const text = JSON.stringify(merged);
  if (text.length > 4096) throw badRequest(`${field} would exceed 4096 bytes of JSON.`);
  return text;
}

const slugTaken = (slug: string) =>
  apiError('organization_slug_already_used', `The organization slug "${slug}" is already used.`);
const externalIdTaken = () =>
  apiError('organization_external_id_already_used', 'Another organization already uses that organization_external_id.');

async function checkConnections(db: Db, organizationId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const found = await db
    .selectFrom('sso_connections')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('id', 'in', ids)
    .execute();
  if (found.length !== new Set(ids).size)
    throw apiError('connection_not_found', 'No SSO connection of this organization matches that connection_id.');
}

/**
 * Applies `patch` to `org` inside the caller's transaction: uniqueness of slug and external id, SSO
 * connection references checked, domain index rewritten. Returns the updated row.
 * @throws ApiError 400 `organization_slug_already_used` / `organization_external_id_already_used`, 404 `connection_not_found`.
 */
export async function updateOrganization(
  db: Db,
  org: OrganizationsTable,
  patch: OrganizationPatch,
  now: number,
): Promise<OrganizationsTable> {
  const others = db
    .selectFrom('organizations')
    .select('id')
    .where('project_id', '=', org.project_id)
    .where('id', '!=', org.id);
  if (patch.slug !== undefined && (await others.where('slug', '=', patch.slug).executeTakeFirst()) !== undefined)
    throw slugTaken(patch.slug);
  if (patch.externalId && (await others.where('external_id', '=', patch.externalId).executeTakeFirst()) !== undefined)
    throw externalIdTaken();
  if (patch.ssoDefaultConnectionId) await checkConnections(db, org.id, [patch.ssoDefaultConnectionId]);
  await checkConnections(db, org.id, patch.ssoJitAllowedConnections ?? []);
  const set: Partial<OrganizationsTable> = { updated_at: now };
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.slug !== undefined) set.slug = patch.slug;
  if (patch.logoUrl !== undefined) set.logo_url = patch.logoUrl;
  if (patch.trustedMetadata !== undefined)
    set.trusted_metadata = mergeMetadata(org.trusted_metadata, patch.trustedMetadata, 'trusted_metadata');
  if (patch.externalId !== undefined) set.external_id = patch.externalId;
  if (patch.ssoDefaultConnectionId !== undefined) set.sso_default_connection_id = patch.ssoDefaultConnectionId;
  if (patch.ssoJitAllowedConnections !== undefined)
    set.sso_jit_provisioning_allowed_connections = JSON.stringify(patch.ssoJitAllowedConnections);
  if (patch.emailAllowedDomains !== undefined) set.email_allowed_domains = JSON.stringify(patch.emailAllowedDomains);
  if (patch.emailJitProvisioning !== undefined) set.email_jit_provisioning = patch.emailJitProvisioning;
  if (patch.emailInvites !== undefined) set.email_invites = patch.emailInvites;
  if (patch.ssoJitProvisioning !== undefined) set.sso_jit_provisioning = patch.ssoJitProvisioning;
  if (patch.authMethods !== undefined) set.auth_methods = patch.authMethods;
  if (patch.allowedAuthMethods !== undefined) set.allowed_auth_methods = JSON.stringify(patch.allowedAuthMethods);
  if (patch.mfaPolicy !== undefined) set.mfa_policy = patch.mfaPolicy;
  if (patch.extra !== undefined && Object.keys(patch.extra).length > 0)
    set.extra_settings = JSON.stringify({ ...extraSettings(org), ...patch.extra });
  try {
    await db.updateTable('organizations').set(set).where('id', '=', org.id).execute();
  } catch (error) {
    // A concurrent update won the race between our checks and our write.
    if (isUniqueViolation(error)) throw patch.slug !== undefined ? slugTaken(patch.slug) : externalIdTaken();
    throw error;
  }
  if (patch.emailAllowedDomains !== undefined) {
    await db.deleteFrom('organization_domains').where('organization_id', '=', org.id).execute();
    for (const domain of patch.emailAllowedDomains) {
      await db
        .insertInto('organization_domains')
        .values({ organization_id: org.id, project_id: org.project_id, domain })
        .execute();
    }
  }
  return { ...org, ...set };
}

/**
 * Tables holding rows of one organization, children first so foreign keys never block a delete.
 * Exported for the cascade test, which fails when a table with an `organization_id` column is
 * missing here.
 */
export const ORGANIZATION_CASCADE = [
  'oauth_tokens',
  'oauth_requests',
  'oauth_registrations',
  'sessions',
  'intermediate_sessions',
  'member_totps',
  'member_recovery_codes',
  'one_time_tokens',
  'password_resets',
  'email_otps',
  'sms_otps',
  'sso_identities',
  'sso_connections',
  'members',
  'organization_domains',
] as const;

/**
 * Deletes `org` and everything of it (sessions, member-bound ISTs, second factors, pending tokens, SSO
 * connections, OAuth registrations and pending OAuth sign-ins, members, domain index) in the caller's transaction: all of it or none.
 */
export async function deleteOrganization(db: Db, org: OrganizationsTable): Promise<void> {
  for (const table of ORGANIZATION_CASCADE) {
    await db.deleteFrom(table).where('organization_id', '=', org.id).execute();
  }
  await db.deleteFrom('organizations').where('id', '=', org.id).execute();
}
