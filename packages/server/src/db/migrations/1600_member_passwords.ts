import type { Kysely, Migration } from 'kysely';

/**
 * `1600_member_passwords`: one password per (project, lowercased email), shared by every member with
 * that email in the project (Stytch's cross-organization passwords), so discovery can check an email
 * and password before any organization is chosen (passwords/store.ts). `hash` is a self-describing
 * PHC-style string (passwords/hash.ts): the algorithm and its parameters travel with it, so they can
 * be raised later and imported hashes upgraded on sign-in. Lockouts need no table: failed attempts
 * are counted by the shared rate limiter (http/rate-limit.ts).
 */
export const migration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('member_passwords')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addUniqueConstraint('member_passwords_project_email', ['project_id', 'email'])
      .execute();
  },
};
