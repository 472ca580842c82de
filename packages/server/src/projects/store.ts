import { REDIRECT_URL_TYPES, type RedirectUrlType } from '@orgauth/core/protocol';
import { apiError } from '../lib/api-error.js';
import { digestsEqual, sha256Hex } from '../lib/crypto.js';
import type { Db, ProjectsTable } from '../db/schema.js';
import { isMemberRolesFormat, type MemberRolesFormat } from '../members/index.js';
import {
  addRedirectUrlRule,
  listRedirectUrlRules,
  removeRedirectUrlRule,
  resolveRedirectUrl,
  type RedirectUrlRule,
} from './redirect-url-store.js';

/** A project row without its secret hash. */
export interface Project {
  id: string;
  env: string;
  name: string;
  public_token: string;
  /** How the backend API spells `Member.roles` (members/roles.ts). */
  member_roles_format: MemberRolesFormat;
}

/** Reads and edits project configuration: credentials, redirect allowlist, authorized origins. */
export interface ProjectStore {
  byPublicToken(publicToken: string): Promise<Project | undefined>;
  byId(projectId: string): Promise<Project | undefined>;
  /** The project when `secret` is its secret, else `undefined` (constant-time on the hash). */
  verifySecret(projectId: string, secret: string): Promise<Project | undefined>;
  isOriginAllowed(projectId: string, origin: string): Promise<boolean>;
  /** True when any project lists `origin` (CORS preflights carry no credentials to pick a project). */
  isOriginAllowedAnywhere(origin: string): Promise<boolean>;
  /**
   * Adds a redirect URL rule for `types` (default: all), checked against the environment's rules
   * (projects/redirect-urls.ts). Idempotent. Returns the stored (canonical) form.
   * @throws ApiError 400 `invalid_redirect_url`
   */
  addRedirectUrl(
    projectId: string,
    url: string,
    types?: readonly RedirectUrlType[],
    isDefault?: boolean,
  ): Promise<string>;
  /** Removes a redirect URL rule from `types` (default: all); returns how many rules went. */
  removeRedirectUrl(projectId: string, url: string, types?: readonly RedirectUrlType[]): Promise<number>;
  listRedirectUrls(projectId: string): Promise<RedirectUrlRule[]>;
  /**
   * Adds an SDK origin (`scheme://host[:port]`; https only in live). Idempotent.
   * @throws ApiError 400 `bad_request`
   */
  addAuthorizedOrigin(projectId: string, origin: string): Promise<string>;
  /** Removes an SDK origin; true when it was listed. */
  removeAuthorizedOrigin(projectId: string, origin: string): Promise<boolean>;
  listAuthorizedOrigins(projectId: string): Promise<string[]>;
  /** Sets how the backend API spells `Member.roles` for this project (takes effect on the next request). */
  setMemberRolesFormat(projectId: string, format: MemberRolesFormat): Promise<void>;
  /**
   * The redirect URL to build a link from: the canonical form of `requested` when a rule of `type`
   * allows it in the project's environment (projects/redirect-urls.ts), or the type's default when
   * `requested` is omitted.
   * @throws ApiError 400 `invalid_redirect_url`
   */
  resolveRedirectUrl(projectId: string, type: RedirectUrlType, requested: string | undefined): Promise<string>;
}

const toProject = (
  row: Pick<ProjectsTable, 'id' | 'env' | 'name' | 'public_token'> & { member_roles_format: string },
): Project => ({
  id: row.id,
  env: row.env,
  name: row.name,
  public_token: row.public_token,
  member_roles_format: isMemberRolesFormat(row.member_roles_format) ? row.member_roles_format : 'ids',
});

/**
 * Normalises an http(s) URL through the WHATWG parser, so the stored form and the compared form can
 * never disagree about host or path (`https://a.test@evil.test` parses to host `evil.test`).
 */
export function normalizeUrl(url: string): string | undefined {
  if (url.length > 2048) return undefined;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    if (parsed.username !== '' || parsed.password !== '') return undefined;
    parsed.hash = '';
    return parsed.href;
  } catch {
    return undefined;
  }
}

/** `scheme://host[:port]` of an origin string, or `undefined` when it is not one. */
export function normalizeOrigin(origin: string): string | undefined {
  const href = normalizeUrl(origin);
  if (href === undefined) return undefined;
  const parsed = new URL(href);
  return parsed.pathname === '/' && parsed.search === '' ? parsed.origin : undefined;
}

/** Creates the {@link ProjectStore} over `db`. */
export function createProjectStore(db: Db, now: () => number): ProjectStore {
  const columns = ['id', 'env', 'name', 'public_token', 'member_roles_format'] as const;
  return {
    async byPublicToken(publicToken) {
      const row = await db
        .selectFrom('projects')
        .select(columns)
        .where('public_token', '=', publicToken)
        .executeTakeFirst();
      return row && toProject(row);
    },
    async byId(projectId) {
      const row = await db.selectFrom('projects').select(columns).where('id', '=', projectId).executeTakeFirst();
      return row && toProject(row);
    },
    async verifySecret(projectId, secret) {
      const row = await db.selectFrom('projects').selectAll().where('id', '=', projectId).executeTakeFirst();
      if (row === undefined || !digestsEqual(row.secret_hash, sha256Hex(secret))) return undefined;
      return toProject(row);
    },
    async isOriginAllowed(projectId, origin) {
      const row = await db
        .selectFrom('authorized_origins')
        .select('origin')
        .where('project_id', '=', projectId)
        .where('origin', '=', origin)
        .executeTakeFirst();
      return row !== undefined;
    },
    async isOriginAllowedAnywhere(origin) {
      const row = await db
        .selectFrom('authorized_origins')
        .select('origin')
        .where('origin', '=', origin)
        .executeTakeFirst();
      return row !== undefined;
    },
    addRedirectUrl: (projectId, url, types = REDIRECT_URL_TYPES, isDefault = false) =>
      addRedirectUrlRule(db, projectId, url, types, isDefault, now()),
    removeRedirectUrl: (projectId, url, types) => removeRedirectUrlRule(db, projectId, url, types),
    listRedirectUrls: (projectId) => listRedirectUrlRules(db, projectId),
    resolveRedirectUrl: (projectId, type, requested) => resolveRedirectUrl(db, projectId, type, requested),
    async addAuthorizedOrigin(projectId, origin) {
      const normalized = normalizeOrigin(origin);
      if (normalized === undefined)
        throw apiError('bad_request', `"${origin}" is not an origin (scheme://host[:port]).`);
      const project = await db.selectFrom('projects').select('env').where('id', '=', projectId).executeTakeFirst();
      if (project === undefined) throw apiError('not_found', `No project ${projectId}.`);
      // A live project serves real users: its pages must be https (as its redirect URLs).
      if (project.env === 'live' && !normalized.startsWith('https://'))
        throw apiError('bad_request', 'Live authorized origins must use https.');
      await db
        .insertInto('authorized_origins')
        .values({ project_id: projectId, origin: normalized, created_at: now() })
        .onConflict((oc) => oc.columns(['project_id', 'origin']).doNothing())
        .execute();
      return normalized;
    },
    async removeAuthorizedOrigin(projectId, origin) {
      const normalized = normalizeOrigin(origin) ?? origin;
      const result = await db
        .deleteFrom('authorized_origins')
        .where('project_id', '=', projectId)
        .where('origin', '=', normalized)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async setMemberRolesFormat(projectId, format) {
      await db.updateTable('projects').set({ member_roles_format: format }).where('id', '=', projectId).execute();
    },
    async listAuthorizedOrigins(projectId) {
      const rows = await db
        .selectFrom('authorized_origins')
        .select('origin')
        .where('project_id', '=', projectId)
        .orderBy('created_at')
        .orderBy('origin')
        .execute();
      return rows.map((r) => r.origin);
    },
  };
}
