import type { AuthenticationFactor } from '@orgauth/core/protocol';
import { consumeOnce } from '../db/consume-once.js';
import type { Db, MembersTable } from '../db/schema.js';
import { apiError } from '../lib/api-error.js';
import { issueIntermediateSession } from '../discovery/index.js';
import {
  activateMember,
  assertPrimaryFactorsAllowed,
  canJoinByEmailDomain,
  findMemberByEmail,
  authMethodOf,
  insertMember,
  primaryRequired,
  toMember,
} from '../members/index.js';
import { getOrganization, toOrganization } from '../organizations/index.js';
import { parseJson } from '../lib/json.js';
import { finishPrimaryAuthentication, type GateDeps, primaryAuthResponse } from '../mfa/index.js';
import { sessionNotFound, type LoadedSession } from './store.js';

/** What an exchange needs besides the proven session. */
export interface ExchangeRequest {
  organizationId: string;
  durationMinutes: number;
  customClaims?: Record<string, unknown> | undefined;
}

/** The session's factors, re-addressed to the target member's email id. */
function factorsFor(factors: AuthenticationFactor[], member: MembersTable): AuthenticationFactor[] {
  return factors.map((f) =>
    f.email_factor ? { ...f, email_factor: { email_id: member.email_id, email_address: member.email } } : f,
  );
}

/**
 * `sessions/exchange`: trades a live session for one in another organization where the same email is
 * a member — active, or invited/pending (the proven email accepts the invite) — or may join by its
 * verified email's domain (email JIT provisioning), as discovery lists it: an organization switcher
 * offers those organizations too, and the session already proves the address discovery would. The
 * old session is revoked in the same transaction (SES-03: one credential per sign-in, the client
 * replaces its token). When the target organization restricts its auth methods and the session's
 * factors are not among them, no session is made: an existing member gets an IST and
 * `primary_required` instead (AuthRespMFA shape) and the old session stays; a JIT join is refused.
 * When the target asks for a second factor (mfa/gate.ts) the answer is a member-bound IST and
 * `mfa_required`, and the old session stays too.
 * @throws ApiError 404 `organization_not_found` / `member_not_found` / `session_not_found`,
 *   403 `unauthorized_action` / `magic_link_not_allowed` for a JIT join by a refused factor.
 */
export async function exchangeSession(
  db: Db,
  deps: GateDeps,
  current: LoadedSession,
  request: ExchangeRequest,
  now: number,
): Promise<Record<string, unknown>> {
  const projectId = current.session.project_id;
  const organization = await getOrganization(db, projectId, request.organizationId);
  const email = current.member.email;
  const existing = await findMemberByEmail(db, organization.id, email);
  const joins =
    existing === undefined && current.member.email_verified === 1 && canJoinByEmailDomain(organization, email);
  if (!joins && (existing === undefined || existing.status === 'deleted')) {
    throw apiError('member_not_found', 'The session’s email address is not a member of that organization.');
  }
  // A second factor proved the member of the old organization, not this one: only primaries travel.
  const factors = parseJson<AuthenticationFactor[]>(current.session.factors, []).filter(
    (f) => f.sequence_order !== 'SECONDARY',
  );
  if (joins) assertPrimaryFactorsAllowed(organization, factors.map(authMethodOf));
  const required = primaryRequired(organization, factors.map(authMethodOf));
  if (required !== null && existing !== undefined) {
    const ist = await issueIntermediateSession(db, projectId, email, factors, now);
    return {
      member_id: existing.id,
      organization_id: organization.id,
      member: toMember(existing),
      organization: toOrganization(organization),
      member_session: null,
      session_token: '',
      session_jwt: '',
      member_authenticated: false,
      intermediate_session_token: ist,
      mfa_required: null,
      primary_required: required,
    };
  }
  const outcome = await db.transaction().execute(async (trx) => {
    const member =
      existing === undefined
        ? await insertMember(trx, projectId, organization.id, { email, status: 'active', emailVerified: true }, now)
        : await activateMember(trx, existing, now);
    const { durationMinutes, customClaims } = request;
    const result = await finishPrimaryAuthentication(
      trx,
      { member, organization, factors: factorsFor(factors, member), durationMinutes, customClaims },
      now,
    );
    // The old session is spent exactly once when a session replaces it: of two concurrent
    // exchanges, one gets the new session (the transaction rolls back the other's writes).
    if (
      result.kind === 'session' &&
      !(await consumeOnce(trx, 'sessions', now, (eb) => eb('id', '=', current.session.id)))
    )
      throw sessionNotFound();
    return result;
  });
  return primaryAuthResponse(deps, outcome, now);
}
