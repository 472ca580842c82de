import type { AuthenticationFactor } from '@orgauth/core/protocol';
import type { Db, MembersTable } from '../db/schema.js';
import type { AppDeps } from '../http/index.js';
import { apiError } from '../lib/api-error.js';
import { iso } from '../lib/json.js';
import type { SecretBox } from '../lib/secret-box.js';
import {
  optionalBoolean,
  optionalEnum,
  optionalInteger,
  requiredString,
  sessionDuration,
  type Body,
} from '../lib/validate.js';
import { toMember } from '../members/index.js';
import { toOrganization } from '../organizations/index.js';
import type { Project } from '../projects/index.js';
import { assertMayEnrol, checkFactorProof, type FactorProof, memberOfBody, type TargetMember } from './caller.js';
import { type AuthRespBody, primaryAuthResponse } from './gate.js';
import { assertMfaMethodAllowed } from './policy.js';
import { rotateRecoveryCodes, spendRecoveryCode, unusedRecoveryCodes } from './recovery-codes.js';
import { completeSecondFactor } from './second-factor.js';
import { createTotpRegistration, verifyTotpCode } from './totp-store.js';

/** Stytch's bounds of an unverified registration's life, in minutes (default one hour). */
const EXPIRATION = { min: 5, max: 1440, default: 60 } as const;

const secondFactor = (type: string, deliveryMethod: string, now: number): AuthenticationFactor => ({
  type,
  delivery_method: deliveryMethod,
  last_authenticated_at: iso(now),
  sequence_order: 'SECONDARY',
});

/** The member and organization of a factor answer, as the wire spells them. */
const memberPart = ({ member, organization }: TargetMember) => ({
  member_id: member.id,
  member: toMember(member),
  organization: toOrganization(organization),
});

/**
 * `totp` create (SDK `POST /b2b/totp`, backend `POST /v1/b2b/totp`): a new registration with its
 * secret, QR code and recovery codes, shown this once. The SDK proves the member by IST or session
 * ({@link checkFactorProof}); the backend by the project secret (`proof` undefined).
 */
export async function createTotp(deps: AppDeps, project: Project, body: Body, proof: FactorProof | undefined) {
  const target = await memberOfBody(deps.db, project.id, body);
  const minutes = optionalInteger(body, 'expiration_minutes', EXPIRATION.min, EXPIRATION.max) ?? EXPIRATION.default;
  const now = deps.now();
  assertMfaMethodAllowed(target.organization, 'totp', target.member);
  if (proof !== undefined) assertMayEnrol(target.member, await checkFactorProof(deps.db, target, proof, now));
  const created = await deps.db
    .transaction()
    .execute((trx) => createTotpRegistration(trx, deps.secretBox, target.member, target.organization, minutes, now));
  return { ...memberPart(target), ...created };
}

/** `set_mfa_enrollment` / `set_default_mfa` of a second-factor authenticate, applied to the member. */
async function applyMemberChoices(trx: Db, member: MembersTable, body: Body, method: string, now: number) {
  const enrollment = optionalEnum(body, 'set_mfa_enrollment', ['enroll', 'unenroll'] as const);
  const makeDefault = optionalBoolean(body, 'set_default_mfa') === true;
  if (enrollment === undefined && !makeDefault) return;
  const changes = {
    updated_at: now,
    ...(enrollment === undefined ? {} : { mfa_enrolled: enrollment === 'enroll' ? 1 : 0 }),
    ...(makeDefault ? { default_mfa_method: method } : {}),
  };
  await trx.updateTable('members').set(changes).where('id', '=', member.id).execute();
}

/** Options of a second-factor authenticate besides the body. */
export interface SecondFactorCall {
  proof: FactorProof;
  customClaims?: Record<string, unknown> | undefined;
}

/**
 * `totp/authenticate` (SDK and backend): checks the caller's IST or session first, then the code
 * (±1 step, each step once: mfa/totp-store.ts), then completes the sign-in (mfa/second-factor.ts):
 * the IST becomes a session with both factors, or the session gains the TOTP factor.
 */
export async function authenticateTotp(
  deps: AppDeps,
  project: Project,
  body: Body,
  call: SecondFactorCall,
): Promise<AuthRespBody> {
  const target = await memberOfBody(deps.db, project.id, body);
  const code = requiredString(body, 'code', { max: 64 }).trim();
  const durationMinutes = sessionDuration(body);
  const now = deps.now();
  const proof = await checkFactorProof(deps.db, target, call.proof, now);
  assertMfaMethodAllowed(target.organization, 'totp', target.member);
  const outcome = await deps.db.transaction().execute(async (trx) => {
    const member = await verifyTotpCode(trx, deps.secretBox, target.member, code, now);
    await applyMemberChoices(trx, member, body, 'totp', now);
    return completeSecondFactor(
      trx,
      {
        projectId: project.id,
        organizationId: target.organization.id,
        memberId: member.id,
        ...proof,
        factor: secondFactor('totp', 'authenticator_app', now),
        durationMinutes,
        extendMinutes: body.session_duration_minutes == null ? undefined : durationMinutes,
        customClaims: call.customClaims,
      },
      now,
    );
  });
  return primaryAuthResponse(deps, outcome, now);
}

/**
 * `recovery_codes/recover` (SDK and backend): a recovery code instead of the TOTP code, spent once;
 * the answer adds `recovery_codes_remaining`.
 * @throws ApiError 404 `recovery_code_not_found` for a wrong or spent code
 */
export async function recoverWithCode(deps: AppDeps, project: Project, body: Body, call: SecondFactorCall) {
  const target = await memberOfBody(deps.db, project.id, body);
  const code = requiredString(body, 'recovery_code', { max: 64 });
  const durationMinutes = sessionDuration(body);
  const now = deps.now();
  const proof = await checkFactorProof(deps.db, target, call.proof, now);
  const { outcome, remaining } = await deps.db.transaction().execute(async (trx) => {
    const { spent, remaining } = await spendRecoveryCode(trx, deps.secretBox, target.member.id, code, now);
    if (!spent) throw apiError('recovery_code_not_found', 'That recovery code is wrong or was already used.');
    const outcome = await completeSecondFactor(
      trx,
      {
        projectId: project.id,
        organizationId: target.organization.id,
        memberId: target.member.id,
        ...proof,
        factor: secondFactor('recovery_code', 'recovery_code', now),
        durationMinutes,
        extendMinutes: body.session_duration_minutes == null ? undefined : durationMinutes,
        customClaims: call.customClaims,
      },
      now,
    );
    return { outcome, remaining };
  });
  return { ...(await primaryAuthResponse(deps, outcome, now)), recovery_codes_remaining: remaining };
}

/** `recovery_codes` get: the member's unused codes (kept sealed for this, mfa/recovery-codes.ts). */
export async function getRecoveryCodes(db: Db, box: SecretBox, target: TargetMember) {
  return { ...memberPart(target), recovery_codes: await unusedRecoveryCodes(db, box, target.member.id) };
}

/** `recovery_codes/rotate`: ten new codes; every old one stops working at once. */
export async function rotateMemberRecoveryCodes(db: Db, box: SecretBox, target: TargetMember, now: number) {
  if ((target.member.totp_registration_id ?? '') === '')
    throw apiError('totp_not_found', 'Recovery codes back up a TOTP registration; this member has none.');
  const codes = await db.transaction().execute((trx) => rotateRecoveryCodes(trx, box, target.member, now));
  return { ...memberPart(target), recovery_codes: codes };
}
