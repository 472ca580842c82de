import type { Kysely, Migration } from 'kysely';

/**
 * `1400_rbac_policies`: the custom part of each project environment's RBAC policy (rbac/store.ts),
 * as the JSON document `orgauth-server rbac set-policy` accepted: `{roles, resources}`. Stytch's
 * default roles and resources are not stored; they are merged in when the policy is read, so a
 * project without a row has exactly Stytch's default policy.
 */
export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('rbac_policies')
      .addColumn('project_id', 'text', (c) => c.primaryKey().references('projects.id'))
      .addColumn('policy', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
  },
};
