import type { Member } from '@orgauth/core/protocol';
import type { Db } from '../db/schema.js';

type Registration = NonNullable<Member['oauth_registrations']>[number];

/** Member ids per query: well below SQLite's and PostgreSQL's bound-parameter limits. */
const CHUNK = 500;

/**
 * The OAuth identities linked to each of `memberIds` (Stytch's `Member.oauth_registrations`), read
 * with one query per 500 members, never one per member: a search page of 1000 members costs two
 * queries. Oldest first, as they were linked.
 */
export async function loadOAuthRegistrations(
  db: Db,
  memberIds: readonly string[],
): Promise<Map<string, Registration[]>> {
  const byMember = new Map<string, Registration[]>();
  const ids = [...new Set(memberIds)];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db
      .selectFrom('oauth_registrations')
      .select(['id', 'member_id', 'provider', 'provider_subject', 'profile_picture_url', 'locale'])
      .where('member_id', 'in', ids.slice(i, i + CHUNK))
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    for (const row of rows) {
      const list = byMember.get(row.member_id) ?? [];
      list.push({
        provider_type: row.provider,
        provider_subject: row.provider_subject,
        profile_picture_url: row.profile_picture_url ?? '',
        locale: row.locale ?? '',
        member_oauth_registration_id: row.id,
      });
      byMember.set(row.member_id, list);
    }
  }
  return byMember;
}

/**
 * The password id of each of `memberIds` that has one: passwords are per (project, email)
 * (passwords/store.ts), so every member with the email shows the same `member_password_id`.
 */
async function loadPasswordIds(db: Db, memberIds: readonly string[]): Promise<Map<string, string>> {
  const byMember = new Map<string, string>();
  const ids = [...new Set(memberIds)];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db
      .selectFrom('members')
      .innerJoin('member_passwords', (join) =>
        join
          .onRef('member_passwords.project_id', '=', 'members.project_id')
          .onRef('member_passwords.email', '=', 'members.email'),
      )
      .select(['members.id as member_id', 'member_passwords.id as password_id'])
      .where('members.id', 'in', ids.slice(i, i + CHUNK))
      .execute();
    for (const row of rows) byMember.set(row.member_id, row.password_id);
  }
  return byMember;
}

/**
 * `members` with what other tables hold filled in: `oauth_registrations` and `member_password_id`
 * (batched reads, see above, never one per member).
 */
export async function withOAuthRegistrations<M extends Member>(db: Db, members: readonly M[]): Promise<M[]> {
  if (members.length === 0) return [];
  const ids = members.map((m) => m.member_id);
  const [found, passwords] = await Promise.all([loadOAuthRegistrations(db, ids), loadPasswordIds(db, ids)]);
  return members.map((m) => ({
    ...m,
    oauth_registrations: found.get(m.member_id) ?? [],
    member_password_id: passwords.get(m.member_id) ?? '',
  }));
}
