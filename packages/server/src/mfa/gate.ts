import type { AuthenticationFactor, B2BAuthenticateResponse, MemberSession } from '@orgauth/core/protocol';
import type { Db, MembersTable, OrganizationsTable } from '../db/schema.js';
import type { AppDeps } from '../http/index.js';
import { parseJson } from '../lib/json.js';
import { toMember } from '../members/index.js';
import { type GateSmsDeps, sendGateSmsOtp } from '../otps/sms-gate-send.js';
import { toOrganization } from '../organizations/index.js';
import {
  authenticateResponse,
  insertSession,
  type LoadedSession,
  type SessionToExtend,
  startOrExtendSession,
} from '../sessions/index.js';
import {
  consumeMemberIntermediateSession,
  findMemberIntermediateSession,
  issueMemberIntermediateSession,
} from './intermediate.js';
import { type MfaRequired, mfaRequiredFor, mfaRequiredOf } from './policy.js';

/** What a primary authentication proved, handed to {@link finishPrimaryAuthentication}. */
export interface PrimaryStart {
  member: MembersTable;
  organization: OrganizationsTable;
  /** The primary factor(s) just proven (an exchange carries several). */
  factors: AuthenticationFactor[];
  /** The lifetime of a NEW session; an extended one follows `existing.extendMinutes`. */
  durationMinutes: number;
  customClaims?: Record<string, unknown> | undefined;
  /** A held session proven before the one-time credential was redeemed (sessions/reuse.ts). */
  existing?: SessionToExtend | undefined;
  /**
   * The `intermediate_session_token` the caller sent. When it is a live IST bound to this member (a
   * primary factor proven earlier, the second pending) its factors join these and it is spent; any
   * other IST (a discovery one, a stale cookie) is ignored, never an error.
   */
  intermediateSessionToken?: string | undefined;
  /** True when the proof itself satisfies the organization's MFA (a trusted SSO connection). */
  mfaSatisfied?: boolean | undefined;
}

/** A member session was started or extended. */
export interface SessionOutcome {
  kind: 'session';
  loaded: LoadedSession;
  /** The opaque session token (`''` when an existing session was proven by JWT only). */
  token: string;
  member: MembersTable;
  organization: OrganizationsTable;
}

/** The primary factor passed; a second factor is pending in `ist` (no session row was written). */
export interface MfaOutcome {
  kind: 'mfa';
  member: MembersTable;
  organization: OrganizationsTable;
  /** The plaintext org-bound intermediate session token. */
  ist: string;
  mfaRequired: MfaRequired;
}

/** The result of a primary authentication or a second factor. */
export type AuthOutcome = SessionOutcome | MfaOutcome;

const hasSecondFactor = (factors: readonly AuthenticationFactor[]) =>
  factors.some((f) => f.sequence_order === 'SECONDARY');

/**
 * THE gate every primary sign-in path (magic link, email code, SSO, OAuth, password, discovery
 * exchange and create, session exchange) calls instead of starting a session itself, inside the
 * transaction that redeemed its credential. When the organization's `mfa_policy` is
 * `REQUIRED_FOR_ALL` or the member is `mfa_enrolled` (mfa/policy.ts), no session row is written:
 * an IST bound to the member carries the proven factors and `mfa_required` says what to answer
 * (AUTH-02 / AUTH-15). A held session of the same member that already passed a second factor is
 * extended instead. Otherwise this is `startOrExtendSession` (sessions/reuse.ts). Turn the result
 * into the wire body with {@link primaryAuthResponse}.
 * @throws ApiError as `startOrExtendSession` does.
 */
export async function finishPrimaryAuthentication(trx: Db, start: PrimaryStart, now: number): Promise<AuthOutcome> {
  const { member, organization, existing } = start;
  let factors = start.factors;
  if (start.intermediateSessionToken !== undefined && start.intermediateSessionToken !== '') {
    const args = [trx, member.project_id, start.intermediateSessionToken, organization.id, member.id, now] as const;
    if ((await findMemberIntermediateSession(...args)) !== undefined) {
      factors = [...(await consumeMemberIntermediateSession(...args)).factors, ...factors];
    }
  }
  const heldPassed =
    existing !== undefined &&
    existing.loaded.member.id === member.id &&
    existing.loaded.organization.id === organization.id &&
    hasSecondFactor(parseJson<AuthenticationFactor[]>(existing.loaded.session.factors, []));
  if (mfaRequiredFor(member, organization) && start.mfaSatisfied !== true && !heldPassed) {
    const ist = await issueMemberIntermediateSession(trx, member, factors, now);
    return { kind: 'mfa', member, organization, ist, mfaRequired: mfaRequiredOf(member, organization) };
  }
  const [first, ...more] = factors;
  if (first !== undefined && more.length === 0) {
    const { durationMinutes, customClaims } = start;
    const started = await startOrExtendSession(
      trx,
      { member, organization, factor: first, durationMinutes, customClaims, existing },
      now,
    );
    return { kind: 'session', ...started, member, organization };
  }
  const { session, token } = await insertSession(trx, member, factors, start.durationMinutes, now, start.customClaims);
  return { kind: 'session', loaded: { session, member, organization }, token, member, organization };
}

/** The AuthRespMFA body (docs/wire-protocol.md §2) without `request_id` / `status_code`. */
export type AuthRespBody = Omit<
  B2BAuthenticateResponse,
  | 'request_id'
  | 'status_code'
  | 'member_session'
  | 'member_authenticated'
  | 'intermediate_session_token'
  | 'mfa_required'
> & {
  member_session: MemberSession | null;
  member_authenticated: boolean;
  intermediate_session_token: string;
  mfa_required: MfaRequired | null;
};

/** What {@link primaryAuthResponse} needs: the signing keys, and the gate's SMS (otps/sms-gate-send.ts). */
export type GateDeps = GateSmsDeps & Pick<AppDeps, 'keys' | 'projects'>;

/**
 * The wire body of an {@link AuthOutcome}: a session's full authenticate response (fresh JWT), or
 * for a pending second factor `member_session: null`, empty session token and JWT,
 * `member_authenticated: false`, the IST and `mfa_required`, with the member and organization.
 * For a pending second factor whose method is SMS, the code is sent here, after the sign-in's
 * commit, and `secondary_auth_initiated` says so (`locale`: the text's language, as the request
 * named it). Also answers {@link completeSecondFactor}'s outcome (mfa/second-factor.ts).
 */
export async function primaryAuthResponse(
  deps: GateDeps,
  outcome: AuthOutcome,
  now: number,
  locale?: string,
): Promise<AuthRespBody> {
  if (outcome.kind === 'session') return authenticateResponse(deps.keys, outcome.loaded, outcome.token, now);
  const project = await deps.projects.byId(outcome.member.project_id);
  const sent =
    project !== undefined && (await sendGateSmsOtp(deps, project, outcome.member, outcome.organization, locale));
  return {
    member_id: outcome.member.id,
    organization_id: outcome.organization.id,
    member: toMember(outcome.member),
    organization: toOrganization(outcome.organization),
    member_session: null,
    session_token: '',
    session_jwt: '',
    member_authenticated: false,
    intermediate_session_token: outcome.ist,
    mfa_required: { ...outcome.mfaRequired, secondary_auth_initiated: sent ? 'sms_otp' : null },
    primary_required: null,
  };
}
