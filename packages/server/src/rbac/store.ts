import type { RbacPolicy } from '@orgauth/core/protocol';
import type { Db } from '../db/schema.js';
import { parseJson } from '../lib/json.js';
import { type CustomRbacPolicy, mergePolicy, readCustomPolicy } from './policy.js';

/**
 * The custom policy stored for `projectId` (one project row per environment), or an empty one. A
 * stored document is re-validated on read: a row written by an older, laxer version must not grant
 * more than the current rules allow, and a corrupt one falls back to Stytch's default policy.
 */
export async function loadCustomPolicy(db: Db, projectId: string): Promise<CustomRbacPolicy> {
  const row = await db
    .selectFrom('rbac_policies')
    .select('policy')
    .where('project_id', '=', projectId)
    .executeTakeFirst();
  if (row === undefined) return { roles: [], resources: [], scopes: [] };
  try {
    return readCustomPolicy(parseJson<unknown>(row.policy, {}));
  } catch {
    return { roles: [], resources: [], scopes: [] };
  }
}

/** The effective RBAC policy of a project environment: Stytch's default merged with its custom one. */
export async function loadRbacPolicy(db: Db, projectId: string): Promise<RbacPolicy> {
  return mergePolicy(await loadCustomPolicy(db, projectId));
}

/**
 * Validates `document` and stores it as the custom policy of `projectId`, replacing the previous one.
 * @returns the effective policy.
 * @throws ApiError 400 `bad_request` naming what is wrong (nothing is written then).
 */
export async function saveRbacPolicy(db: Db, projectId: string, document: unknown, now: number): Promise<RbacPolicy> {
  const custom = readCustomPolicy(document);
  const policy = JSON.stringify(custom);
  await db
    .insertInto('rbac_policies')
    .values({ project_id: projectId, policy, updated_at: now })
    .onConflict((oc) => oc.column('project_id').doUpdateSet({ policy, updated_at: now }))
    .execute();
  return mergePolicy(custom);
}
