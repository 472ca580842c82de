import { IST_LIFETIME_MINUTES, type AuthenticationFactor } from '@orgauth/core/protocol';
import { consumeOnce } from '../db/consume-once.js';
import type { Db } from '../db/schema.js';
import type { OAuthRegistrationFields } from '../members/index.js';
import { type ApiError, apiError } from '../lib/api-error.js';
import { newToken, sha256Hex } from '../lib/crypto.js';
import { parseJson } from '../lib/json.js';

/** The OAuth provider's tenants an intermediate session's identity belongs to (oauth/). */
export interface OAuthTenants {
  provider: string;
  tenants: string[];
  /** The identity itself, linked to the member the IST is exchanged for (members/oauth-link.ts). */
  registration?: OAuthRegistrationFields;
}

/** A live intermediate session: a proven email, not yet a member session. */
export interface IntermediateSession {
  hash: string;
  email: string;
  factors: AuthenticationFactor[];
  /** Set when an OAuth provider proved the email: discovery admits by tenant too. */
  oauthTenants: OAuthTenants | null;
  /** Set when a primary factor was proven for this member and a second is pending (mfa/). */
  organizationId: string | null;
  memberId: string | null;
}

/**
 * Issues an IST for `email` (10 minutes); only its hash is stored. Returns the plaintext token.
 * `oauthTenants`: the tenants of the OAuth identity that proved the email, if one did.
 */
export async function issueIntermediateSession(
  db: Db,
  projectId: string,
  email: string,
  factors: AuthenticationFactor[],
  now: number,
  oauthTenants?: OAuthTenants,
): Promise<string> {
  const token = newToken();
  await db
    .insertInto('intermediate_sessions')
    .values({
      hash: sha256Hex(token),
      project_id: projectId,
      email,
      factors: JSON.stringify(factors),
      oauth_tenants: oauthTenants === undefined ? null : JSON.stringify(oauthTenants),
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
    'The intermediate session token is unknown, already used, or expired.',
  );
}

/**
 * Reads a live IST without consuming it (discovery listing).
 * @throws ApiError 404 `intermediate_session_not_found`
 */
export async function readIntermediateSession(
  db: Db,
  projectId: string,
  token: string,
  now: number,
): Promise<IntermediateSession> {
  const row = await db
    .selectFrom('intermediate_sessions')
    .select(['hash', 'email', 'factors', 'oauth_tenants', 'organization_id', 'member_id'])
    .where('hash', '=', sha256Hex(token))
    .where('project_id', '=', projectId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (row === undefined) throw notFound();
  return {
    hash: row.hash,
    email: row.email,
    factors: parseJson<AuthenticationFactor[]>(row.factors, []),
    oauthTenants: parseJson<OAuthTenants | null>(row.oauth_tenants ?? 'null', null),
    organizationId: row.organization_id ?? null,
    memberId: row.member_id ?? null,
  };
}

/**
 * Consumes a live IST exactly once (db/consume-once.ts). Call it inside the transaction that creates
 * the session, so a failure later in that transaction gives the IST back.
 * @throws ApiError 404 `intermediate_session_not_found`
 */
export async function consumeIntermediateSession(db: Db, projectId: string, hash: string, now: number): Promise<void> {
  const consumed = await consumeOnce(db, 'intermediate_sessions', now, (eb) =>
    eb.and([eb('hash', '=', hash), eb('project_id', '=', projectId)]),
  );
  if (!consumed) throw notFound();
}
