import { REDIRECT_URL_TYPES, type RedirectUrlType } from '@orgauth/core/protocol';
import { ApiError } from '../lib/api-error.js';
import { digestsEqual, sha256Hex } from '../lib/crypto.js';
import type { Db, ProjectsTable } from '../db/schema.js';

/** A project row without its secret hash. */
export interface Project {
  id: string;
  env: string;
  name: string;
  public_token: string;
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
  addRedirectUrl(projectId: string, url: string, types?: readonly RedirectUrlType[], isDefault?: boolean): Promise<void>;
  addAuthorizedOrigin(projectId: string, origin: string): Promise<void>;
  /**
   * The redirect URL to use: `requested` when it is on the allowlist for `type` (exact match after
   * WHATWG normalisation), or the project's default for `type` when omitted.
   * @throws ApiError 400 `invalid_redirect_url`
   */
  resolveRedirectUrl(projectId: string, type: RedirectUrlType, requested: string | undefined): Promise<string>;
}

const toProject = (row: Pick<ProjectsTable, 'id' | 'env' | 'name' | 'public_token'>): Project => ({
  id: row.id,
  env: row.env,
  name: row.name,
  public_token: row.public_token,
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
  const columns = ['id', 'env', 'name', 'public_token'] as const;
  return {
    async byPublicToken(publicToken) {
      const row = await db.selectFrom('projects').select(columns).where('public_token', '=', publicToken).executeTakeFirst();
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
      const row = await db.selectFrom('authorized_origins').select('origin').where('origin', '=', origin).executeTakeFirst();
      return row !== undefined;
    },
    async addRedirectUrl(projectId, url, types = REDIRECT_URL_TYPES, isDefault = false) {
      const normalized = normalizeUrl(url);
      if (normalized === undefined) throw new ApiError(400, 'invalid_redirect_url', `"${url}" is not an http(s) URL.`);
      for (const type of types) {
        await db
          .insertInto('redirect_urls')
          .values({ project_id: projectId, url: normalized, type, is_default: isDefault ? 1 : 0, created_at: now() })
          .onConflict((oc) => oc.columns(['project_id', 'type', 'url']).doNothing())
          .execute();
      }
    },
    async addAuthorizedOrigin(projectId, origin) {
      const normalized = normalizeOrigin(origin);
      if (normalized === undefined) throw new ApiError(400, 'bad_request', `"${origin}" is not an origin.`);
      await db
        .insertInto('authorized_origins')
        .values({ project_id: projectId, origin: normalized, created_at: now() })
        .onConflict((oc) => oc.columns(['project_id', 'origin']).doNothing())
        .execute();
    },
    async resolveRedirectUrl(projectId, type, requested) {
      let query = db.selectFrom('redirect_urls').select('url').where('project_id', '=', projectId).where('type', '=', type);
      if (requested === undefined) {
        query = query.where('is_default', '=', 1);
      } else {
        const normalized = normalizeUrl(requested);
        if (normalized === undefined) throw new ApiError(400, 'invalid_redirect_url', 'The redirect URL is not a valid http(s) URL.');
        query = query.where('url', '=', normalized);
      }
      const row = await query.orderBy('created_at').executeTakeFirst();
      if (row === undefined) {
        throw new ApiError(
          400,
          'invalid_redirect_url',
          requested === undefined
            ? `The project has no default ${type} redirect URL.`
            : `The ${type} redirect URL is not on the project's redirect URL allowlist.`,
        );
      }
      return row.url;
    },
  };
}
