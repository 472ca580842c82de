import { IST_LIFETIME_MINUTES, type AuthenticationFactor } from '@orgauth/core/protocol';
import { consumeOnce } from '../db/consume-once.js';
import type { Db, MembersTable } from '../db/schema.js';
import { apiError, type ApiError } from '../lib/api-error.js';
import { newToken, sha256Hex } from '../lib/crypto.js';
import { parseJson } from '../lib/json.js';

/** A live IST bound to a member: its primary factors are proven, a second factor is pending. */
export interface MemberIntermediateSession {
  hash: string;
  organizationId: string;
  memberId: string;
  factors: AuthenticationFactor[];
}

/**
 * Issues an IST bound to `member` (10 minutes, only its hash stored) carrying the primary `factors`
 * proven so far. It is no session (SES-15): only a second factor (mfa/second-factor.ts) or discovery
 * turns it into one. Returns the plaintext token.
 */
export async function issueMemberIntermediateSession(
  db: Db,
  member: MembersTable,
  factors: AuthenticationFactor[],
  now: number,
): Promise<string> {
  const token = newToken();
  await db
    .insertInto('intermediate_sessions')
    .values({
      hash: sha256Hex(token),
      project_id: member.project_id,
      email: member.email,
      factors: JSON.stringify(factors),
      oauth_tenants: null,
      organization_id: member.organization_id,
      member_id: member.id,
      expires_at: now + IST_LIFETIME_MINUTES * 60_000,
      used_at: null,
      created_at: now,
    })
    .execute();
  return token;
}

function notFound(): ApiError {
  return apiError(
    'intermediate_session_not_found',
    'The intermediate session token is unknown, already used, expired, or not for this member.',
  );
}

/**
 * The live IST `token` when it is bound to `memberId` in `organizationId`, else `undefined`
 * (unknown, spent, expired, a discovery IST, or another member's).
 */
export async function findMemberIntermediateSession(
  db: Db,
  projectId: string,
  token: string,
  organizationId: string,
  memberId: string,
  now: number,
): Promise<MemberIntermediateSession | undefined> {
  const row = await db
    .selectFrom('intermediate_sessions')
    .select(['hash', 'factors'])
    .where('hash', '=', sha256Hex(token))
    .where('project_id', '=', projectId)
    .where('organization_id', '=', organizationId)
    .where('member_id', '=', memberId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  return { hash: row.hash, organizationId, memberId, factors: parseJson<AuthenticationFactor[]>(row.factors, []) };
}

/**
 * Reads and spends the member's IST exactly once (db/consume-once.ts); call it inside the
 * transaction that acts on it, so a failure later gives it back.
 * @throws ApiError 404 `intermediate_session_not_found`
 */
export async function consumeMemberIntermediateSession(
  db: Db,
  projectId: string,
  token: string,
  organizationId: string,
  memberId: string,
  now: number,
): Promise<MemberIntermediateSession> {
  const found = await findMemberIntermediateSession(db, projectId, token, organizationId, memberId, now);
  if (found === undefined) throw notFound();
  const spent = await consumeOnce(db, 'intermediate_sessions', now, (eb) =>
    eb.and([eb('hash', '=', found.hash), eb('project_id', '=', projectId)]),
  );
  if (!spent) throw notFound();
  return found;
}
