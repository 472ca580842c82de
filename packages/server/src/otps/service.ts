import type { AuthenticationFactor, DiscoveredOrganization } from '@orgauth/core/protocol';
import type { OrganizationsTable } from '../db/schema.js';
import { discoverOrganizations, issueIntermediateSession } from '../discovery/index.js';
import type { AppDeps } from '../http/index.js';
import { apiError, badRequest } from '../lib/api-error.js';
import { iso } from '../lib/json.js';
import { optionalInteger, optionalString, requiredEmail, sessionDuration, type Body } from '../lib/validate.js';
import { decideLoginOrSignup, type LoginOrSignupOutcome } from '../magic-links/index.js';
import { activateMember, assertEmailOtpAllowed, findMemberByEmail } from '../members/index.js';
import type { Project } from '../projects/index.js';
import { type AuthRespBody, finishPrimaryAuthentication, primaryAuthResponse } from '../mfa/index.js';
import { type HeldSession, proveHeldSession } from '../sessions/index.js';
import { DISCOVERY, issueDecoyOtp, issueEmailOtp, redeemEmailOtp } from './codes.js';
import { composeMail } from '../mail/compose.js';

/** Stytch's bounds and default of a code's lifetime, in minutes (docs/security.md AUTH-09: ≤ 10 by default). */
const OTP_TTL = { min: 2, max: 15, default: 10 } as const;

const ttl = (body: Body, key: string) => optionalInteger(body, key, OTP_TTL.min, OTP_TTL.max) ?? OTP_TTL.default;

/** Stytch's template ids and telemetry are accepted for compatibility and not used. */
function ignoredFields(body: Body, keys: string[]): void {
  for (const key of keys) optionalString(body, key, { max: 16_384 });
}

/** The required `code`: the six digits of the mail (a person may paste it with spaces around). */
function requiredCode(body: Body): string {
  const code = optionalString(body, 'code', { max: 64 })?.trim();
  if (code === undefined || !/^[0-9]{6}$/.test(code)) throw badRequest('code must be the six digits from the email.');
  return code;
}

/** The factor an emailed code proves (Stytch's `otp` by `email`; `email_otp` in allowed_auth_methods). */
function otpFactor(emailId: string, email: string, now: number): AuthenticationFactor {
  return {
    type: 'otp',
    delivery_method: 'email',
    last_authenticated_at: iso(now),
    sequence_order: 'PRIMARY',
    email_factor: { email_id: emailId, email_address: email },
  };
}

/**
 * `otps/email/login_or_signup`, shared by the SDK and backend routes, decided exactly as the
 * organization magic link (magic-links/organization-links.ts `decideLoginOrSignup`): an existing
 * member gets a login code, an unknown email admitted by JIT (allowed domain) becomes a pending
 * member and gets a signup code, anyone else nothing. Every check that does not depend on the email
 * runs before the member lookup. With `decoy` (the SDK), a refused email gets a code no one knows
 * (otps/codes.ts `issueDecoyOtp`), so authenticate answers alike for members and strangers.
 */
export async function loginOrSignupOtp(
  deps: AppDeps,
  project: Project,
  body: Body,
  organization: OrganizationsTable,
  options: { decoy: boolean },
): Promise<LoginOrSignupOutcome> {
  const email = requiredEmail(body);
  const loginTtl = ttl(body, 'login_expiration_minutes');
  const signupTtl = ttl(body, 'signup_expiration_minutes');
  ignoredFields(body, ['login_template_id', 'signup_template_id', 'telemetry_id', 'dfp_telemetry_id']);
  const locale = optionalString(body, 'locale', { max: 16_384 });
  assertEmailOtpAllowed(organization);
  const now = deps.now();
  const binding = { projectId: project.id, organizationId: organization.id, email };
  const { outcome, send } = await deps.db.transaction().execute(async (trx) => {
    const outcome = await decideLoginOrSignup(trx, organization, email, now);
    if (outcome.kind === 'refused') {
      if (options.decoy) await issueDecoyOtp(trx, binding, loginTtl, now);
      return { outcome, send: undefined };
    }
    // Stytch: a new, pending or invited member gets the signup mail; an active one the login mail.
    const purpose = outcome.kind === 'signup' || outcome.member.status !== 'active' ? 'signup' : 'login';
    const minutes = purpose === 'signup' ? signupTtl : loginTtl;
    const code = await issueEmailOtp(trx, deps.secretBox, binding, minutes, now);
    const mail = await composeMail(trx, project.id, {
      kind: purpose === 'signup' ? 'code_signup' : 'code_login',
      code,
      organizationName: organization.name,
      expiresInMinutes: minutes,
      locale,
    });
    // Mailed after the commit, so no mail announces a rolled-back member or code.
    return { outcome, send: () => deps.mailer.send({ projectId: project.id, to: email, ...mail }) };
  });
  await send?.();
  return outcome;
}

/** The `otps/email/authenticate` answer (docs/wire-protocol.md §2.2) without `request_id` / `status_code`. */
export type OtpAuthenticatePayload = AuthRespBody & {
  method_id: string;
};

/**
 * `otps/email/authenticate`, shared by the SDK and backend routes: redeems the code of (organization,
 * email), activates the member (an invite is accepted, a pending signup joins, the email is
 * verified) and starts a session, or adds the factor to a held session of that member
 * (sessions/reuse.ts), as magic-link authenticate does. The held session is proven and the
 * organization's policy checked BEFORE the code is tried, so such refusals spend no attempt. A second
 * factor due gives an IST and `mfa_required` instead of a session (mfa/gate.ts).
 */
export async function authenticateOtp(
  deps: AppDeps,
  project: Project,
  body: Body,
  organization: OrganizationsTable,
  held?: HeldSession,
  customClaims?: Record<string, unknown>,
): Promise<OtpAuthenticatePayload> {
  const email = requiredEmail(body);
  const code = requiredCode(body);
  const durationMinutes = sessionDuration(body);
  ignoredFields(body, ['telemetry_id', 'dfp_telemetry_id']);
  const locale = optionalString(body, 'locale', { max: 16_384 });
  const intermediateSessionToken = optionalString(body, 'intermediate_session_token', { max: 512 });
  assertEmailOtpAllowed(organization);
  const now = deps.now();
  const existing = await proveHeldSession(deps.db, deps.keys, project.id, held, body, durationMinutes, now);
  const binding = { projectId: project.id, organizationId: organization.id, email };
  const outcome = await redeemEmailOtp(deps.db, deps.secretBox, binding, code, now, async (trx) => {
    const found = await findMemberByEmail(trx, organization.id, email);
    if (found === undefined || found.status === 'deleted')
      throw apiError('member_not_found', 'The member of this code no longer exists in the organization.');
    const member = await activateMember(trx, found, now);
    return finishPrimaryAuthentication(
      trx,
      {
        member,
        organization,
        factors: [otpFactor(member.email_id, email, now)],
        durationMinutes,
        customClaims,
        existing,
        intermediateSessionToken,
      },
      now,
    );
  });
  return { ...(await primaryAuthResponse(deps, outcome, now, locale)), method_id: outcome.member.email_id };
}

/** `otps/email/discovery/send` (SDK and backend): a code to anyone, so the answer never tells who is a member. */
export async function sendDiscoveryOtp(deps: AppDeps, project: Project, body: Body): Promise<Record<string, never>> {
  const email = requiredEmail(body);
  const minutes = ttl(body, 'discovery_expiration_minutes');
  ignoredFields(body, ['login_template_id', 'telemetry_id', 'dfp_telemetry_id']);
  const locale = optionalString(body, 'locale', { max: 16_384 });
  const now = deps.now();
  const code = await issueEmailOtp(
    deps.db,
    deps.secretBox,
    { projectId: project.id, organizationId: DISCOVERY, email },
    minutes,
    now,
  );
  await deps.mailer.send({
    projectId: project.id,
    to: email,
    ...(await composeMail(deps.db, project.id, { kind: 'code_discovery', code, expiresInMinutes: minutes, locale })),
  });
  return {};
}

/**
 * `otps/email/discovery/authenticate` (SDK and backend): the code becomes an intermediate session
 * plus the organizations found, the same answer as the discovery magic link, so listing, creating
 * and exchanging work unchanged; the organizations are judged against `email_otp`.
 */
export async function authenticateDiscoveryOtp(
  deps: AppDeps,
  project: Project,
  body: Body,
): Promise<{
  intermediate_session_token: string;
  email_address: string;
  discovered_organizations: DiscoveredOrganization[];
}> {
  const email = requiredEmail(body);
  const code = requiredCode(body);
  ignoredFields(body, ['telemetry_id', 'dfp_telemetry_id']);
  const now = deps.now();
  const binding = { projectId: project.id, organizationId: DISCOVERY, email };
  const ist = await redeemEmailOtp(deps.db, deps.secretBox, binding, code, now, (trx) =>
    issueIntermediateSession(trx, project.id, email, [otpFactor('', email, now)], now),
  );
  return {
    intermediate_session_token: ist,
    email_address: email,
    discovered_organizations: await discoverOrganizations(deps.db, project.id, email, ['email_otp']),
  };
}
