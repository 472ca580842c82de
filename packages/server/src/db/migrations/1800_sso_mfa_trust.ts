import type { Kysely, Migration } from 'kysely';

/**
 * `1800_sso_mfa_trust` (docs/security.md AUTH-15): `sso_connections.mfa_trusted` is the operator's
 * mark (`orgauth-server sso trust`, packages/server/src/cli/sso-commands.ts) that a connection's
 * identity provider enforces MFA itself, so a sign-in through it satisfies the organization's MFA
 * (mfa/gate.ts `mfaSatisfied`). An integer flag defaulting to 0: every existing connection stays
 * untrusted. `one_time_tokens.connection_id` binds an `sso` / `discovery_sso` token to the
 * connection that signed the member in, so the redeem asks that connection, not the member's most
 * recent one (another sign-in of the same member may land in between); null for other kinds and
 * for tokens in flight during the upgrade, which are then treated as untrusted.
 */
export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('sso_connections')
      .addColumn('mfa_trusted', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.alterTable('one_time_tokens').addColumn('connection_id', 'text').execute();
  },
};
