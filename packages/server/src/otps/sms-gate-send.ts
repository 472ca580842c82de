import type { MembersTable, OrganizationsTable } from '../db/schema.js';
import type { AppDeps } from '../http/index.js';
import { gateSendsSms } from '../mfa/index.js';
import type { Project } from '../projects/index.js';
import { smsCodeText } from '../sms/index.js';
import { issueSmsOtp } from './sms-codes.js';

/** What the gate's SMS needs: where codes are stored, how texts go out, the shared send limits. */
export type GateSmsDeps = Pick<AppDeps, 'db' | 'secretBox' | 'sms' | 'rateLimiter' | 'now'>;

/**
 * Stytch's automatic SMS at the MFA gate (mfa/gate.ts): when a primary sign-in stops there and SMS
 * is the member's method (mfa/policy.ts `gateSendsSms`: a verified number the organization allows,
 * chosen by `default_mfa_method` or the only method able to answer), a code goes out at once and
 * the answer's `mfa_required.secondary_auth_initiated` is `'sms_otp'`.
 *
 * The send counts against the same limits as `otps/sms/send` (http/rate-limit.ts: `sendPerPhone` for
 * the number, `sendPerEmail` keyed by the member id as the route's `sendLimit('member_id')` keys
 * it). Over a limit nothing is sent and this returns false: the primary factor still passed, so the
 * sign-in answers its IST with `secondary_auth_initiated: null` and the member may ask again later.
 * Call it AFTER the sign-in's transaction commits (no text announces a rolled-back sign-in).
 * Returns whether a code was sent.
 */
export async function sendGateSmsOtp(
  deps: GateSmsDeps,
  project: Project,
  member: MembersTable,
  organization: OrganizationsTable,
  locale?: string,
): Promise<boolean> {
  if (!gateSendsSms(member, organization)) return false;
  const phone = member.mfa_phone_number ?? '';
  const limits = deps.rateLimiter.limits;
  if (limits) {
    const wait = await deps.rateLimiter.hit(project.id, [
      { bucket: 'sendPerPhone', key: phone, rule: limits.sendPerPhone },
      { bucket: 'sendPerEmail', key: member.id.toLowerCase(), rule: limits.sendPerEmail },
    ]);
    if (wait !== undefined) return false;
  }
  const binding = { projectId: project.id, organizationId: organization.id, memberId: member.id };
  const code = await issueSmsOtp(deps.db, deps.secretBox, binding, phone, deps.now());
  await deps.sms.send({ projectId: project.id, to: phone, body: smsCodeText(code, project.name, locale) });
  return true;
}
