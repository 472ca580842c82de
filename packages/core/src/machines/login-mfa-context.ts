import type { B2BAuthenticatePendingResponse } from '../protocol/mfa-types.js';
import type { LoginConfig, MfaProduct } from './login-config.js';
import type { MfaContext } from './login-factor-state.js';

const PRODUCT: Record<string, MfaProduct> = { totp: 'totp', sms_otp: 'smsOtp' };

/**
 * The second-factor context of a primary factor's answer that owes one (`mfa_required`): the
 * methods the organization allows (all, unless `mfa_methods` is `RESTRICTED`), kept and ordered by
 * `mfaProductInclude` / `mfaProductOrder`, and what the member has enrolled.
 */
export function mfaContext(
  response: B2BAuthenticatePendingResponse,
  config: Pick<LoginConfig, 'mfaProductOrder' | 'mfaProductInclude'>,
): { mfa: MfaContext; defaultMethod: MfaProduct | null } {
  const { member, organization, mfa_required } = response;
  const allowed =
    organization.mfa_methods === 'RESTRICTED'
      ? (organization.allowed_mfa_methods ?? []).map((m) => PRODUCT[m]).filter((m) => m !== undefined)
      : (['totp', 'smsOtp'] as MfaProduct[]);
  const order = config.mfaProductOrder ?? ['totp', 'smsOtp'];
  const methods = [...order, 'totp' as const, 'smsOtp' as const]
    .filter((m, i, all) => all.indexOf(m) === i && allowed.includes(m))
    .filter((m) => !config.mfaProductInclude || config.mfaProductInclude.includes(m));
  const options = mfa_required?.member_options;
  const enrolled: MfaProduct[] = [];
  if (member.totp_registration_id || options?.totp_registration_id) enrolled.push('totp');
  if (member.mfa_phone_number_verified) enrolled.push('smsOtp');
  const phoneNumber = options?.mfa_phone_number || member.mfa_phone_number || null;
  const preferred = PRODUCT[member.default_mfa_method ?? ''] ?? null;
  return {
    mfa: {
      memberId: response.member_id,
      organizationId: organization.organization_id,
      organizationName: organization.organization_name,
      email: member.email_address,
      methods,
      enrolled,
      phoneNumber,
      smsSent: mfa_required?.secondary_auth_initiated === 'sms_otp',
    },
    defaultMethod: preferred,
  };
}
