import { REDIRECT_URL_TYPES, type RedirectUrlType } from '@orgauth/core/protocol';
import type { Db } from '../db/schema.js';
import { apiError } from '../lib/api-error.js';
import { checkRedirectUrlRule, matchRedirectUrl, type ProjectEnv } from './redirect-urls.js';

/** One allowlisted redirect URL rule of one type. */
export interface RedirectUrlRule {
  url: string;
  type: RedirectUrlType;
  is_default: boolean;
}

/** The environment of `projectId` (`test` unless the row says `live`). */
export async function projectEnv(db: Db, projectId: string): Promise<ProjectEnv> {
  const row = await db.selectFrom('projects').select('env').where('id', '=', projectId).executeTakeFirst();
  if (row === undefined) throw apiError('not_found', `No project ${projectId}.`);
  return row.env === 'live' ? 'live' : 'test';
}

/**
 * Adds `url` for `types` after checking it against the environment's rules (wildcards test-only,
 * https in live…). With `isDefault`, it becomes the only default of each type. Idempotent.
 * @throws ApiError 400 `invalid_redirect_url`
 */
export async function addRedirectUrlRule(
  db: Db,
  projectId: string,
  url: string,
  types: readonly RedirectUrlType[] = REDIRECT_URL_TYPES,
  isDefault = false,
  now: number = Date.now(),
): Promise<string> {
  const checked = checkRedirectUrlRule(url, await projectEnv(db, projectId), isDefault);
  if (!checked.ok) throw apiError('invalid_redirect_url', checked.reason);
  // One unit of work; inside a caller's transaction (start-up bootstrap) it simply joins it, since
  // Kysely cannot nest transactions.
  const write = async (trx: Db) => {
    for (const type of types) {
      if (isDefault) {
        await trx
          .updateTable('redirect_urls')
          .set({ is_default: 0 })
          .where('project_id', '=', projectId)
          .where('type', '=', type)
          .execute();
      }
      await trx
        .insertInto('redirect_urls')
        .values({ project_id: projectId, url: checked.url, type, is_default: isDefault ? 1 : 0, created_at: now })
        .onConflict((oc) =>
          isDefault
            ? oc.columns(['project_id', 'type', 'url']).doUpdateSet({ is_default: 1 })
            : oc.columns(['project_id', 'type', 'url']).doNothing(),
        )
        .execute();
    }
  };
  await (db.isTransaction ? write(db) : db.transaction().execute(write));
  return checked.url;
}

/** Removes `url` from `types` (default: every type). Returns how many rules went. */
export async function removeRedirectUrlRule(
  db: Db,
  projectId: string,
  url: string,
  types: readonly RedirectUrlType[] = REDIRECT_URL_TYPES,
): Promise<number> {
  const checked = checkRedirectUrlRule(url, 'test');
  const candidates = checked.ok ? [url, checked.url] : [url];
  const result = await db
    .deleteFrom('redirect_urls')
    .where('project_id', '=', projectId)
    .where('url', 'in', candidates)
    .where('type', 'in', [...types])
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Every rule of the project, by type then age. */
export async function listRedirectUrlRules(db: Db, projectId: string): Promise<RedirectUrlRule[]> {
  const rows = await db
    .selectFrom('redirect_urls')
    .select(['url', 'type', 'is_default'])
    .where('project_id', '=', projectId)
    .orderBy('type')
    .orderBy('created_at')
    .orderBy('url')
    .execute();
  return rows.map((r) => ({ url: r.url, type: r.type as RedirectUrlType, is_default: r.is_default === 1 }));
}

/**
 * The redirect URL to build a link from: the canonical form of `requested` when a rule of `type`
 * allows it in the project's environment, or the type's default when `requested` is omitted.
 * @throws ApiError 400 `invalid_redirect_url`
 */
export async function resolveRedirectUrl(
  db: Db,
  projectId: string,
  type: RedirectUrlType,
  requested: string | undefined,
): Promise<string> {
  const rows = await db
    .selectFrom('redirect_urls')
    .select(['url', 'is_default'])
    .where('project_id', '=', projectId)
    .where('type', '=', type)
    .orderBy('created_at')
    .execute();
  if (requested === undefined) {
    const fallback = rows.find((r) => r.is_default === 1);
    if (fallback === undefined)
      throw apiError('invalid_redirect_url', `The project has no default ${type} redirect URL.`);
    return fallback.url;
  }
  const env = await projectEnv(db, projectId);
  const matched = matchRedirectUrl(
    rows.map((r) => r.url),
    requested,
    env,
  );
  if (matched === undefined) {
    throw apiError(
      'invalid_redirect_url',
      `The ${type} redirect URL is not on the ${env} environment's redirect URL allowlist.`,
    );
  }
  return matched;
}
