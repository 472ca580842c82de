import type { JitPolicy } from '@orgauth/core/protocol';
import type { Db, OrganizationsTable } from '../db/schema.js';
import { type ApiError, apiError, isUniqueViolation } from '../lib/api-error.js';
import { envOf, newId } from '../lib/crypto.js';
import { type Body, requiredString } from '../lib/validate.js';

/** Fields of a new organization (already validated). */
export interface NewOrganization {
  name: string;
  slug: string;
  logoUrl?: string | undefined;
  trustedMetadata?: Record<string, unknown> | undefined;
  emailAllowedDomains?: string[] | undefined;
  emailJitProvisioning?: JitPolicy | undefined;
  emailInvites?: JitPolicy | undefined;
  ssoJitProvisioning?: JitPolicy | undefined;
  authMethods?: 'ALL_ALLOWED' | 'RESTRICTED' | undefined;
  allowedAuthMethods?: string[] | undefined;
  mfaPolicy?: 'OPTIONAL' | 'REQUIRED_FOR_ALL' | undefined;
}

/**
 * Inserts an organization and its domain index rows. Run it inside the caller's transaction so an
 * organization never exists without its first member.
 * @throws ApiError 400 `organization_slug_already_used`
 */
export async function insertOrganization(
  db: Db,
  projectId: string,
  input: NewOrganization,
  now: number,
): Promise<OrganizationsTable> {
  const taken = await db
    .selectFrom('organizations')
    .select('id')
    .where('project_id', '=', projectId)
    .where('slug', '=', input.slug)
    .executeTakeFirst();
  if (taken !== undefined) throw slugTaken(input.slug);
  const domains = input.emailAllowedDomains ?? [];
  const row: OrganizationsTable = {
    id: newId('organization', envOf(projectId)),
    project_id: projectId,
    name: input.name,
    slug: input.slug,
    logo_url: input.logoUrl ?? '',
    trusted_metadata: JSON.stringify(input.trustedMetadata ?? {}),
    email_allowed_domains: JSON.stringify(domains),
    // Stytch's defaults: JIT by domain only when domains are configured; invites open.
    email_jit_provisioning: input.emailJitProvisioning ?? (domains.length > 0 ? 'RESTRICTED' : 'NOT_ALLOWED'),
    email_invites: input.emailInvites ?? 'ALL_ALLOWED',
    sso_jit_provisioning: input.ssoJitProvisioning ?? 'ALL_ALLOWED',
    auth_methods: input.authMethods ?? 'ALL_ALLOWED',
    allowed_auth_methods: JSON.stringify(input.allowedAuthMethods ?? []),
    mfa_policy: input.mfaPolicy ?? 'OPTIONAL',
    created_at: now,
    updated_at: now,
  };
  try {
    await db.insertInto('organizations').values(row).execute();
  } catch (error) {
    // A concurrent create won the race between our check and our insert.
    if (isUniqueViolation(error)) throw slugTaken(input.slug);
    throw error;
  }
  for (const domain of domains) {
    await db
      .insertInto('organization_domains')
      .values({ organization_id: row.id, project_id: projectId, domain })
      .execute();
  }
  return row;
}

function slugTaken(slug: string): ApiError {
  return apiError('organization_slug_already_used', `The organization slug "${slug}" is already used.`);
}

/**
 * Finds an organization of `projectId` by id, slug or `organization_external_id` (Stytch accepts all
 * three wherever an organization_id is expected). When one string names different organizations
 * (a slug equal to another's external id), the id wins, then the slug.
 */
export async function findOrganization(
  db: Db,
  projectId: string,
  idOrSlug: string,
): Promise<OrganizationsTable | undefined> {
  const rows = await db
    .selectFrom('organizations')
    .selectAll()
    .where('project_id', '=', projectId)
    .where((eb) => eb.or([eb('id', '=', idOrSlug), eb('slug', '=', idOrSlug), eb('external_id', '=', idOrSlug)]))
    .limit(3)
    .execute();
  return rows.find((r) => r.id === idOrSlug) ?? rows.find((r) => r.slug === idOrSlug) ?? rows[0];
}

/**
 * Like {@link findOrganization}.
 * @throws ApiError 404 `organization_not_found`
 */
export async function getOrganization(db: Db, projectId: string, idOrSlug: string): Promise<OrganizationsTable> {
  const row = await findOrganization(db, projectId, idOrSlug);
  if (row === undefined) throw apiError('organization_not_found', 'No organization matches that organization_id.');
  return row;
}

/**
 * The organization a request body names in `organization_id` (an id or a slug), as every
 * organization-scoped email route reads it.
 * @throws ApiError 400 when the field is missing or too long; 404 `organization_not_found`.
 */
export function organizationOfBody(db: Db, projectId: string, body: Body): Promise<OrganizationsTable> {
  return getOrganization(db, projectId, requiredString(body, 'organization_id', { max: 256 }));
}
