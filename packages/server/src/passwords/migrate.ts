import type { Member, Organization } from '@orgauth/core/protocol';
import type { AppDeps } from '../http/index.js';
import { optionalBoolean, requiredEmail, type Body } from '../lib/validate.js';
import { createMemberByApi, findMemberByEmail, readMemberFields, toMember } from '../members/index.js';
import { organizationOfBody, toOrganization } from '../organizations/index.js';
import type { Project } from '../projects/index.js';
import { importedHashOf } from './migrate-hash.js';
import { storePasswordHash } from './store.js';

/**
 * `passwords/migrate` (backend only): stores a hash from another system (passwords/migrate-hash.ts)
 * as the password of the email, for every member with it in the project, creating the member in the
 * organization when there is none (Stytch: `member_created`), and marks the email verified, as
 * Stytch does (the caller vouches for it). The hash is checked and replaced by this server's scrypt
 * at the member's first sign-in (passwords/store.ts). A later call replaces the stored hash, so an
 * import job can be re-run.
 * @throws ApiError 400 `bad_request` (hash or fields), 404 `organization_not_found`
 */
export async function migratePassword(
  deps: AppDeps,
  project: Project,
  body: Body,
): Promise<{ member_id: string; member_created: boolean; member: Member; organization: Organization }> {
  const email = requiredEmail(body);
  const stored = importedHashOf(body);
  const fields = readMemberFields(body, 'create');
  optionalBoolean(body, 'preserve_existing_sessions');
  optionalBoolean(body, 'set_phone_number_verified');
  const organization = await organizationOfBody(deps.db, project.id, body);
  const now = deps.now();
  const { member, created, passwordId } = await deps.db.transaction().execute(async (trx) => {
    const found = await findMemberByEmail(trx, organization.id, email);
    const live = found !== undefined && found.status !== 'deleted';
    let member = live ? found : await createMemberByApi(trx, organization, { email, pending: false, fields }, now);
    if (member.email_verified !== 1) {
      await trx
        .updateTable('members')
        .set({ email_verified: 1, updated_at: now })
        .where('id', '=', member.id)
        .execute();
      member = { ...member, email_verified: 1, updated_at: now };
    }
    const row = await storePasswordHash(trx, project.id, email, stored, now);
    return { member, created: !live, passwordId: row.id };
  });
  return {
    member_id: member.id,
    member_created: created,
    member: { ...toMember(member), member_password_id: passwordId },
    organization: toOrganization(organization),
  };
}
