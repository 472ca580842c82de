import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import { containsIgnoringCase, keysetSearch, type KeysetSearch } from '../db/keyset-search.js';
import type { Database, Db, OrganizationsTable } from '../db/schema.js';
import type { FilterKinds, SearchOperand } from '../lib/search-query.js';

type OrgEb = ExpressionBuilder<Database, 'organizations'>;

/** The filters of `POST /organizations/search` (Stytch's names, plus the seed's `allowed_domains`). */
export const ORGANIZATION_FILTERS: FilterKinds = {
  organization_ids: 'list',
  organization_slugs: 'list',
  organization_external_ids: 'list',
  organization_name_fuzzy: 'fuzzy',
  organization_slug_fuzzy: 'fuzzy',
  allowed_domains: 'list',
  email_allowed_domains: 'list',
  allowed_domain_fuzzy: 'fuzzy',
  member_emails: 'list',
  member_email_fuzzy: 'fuzzy',
};

function operandExpression(eb: OrgEb, { filterName, value }: SearchOperand): Expression<SqlBool> {
  const list = Array.isArray(value) ? value : [String(value)];
  const lowered = list.map((v) => v.toLowerCase());
  const text = typeof value === 'string' ? value : '';
  const domains = () =>
    eb
      .selectFrom('organization_domains')
      .select('organization_domains.domain')
      .whereRef('organization_domains.organization_id', '=', 'organizations.id');
  const members = () =>
    eb
      .selectFrom('members')
      .select('members.id')
      .whereRef('members.organization_id', '=', 'organizations.id')
      .where('members.status', '!=', 'deleted');
  switch (filterName) {
    case 'organization_ids':
      return eb('organizations.id', 'in', list);
    case 'organization_slugs':
      return eb('organizations.slug', 'in', lowered);
    case 'organization_external_ids':
      return eb('organizations.external_id', 'in', list);
    case 'organization_name_fuzzy':
      return containsIgnoringCase('organizations.name', text);
    case 'organization_slug_fuzzy':
      return containsIgnoringCase('organizations.slug', text);
    case 'allowed_domains':
    case 'email_allowed_domains':
      return eb.exists(domains().where('organization_domains.domain', 'in', lowered));
    case 'allowed_domain_fuzzy':
      return eb.exists(domains().where(containsIgnoringCase('organization_domains.domain', text)));
    case 'member_emails':
      return eb.exists(members().where('members.email', 'in', lowered));
    default: // member_email_fuzzy (parseSearchQuery admits no other name)
      return eb.exists(members().where(containsIgnoringCase('members.email', text)));
  }
}

/** One page of organizations with the total number of matches. */
export interface OrganizationPage {
  organizations: OrganizationsTable[];
  total: number;
  nextCursor: string | null;
}

/**
 * Runs an organization search of `projectId`, ordered by `(created_at, id)`, keyset-paginated.
 * @throws ApiError 400 `invalid_search_query` / `invalid_cursor`.
 */
export async function searchOrganizations(
  db: Db,
  projectId: string,
  rawQuery: unknown,
  limit: number,
  cursor: unknown,
): Promise<OrganizationPage> {
  const search: KeysetSearch<'organizations'> = {
    table: 'organizations',
    filters: ORGANIZATION_FILTERS,
    scope: (eb) => eb('organizations.project_id', '=', projectId),
    operand: operandExpression,
  };
  const { rows, total, nextCursor } = await keysetSearch(db, search, rawQuery, limit, cursor);
  return { organizations: rows, total, nextCursor };
}
