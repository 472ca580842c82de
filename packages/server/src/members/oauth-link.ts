import type { Db, MembersTable } from '../db/schema.js';
import { envOf, newId } from '../lib/crypto.js';

/**
 * An OAuth identity proven before its member was known (discovery OAuth), as the `oauth_registrations`
 * columns hold it: the provider's tokens already sealed (docs/security.md O21).
 */
export interface OAuthRegistrationFields {
  provider: string;
  provider_subject: string;
  provider_tenant_id: string | null;
  access_token: string | null;
  refresh_token: string | null;
  id_token: string | null;
  /** JSON array of granted scopes. */
  scopes: string;
  access_token_expires_at: number | null;
}

/**
 * Links a proven OAuth identity to `member` once discovery has chosen it (IST exchange or organization
 * create), so the backend reads the provider's tokens as after an organization sign-in. Identity is
 * (organization, provider, subject), never email (docs/security.md AUTH-02): the member's own
 * registration of that subject is refreshed, a new one is added when the organization has none, and
 * a subject already linked to another member is left as it is.
 */
export async function linkOAuthRegistration(
  db: Db,
  member: MembersTable,
  fields: OAuthRegistrationFields,
  now: number,
): Promise<void> {
  const { provider, provider_subject, ...values } = fields;
  const existing = await db
    .selectFrom('oauth_registrations')
    .select(['id', 'member_id'])
    .where('organization_id', '=', member.organization_id)
    .where('provider', '=', provider)
    .where('provider_subject', '=', provider_subject)
    .executeTakeFirst();
  if (existing === undefined) {
    await db
      .insertInto('oauth_registrations')
      .values({
        id: newId('oauth-registration', envOf(member.project_id)),
        project_id: member.project_id,
        organization_id: member.organization_id,
        member_id: member.id,
        provider,
        provider_subject,
        profile_picture_url: null,
        locale: null,
        ...values,
        created_at: now,
        updated_at: now,
      })
      .execute();
    return;
  }
  if (existing.member_id !== member.id) return;
  // A sign-in without a new refresh token keeps the one held (Google sends one only on first consent).
  const { refresh_token, ...rest } = values;
  await db
    .updateTable('oauth_registrations')
    .set({ ...rest, ...(refresh_token === null ? {} : { refresh_token }), updated_at: now })
    .where('id', '=', existing.id)
    .execute();
}
