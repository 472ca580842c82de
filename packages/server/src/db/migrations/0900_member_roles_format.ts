import type { Kysely, Migration } from 'kysely';

/**
 * `0900_member_roles_format`: how the backend API spells `Member.roles` for a project. `ids` (the
 * default) is the seed OpenAPI's `["stytch_admin"]`; `objects` is Stytch's MemberRole list
 * (`[{role_id, sources}]`), for backends written against Stytch's Node SDK types. See
 * members/roles.ts.
 */
export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('projects')
      .addColumn('member_roles_format', 'text', (c) => c.notNull().defaultTo('ids'))
      .execute();
  },
};
