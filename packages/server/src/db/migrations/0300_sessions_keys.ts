import { sql, type Kysely, type Migration } from 'kysely';

/**
 * `0300_sessions_keys`: rotatable session-JWT signing keys and per-session custom claims.
 *
 * `signing_keys` allowed one key per project (`project_id` UNIQUE, which SQLite cannot drop), so the
 * keys move to `session_signing_keys` with a `state`: `next` (published, not yet signing), `active`
 * (signing) or `retired` (still published for the rotation overlap). Partial unique indexes keep at
 * most one active and one next key per project. Existing keys are copied as active, so JWTs issued
 * before the upgrade keep verifying.
 */
export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('session_signing_keys')
      .addColumn('kid', 'text', (c) => c.primaryKey())
      .addColumn('project_id', 'text', (c) => c.notNull())
      .addColumn('alg', 'text', (c) => c.notNull())
      .addColumn('private_jwk', 'text', (c) => c.notNull())
      .addColumn('public_jwk', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('retired_at', 'bigint')
      .execute();
    for (const state of ['active', 'next']) {
      await db.schema
        .createIndex(`session_signing_keys_one_${state}`)
        .on('session_signing_keys')
        .column('project_id')
        .unique()
        .where(sql.ref('state'), '=', state)
        .execute();
    }
    await db.schema
      .createIndex('session_signing_keys_by_project')
      .on('session_signing_keys')
      .columns(['project_id', 'state'])
      .execute();
    await sql`INSERT INTO session_signing_keys (kid, project_id, alg, private_jwk, public_jwk, state, created_at, retired_at)
      SELECT kid, project_id, alg, private_jwk, public_jwk, 'active', created_at, NULL FROM signing_keys`.execute(db);
    await db.schema.dropTable('signing_keys').execute();

    await db.schema
      .alterTable('sessions')
      .addColumn('custom_claims', 'text', (c) => c.notNull().defaultTo('{}'))
      .execute();
    await db.schema
      .createIndex('sessions_by_organization')
      .on('sessions')
      .columns(['organization_id', 'member_id'])
      .execute();
  },
};
