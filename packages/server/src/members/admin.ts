import type { Db, MembersTable, OrganizationsTable } from '../db/schema.js';
import { apiError, isUniqueViolation } from '../lib/api-error.js';
import { envOf, newId } from '../lib/crypto.js';
import { findMemberByEmail, insertMember } from './store.js';
import { mergeMetadata } from '../organizations/index.js';

/** Validated member fields of a backend create or update; absent keys are left alone. */
export interface MemberFields {
  name?: string;
  trustedMetadata?: Record<string, unknown>;
  untrustedMetadata?: Record<string, unknown>;
  roles?: string[];
  isBreakglass?: boolean;
  mfaPhoneNumber?: string;
  mfaEnrolled?: boolean;
  defaultMfaMethod?: string;
  /** `null` clears it. */
  externalId?: string | null;
  /** Update only: the new email address (normalised). */
  email?: string;
  /** Update only: keep sessions alive across an email change. */
  preserveExistingSessions?: boolean;
}

const duplicateEmail = () =>
  apiError('duplicate_member_email', 'A member with this email address already exists in the organization.');
const duplicateExternalId = () =>
  apiError('duplicate_member_external_id', 'A member with this external_id already exists in the organization.');

async function checkExternalId(
  db: Db,
  organizationId: string,
  externalId: string | null | undefined,
  selfId: string | null,
): Promise<void> {
  if (externalId === null || externalId === undefined) return;
  const taken = await db
    .selectFrom('members')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('external_id', '=', externalId)
    .executeTakeFirst();
  if (taken !== undefined && taken.id !== selfId) throw duplicateExternalId();
}

/** Revokes every live session of `memberId` (effective at once for opaque tokens; JWTs within 5 min). */
export async function revokeMemberSessions(db: Db, memberId: string, now: number): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('member_id', '=', memberId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Drops the unused one-time tokens (invites, login links, reset links) and codes issued to `email` for `organizationId`. */
export async function dropPendingTokens(db: Db, organizationId: string, email: string): Promise<void> {
  await db
    .deleteFrom('one_time_tokens')
    .where('organization_id', '=', organizationId)
    .where('email', '=', email)
    .where('used_at', 'is', null)
    .execute();
  await db.deleteFrom('email_otps').where('organization_id', '=', organizationId).where('email', '=', email).execute();
  await db
    .deleteFrom('password_resets')
    .where('organization_id', '=', organizationId)
    .where('email', '=', email)
    .where('used_at', 'is', null)
    .execute();
}

function fieldColumns(fields: MemberFields, current: MembersTable | null): Partial<MembersTable> {
  const set: Partial<MembersTable> = {};
  if (fields.name !== undefined) set.name = fields.name;
  if (fields.roles !== undefined) set.roles = JSON.stringify(fields.roles);
  if (fields.isBreakglass !== undefined) set.is_breakglass = fields.isBreakglass ? 1 : 0;
  if (fields.mfaPhoneNumber !== undefined && fields.mfaPhoneNumber !== (current?.mfa_phone_number ?? '')) {
    // Another number is unproven until an SMS code to it passes (otps/sms-service.ts).
    set.mfa_phone_number = fields.mfaPhoneNumber;
    set.mfa_phone_number_verified = 0;
  }
  if (fields.mfaEnrolled !== undefined) set.mfa_enrolled = fields.mfaEnrolled ? 1 : 0;
  if (fields.defaultMfaMethod !== undefined) set.default_mfa_method = fields.defaultMfaMethod;
  if (fields.externalId !== undefined) set.external_id = fields.externalId;
  // A create sets metadata; an update merges it (Stytch: top-level keys replace, null deletes).
  if (fields.trustedMetadata !== undefined)
    set.trusted_metadata = mergeMetadata(current?.trusted_metadata ?? '{}', fields.trustedMetadata, 'trusted_metadata');
  if (fields.untrustedMetadata !== undefined)
    set.untrusted_metadata = mergeMetadata(
      current?.untrusted_metadata ?? '{}',
      fields.untrustedMetadata,
      'untrusted_metadata',
    );
  return set;
}

/**
 * Creates a member through the backend API (an admin action), inside the caller's transaction.
 * The email of a `deleted` member stays reserved against self-service (JIT, discovery) but an admin
 * may re-create it: the deleted row is reinstated with fresh fields and a new `email_id`, keeping its
 * `member_id` (its old sessions stay revoked).
 * @throws ApiError 400 `duplicate_member_email` / `duplicate_member_external_id`.
 */
export async function createMemberByApi(
  db: Db,
  org: OrganizationsTable,
  input: { email: string; pending: boolean; fields: MemberFields },
  now: number,
): Promise<MembersTable> {
  const status = input.pending ? 'pending' : 'active';
  const existing = await findMemberByEmail(db, org.id, input.email);
  if (existing !== undefined && existing.status !== 'deleted') throw duplicateEmail();
  await checkExternalId(db, org.id, input.fields.externalId, existing?.id ?? null);
  const fresh: Partial<MembersTable> = {
    status,
    email_verified: 0,
    email_id: newId('member-email', envOf(org.project_id)),
    name: '',
    roles: '[]',
    trusted_metadata: '{}',
    untrusted_metadata: '{}',
    is_breakglass: 0,
    mfa_phone_number: '',
    mfa_enrolled: 0,
    default_mfa_method: '',
    external_id: null,
    updated_at: now,
    ...fieldColumns(input.fields, null),
  };
  if (existing !== undefined) {
    await db.updateTable('members').set(fresh).where('id', '=', existing.id).execute();
    return { ...existing, ...fresh };
  }
  const { name, roles, trustedMetadata, untrustedMetadata, isBreakglass } = input.fields;
  const row = await insertMember(
    db,
    org.project_id,
    org.id,
    { email: input.email, status, emailVerified: false, name, roles, trustedMetadata, untrustedMetadata, isBreakglass },
    now,
  );
  // insertMember knows the skeleton's columns; the 0100 ones are written in the same transaction.
  const { mfaPhoneNumber, mfaEnrolled, defaultMfaMethod, externalId } = input.fields;
  const extra = fieldColumns(
    Object.fromEntries(
      Object.entries({ mfaPhoneNumber, mfaEnrolled, defaultMfaMethod, externalId }).filter(([, v]) => v !== undefined),
    ),
    row,
  );
  if (Object.keys(extra).length === 0) return row;
  await db.updateTable('members').set(extra).where('id', '=', row.id).execute();
  return { ...row, ...extra };
}

/**
 * Updates a live member inside the caller's transaction. An email change is unique per organization,
 * resets `email_address_verified`, drops tokens mailed to the old address, and revokes the member's
 * sessions unless `preserve_existing_sessions` (the proof of the old address no longer holds).
 * @throws ApiError 404 `member_not_found` for a deleted member; 400 duplicates.
 */
export async function updateMember(
  db: Db,
  member: MembersTable,
  fields: MemberFields,
  now: number,
): Promise<MembersTable> {
  if (member.status === 'deleted') throw apiError('member_not_found', 'That member has been deleted.');
  await checkExternalId(db, member.organization_id, fields.externalId, member.id);
  const set: Partial<MembersTable> = { ...fieldColumns(fields, member), updated_at: now };
  const emailChanged = fields.email !== undefined && fields.email !== member.email;
  if (emailChanged && fields.email !== undefined) {
    if ((await findMemberByEmail(db, member.organization_id, fields.email)) !== undefined) throw duplicateEmail();
    Object.assign(set, {
      email: fields.email,
      email_verified: 0,
      email_id: newId('member-email', envOf(member.project_id)),
    });
  }
  try {
    await db.updateTable('members').set(set).where('id', '=', member.id).execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw emailChanged ? duplicateEmail() : duplicateExternalId();
    throw error;
  }
  if (emailChanged) {
    await dropPendingTokens(db, member.organization_id, member.email);
    if (fields.preserveExistingSessions !== true) await revokeMemberSessions(db, member.id, now);
  }
  return { ...member, ...set };
}

/**
 * Marks a member `deleted` (the row stays: the seed's status enum has `deleted`, and the email stays
 * barred from JIT re-entry) and, in the same transaction, revokes all its sessions and drops the
 * unused tokens mailed to it for this organization.
 * @throws ApiError 404 `member_not_found` when it is already deleted.
 */
export async function deleteMember(db: Db, member: MembersTable, now: number): Promise<void> {
  if (member.status === 'deleted') throw apiError('member_not_found', 'That member has already been deleted.');
  await db.updateTable('members').set({ status: 'deleted', updated_at: now }).where('id', '=', member.id).execute();
  await revokeMemberSessions(db, member.id, now);
  await dropPendingTokens(db, member.organization_id, member.email);
  // The provider tokens kept for the backend go with the member (sealed or not, none may outlive it).
  await db.deleteFrom('oauth_registrations').where('member_id', '=', member.id).execute();
  // Its second factors and any sign-in waiting for one (mfa/) go too: a deleted member signs in no more.
  await db.deleteFrom('member_totps').where('member_id', '=', member.id).execute();
  await db.deleteFrom('member_recovery_codes').where('member_id', '=', member.id).execute();
  await db.deleteFrom('intermediate_sessions').where('member_id', '=', member.id).execute();
  await db.deleteFrom('sms_otps').where('member_id', '=', member.id).execute();
}
