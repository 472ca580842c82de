import type { OAuthProviderType } from '@orgauth/core/protocol';
import type { Db, MembersTable, OrganizationsTable } from '../db/schema.js';
import type { SecretBox } from '../lib/secret-box.js';
import { apiError } from '../lib/api-error.js';
import { envOf, newId } from '../lib/crypto.js';
import { activateMember, canJoinByEmailDomain, findMemberByEmail, insertMember } from '../members/index.js';
import type { OAuthIdentity } from './identity.js';
import { admittedOAuthTenant } from '../organizations/index.js';
import { jitRefused, unverifiedEmail } from './policy.js';

/** The member an identity signs in as, and its registration. */
export interface ResolvedMember {
  member: MembersTable;
  created: boolean;
  registrationId: string;
}

/**
 * Stores (or refreshes) the registration (organization, provider, subject) → member, with the
 * provider's tokens sealed (docs/security.md O21) for the backend to read.
 */
async function saveRegistration(
  db: Db,
  box: SecretBox,
  org: OrganizationsTable,
  provider: OAuthProviderType,
  member: MembersTable,
  identity: OAuthIdentity,
  existingId: string | undefined,
  now: number,
): Promise<string> {
  const seal = (v: string) => (v === '' ? null : box.seal(v));
  const t = identity.tokens;
  const fields = {
    // GitHub's organizations are a list: kept as a JSON array, as the token row keeps it (callback.ts).
    provider_tenant_id: identity.tenant ?? (identity.tenantIds.length > 0 ? JSON.stringify(identity.tenantIds) : null),
    profile_picture_url: identity.pictureUrl,
    locale: identity.locale,
    access_token: seal(t.accessToken),
    // A refresh without a new refresh token keeps the one held (Google sends one only on first consent).
    ...(t.refreshToken === '' ? {} : { refresh_token: seal(t.refreshToken) }),
    id_token: seal(t.idToken),
    scopes: JSON.stringify(t.scopes),
    access_token_expires_at: t.expiresAt,
    updated_at: now,
  };
  if (existingId !== undefined) {
    await db.updateTable('oauth_registrations').set(fields).where('id', '=', existingId).execute();
    return existingId;
  }
  const id = newId('oauth-registration', envOf(org.project_id));
  await db
    .insertInto('oauth_registrations')
    .values({
      id,
      project_id: org.project_id,
      organization_id: org.id,
      member_id: member.id,
      provider,
      provider_subject: identity.subject,
      refresh_token: null,
      created_at: now,
      ...fields,
    })
    .execute();
  return id;
}

/**
 * The organization policy for one verified identity (docs/security.md AUTH-02, TEN-02, O17): its
 * registration (organization, provider, subject) finds its member, whatever the email says now;
 * otherwise only a VERIFIED email links an existing member (invited members become active) or
 * joins a new one, by the identity's tenant (`allowed_oauth_tenants`) or the email's domain
 * (`email_jit_provisioning`). An unverified email is never looked up at all.
 * @throws ApiError 403 `oauth_email_unverified` / `oauth_jit_provisioning_not_allowed`, 404 `member_not_found`
 */
export async function resolveOAuthMember(
  db: Db,
  box: SecretBox,
  org: OrganizationsTable,
  provider: OAuthProviderType,
  identity: OAuthIdentity,
  now: number,
): Promise<ResolvedMember> {
  const link = await db
    .selectFrom('oauth_registrations')
    .select(['id', 'member_id'])
    .where('organization_id', '=', org.id)
    .where('provider', '=', provider)
    .where('provider_subject', '=', identity.subject)
    .executeTakeFirst();
  if (link !== undefined) {
    const linked = await db.selectFrom('members').selectAll().where('id', '=', link.member_id).executeTakeFirst();
    if (linked !== undefined && linked.status !== 'deleted') {
      const member = await activateMember(db, linked, now);
      return {
        member,
        created: false,
        registrationId: await saveRegistration(db, box, org, provider, member, identity, link.id, now),
      };
    }
    // The member is gone: the stale link goes, and the identity is treated as new.
    await db.deleteFrom('oauth_registrations').where('id', '=', link.id).execute();
  }
  const email = identity.email;
  if (email === undefined) throw unverifiedEmail(provider);
  let member = await findMemberByEmail(db, org.id, email);
  let created = false;
  if (member !== undefined) {
    if (member.status === 'deleted')
      throw apiError(
        'member_not_found',
        'Your account was removed from this organization. Ask an administrator to add you again.',
      );
    // One identity per provider and member: another subject asserting the same email does not take it over.
    const other = await db
      .selectFrom('oauth_registrations')
      .select('id')
      .where('member_id', '=', member.id)
      .where('provider', '=', provider)
      .executeTakeFirst();
    if (other !== undefined)
      throw apiError(
        'unauthorized_action',
        'This email address is already linked to another account at this provider.',
      );
    member = await activateMember(db, member, now);
  } else {
    const byTenant = admittedOAuthTenant(org, provider, identity.tenantIds) !== undefined;
    if (!byTenant && !canJoinByEmailDomain(org, email)) throw jitRefused(provider, identity.tenantIds.length > 0);
    member = await insertMember(
      db,
      org.project_id,
      org.id,
      { email, status: 'active', emailVerified: true, name: identity.name },
      now,
    );
    created = true;
  }
  return {
    member,
    created,
    registrationId: await saveRegistration(db, box, org, provider, member, identity, undefined, now),
  };
}
