import type { Kysely, Migration } from 'kysely';

/**
 * `1700_mfa`: multi-factor authentication (mfa/). Organizations keep `mfa_methods` and
 * `allowed_mfa_methods` in `extra_settings` (organizations/settings.ts), so they need no column.
 * - `members` gain `mfa_phone_number_verified` (0/1) and `totp_registration_id` (the verified TOTP
 *   registration, `''` when none).
 * - `intermediate_sessions` gain `organization_id` / `member_id`: set when a primary factor was proven
 *   for that member and a second factor is pending; null for a discovery IST (proof of an email).
 * - `member_totps`: one TOTP registration per row; the secret is sealed (lib/secret-box.ts) because
 *   verifying a code needs it; `last_used_step` makes every code single-use within its window.
 * - `member_recovery_codes`: ten per member; `code_mac` (keyed digest) for verification, `sealed` to
 *   serve `recovery_codes/get`, `used_at` once spent.
 */
export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('members')
      .addColumn('mfa_phone_number_verified', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .alterTable('members')
      .addColumn('totp_registration_id', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    await db.schema.alterTable('intermediate_sessions').addColumn('organization_id', 'text').execute();
    await db.schema.alterTable('intermediate_sessions').addColumn('member_id', 'text').execute();
    await db.schema
      .createTable('member_totps')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('project_id', 'text', (c) => c.notNull())
      .addColumn('organization_id', 'text', (c) => c.notNull())
      .addColumn('member_id', 'text', (c) => c.notNull())
      .addColumn('secret_sealed', 'text', (c) => c.notNull())
      .addColumn('verified', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('last_used_step', 'bigint')
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('member_totps_member').on('member_totps').column('member_id').execute();
    await db.schema
      .createTable('member_recovery_codes')
      .addColumn('project_id', 'text', (c) => c.notNull())
      .addColumn('organization_id', 'text', (c) => c.notNull())
      .addColumn('member_id', 'text', (c) => c.notNull())
      .addColumn('code_mac', 'text', (c) => c.notNull())
      .addColumn('sealed', 'text', (c) => c.notNull())
      .addColumn('used_at', 'bigint')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('member_recovery_codes_pk', ['member_id', 'code_mac'])
      .execute();
  },
};
