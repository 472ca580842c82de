import type { Db } from '../db/schema.js';
import { apiError } from '../lib/api-error.js';
import { canonicalIp } from '../http/index.js';

/** At most this many addresses per environment: the list is checked on every backend call. */
export const MAX_ALLOWED_IPS = 10;

/** The environment's allowed backend caller IPs (canonical form, oldest first). */
export async function listAllowedIps(db: Db, projectId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('project_ip_allowlist')
    .select('ip')
    .where('project_id', '=', projectId)
    .orderBy('created_at')
    .orderBy('ip')
    .execute();
  return rows.map((r) => r.ip);
}

/**
 * Adds an exact IPv4/IPv6 address (no ranges). Idempotent.
 * @throws ApiError 400 `bad_request` for a non-address or when 10 are already listed.
 */
export async function addAllowedIp(db: Db, projectId: string, ip: string, now: number): Promise<string> {
  const canonical = canonicalIp(ip);
  if (canonical === undefined || ip.includes('/'))
    throw apiError('bad_request', `"${ip}" is not an IPv4 or IPv6 address (exact addresses only, no ranges).`);
  await db.transaction().execute(async (trx) => {
    const listed = await trx
      .selectFrom('project_ip_allowlist')
      .select('ip')
      .where('project_id', '=', projectId)
      .execute();
    if (listed.some((r) => r.ip === canonical)) return;
    if (listed.length >= MAX_ALLOWED_IPS)
      throw apiError('bad_request', `An environment allows at most ${MAX_ALLOWED_IPS} IP addresses.`);
    await trx
      .insertInto('project_ip_allowlist')
      .values({ project_id: projectId, ip: canonical, created_at: now })
      .execute();
  });
  return canonical;
}

/** Removes an address; true when it was listed. */
export async function removeAllowedIp(db: Db, projectId: string, ip: string): Promise<boolean> {
  const canonical = canonicalIp(ip) ?? ip;
  const result = await db
    .deleteFrom('project_ip_allowlist')
    .where('project_id', '=', projectId)
    .where('ip', '=', canonical)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/**
 * True when the environment has no allowlist, or lists `ip`. An unknown caller IP (no socket, no
 * trusted proxy header) never passes a non-empty allowlist: fail closed.
 */
export async function isIpAllowed(db: Db, projectId: string, ip: string | undefined): Promise<boolean> {
  const listed = await listAllowedIps(db, projectId);
  return listed.length === 0 || (ip !== undefined && listed.includes(ip));
}
