import type { B2BAuthenticatePendingResponse, MfaRequired, TotpCreateResponse } from '../protocol/mfa-types.js';
import type { PasswordStrengthCheckResponse } from '../protocol/password-types.js';
import { fixtureMember, fixtureOrganization } from './fixtures.js';

/**
 * A primary factor's answer on an organization that requires a second one (`REQUIRED_FOR_ALL`): no
 * session, an IST, `mfa_required` (default: nothing enrolled yet, no SMS sent); override any field.
 */
export function fixtureMfaRequiredResponse(
  overrides: Partial<B2BAuthenticatePendingResponse> & { mfa?: Partial<MfaRequired> } = {},
): B2BAuthenticatePendingResponse {
  const { mfa, ...rest } = overrides;
  const organization = rest.organization ?? fixtureOrganization({ mfa_policy: 'REQUIRED_FOR_ALL' });
  const member = rest.member ?? fixtureMember({ organization_id: organization.organization_id });
  return {
    request_id: 'request-id-test-00000000-0000-4000-8000-000000000002',
    status_code: 200,
    member_id: member.member_id,
    organization_id: organization.organization_id,
    member,
    organization,
    member_session: null,
    session_token: '',
    session_jwt: '',
    member_authenticated: false,
    intermediate_session_token: 'intermediate-session-token-test-mfa',
    mfa_required: { member_options: null, secondary_auth_initiated: null, ...mfa },
    primary_required: null,
    ...rest,
  };
}

/** The answer of `totp.create`: a fixed secret (base32), its QR code and ten recovery codes. */
export function fixtureTotpCreateResponse(overrides: Partial<TotpCreateResponse> = {}): TotpCreateResponse {
  const member = overrides.member ?? fixtureMember();
  return {
    request_id: 'request-id-test-00000000-0000-4000-8000-000000000003',
    status_code: 200,
    member_id: member.member_id,
    member,
    organization: fixtureOrganization(),
    totp_registration_id: 'member-totp-test-00000000-0000-4000-8000-000000000001',
    secret: 'JBSWY3DPEHPK3PXP',
    qr_code: 'data:image/png;base64,iVBORw0KGgo=',
    recovery_codes: Array.from({ length: 10 }, (_, i) => `code-${i}-abcd-efgh`),
    ...overrides,
  };
}

/** A strength check's answer: a strong password by default; override any field. */
export function fixtureStrengthCheckResponse(
  overrides: Partial<PasswordStrengthCheckResponse> = {},
): PasswordStrengthCheckResponse {
  return {
    request_id: 'request-id-test-00000000-0000-4000-8000-000000000004',
    status_code: 200,
    valid_password: true,
    score: 4,
    breached_password: false,
    breach_detection_on_create: true,
    strength_policy: 'zxcvbn',
    zxcvbn_feedback: { suggestions: [], warning: '' },
    luds_feedback: {
      has_lower_case: true,
      has_upper_case: true,
      has_digit: true,
      has_symbol: true,
      missing_complexity: 0,
      missing_characters: 0,
    },
    ...overrides,
  };
}
