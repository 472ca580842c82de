import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { containsIgnoringCase, keysetSearch, type KeysetSearch } from '../db/keyset-search.js';
import type { Database, Db, MembersTable } from '../db/schema.js';
import { apiError } from '../lib/api-error.js';
import { escapeLike } from '../lib/pagination.js';
import type { FilterKinds, SearchOperand } from '../lib/search-query.js';

type MemberEb = ExpressionBuilder<Database, 'members'>;

/** The filters of `POST /organizations/members/search`. */
export const MEMBER_FILTERS: FilterKinds = {
  member_ids: 'list',
  member_emails: 'list',
  member_email_fuzzy: 'fuzzy',
  member_external_ids: 'list',
  statuses: 'list',
  member_roles: 'list',
  member_password_exists: 'boolean',
};

const STATUSES = ['active', 'invited', 'pending', 'deleted'];

/**
 * Members whose JSON `roles` array holds `role`. JSON.stringify writes no spaces, so an element is
 * always bounded by `[` or `,` and `,` or `]`; matching the delimiters too keeps a role that merely
 * contains `"admin"` inside an escaped string from matching `admin`.
 */
function hasRole(role: string): Expression<SqlBool> {
  const token = escapeLike(JSON.stringify(role));
  const patterns = [`[${token}]`, `[${token},%`, `%,${token},%`, `%,${token}]`];
  const ors = patterns.map((p) => sql<SqlBool>`${sql.ref('members.roles')} like ${p} escape '\\'`);
  return sql<SqlBool>`(${sql.join(ors, sql` or `)})`;
}

/**
 * Members whose email has a password (or has none, for `false`). A password is the email's within the
 * project (passwords/store.ts), so the test is the same row `member_password_id` is read from
 * (members/oauth-registrations.ts): one per (project, lowercased email).
 */
function passwordExists(eb: MemberEb, exists: boolean): Expression<SqlBool> {
  const password = eb
    .selectFrom('member_passwords')
    .select('member_passwords.id')
    .whereRef('member_passwords.project_id', '=', 'members.project_id')
    .whereRef('member_passwords.email', '=', 'members.email');
  return exists ? eb.exists(password) : eb.not(eb.exists(password));
}

function operandExpression(eb: MemberEb, { filterName, value }: SearchOperand): Expression<SqlBool> {
  const list = Array.isArray(value) ? value : [String(value)];
  switch (filterName) {
    case 'member_password_exists':
      return passwordExists(eb, value === true);
    case 'member_ids':
      return eb('members.id', 'in', list);
    case 'member_emails':
      return eb(
        'members.email',
        'in',
        list.map((v) => v.trim().toLowerCase()),
      );
    case 'member_email_fuzzy':
      return containsIgnoringCase('members.email', list[0] ?? '');
    case 'member_external_ids':
      return eb('members.external_id', 'in', list);
    case 'statuses':
      for (const status of list) {
        if (!STATUSES.includes(status))
          throw apiError('invalid_search_query', `statuses must contain only ${STATUSES.join(', ')}.`);
      }
      return eb('members.status', 'in', list);
    default: // member_roles
      return eb.or(list.map(hasRole));
  }
}

/** One page of members with the total number of matches. */
export interface MemberPage {
  members: MembersTable[];
  total: number;
  nextCursor: string | null;
}

/**
 * Members of the given organizations (already resolved within the project, so no other tenant's
 * member can match), filtered by `rawQuery`, ordered by `(created_at, id)`, keyset-paginated.
 * @throws ApiError 400 `invalid_search_query` / `invalid_cursor`.
 */
export async function searchMembers(
  db: Db,
  organizationIds: string[],
  rawQuery: unknown,
  limit: number,
  cursor: unknown,
): Promise<MemberPage> {
  const search: KeysetSearch<'members'> = {
    table: 'members',
    filters: MEMBER_FILTERS,
    scope: (eb) => eb('members.organization_id', 'in', organizationIds),
    operand: operandExpression,
  };
  const { rows, total, nextCursor } = await keysetSearch(db, search, rawQuery, limit, cursor);
  return { members: rows, total, nextCursor };
}
