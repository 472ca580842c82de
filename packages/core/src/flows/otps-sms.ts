import type { OtpSmsAuthenticateRequest, OtpSmsSendRequest } from '../protocol/mfa-types.js';
import type { B2BAuthenticateResponse, CommonResponse } from '../protocol/types.js';
import type { FlowDeps, WithUndefined } from './deps.js';
import { withIst } from './ist.js';

/** Options of `otps.sms.send` (Stytch's `B2BSMSSendOptions`). */
export type OtpSmsSendOptions = WithUndefined<Omit<OtpSmsSendRequest, 'intermediate_session_token'>>;

/** Options of `otps.sms.authenticate` (Stytch's `B2BSMSAuthenticateOptions`). */
export type OtpSmsAuthenticateOptions = WithUndefined<
  Omit<OtpSmsAuthenticateRequest, 'session_duration_minutes' | 'intermediate_session_token'>
> & {
  /** Length of the session; default the client's `sessionDurationMinutes`. */
  session_duration_minutes?: number | undefined;
};

/**
 * SMS one-time codes as a second factor (`client.otps.sms`): a module of its own so an app that only
 * emails codes does not carry it. Both calls carry the intermediate session of the primary factor.
 */
export function createOtpsSmsFlow({ http, session, sessionDurationMinutes }: FlowDeps) {
  return {
    /**
     * Texts a code to the member's verified phone, or to `mfa_phone_number` to enrol one (refused for
     * a member who has a verified phone already). A new send makes the previous code useless.
     * @throws {OrgAuthApiError} `intermediate_session_not_found`, `too_many_requests`.
     */
    send: (options: OtpSmsSendOptions): Promise<CommonResponse> =>
      http.post('/b2b/otps/sms/send', withIst(session, options)),
    /**
     * Proves the second factor with the texted code: the intermediate session becomes a session
     * (and a phone being enrolled becomes the member's verified one).
     * @throws {OrgAuthApiError} `otp_code_not_found` for a wrong code, `unable_to_auth_otp_code` past
     * its expiry, `too_many_otp_attempts`.
     */
    async authenticate(options: OtpSmsAuthenticateOptions): Promise<B2BAuthenticateResponse> {
      const body = { ...options, session_duration_minutes: options.session_duration_minutes ?? sessionDurationMinutes };
      return session.applyAuthenticateResponse(
        await http.post<B2BAuthenticateResponse>('/b2b/otps/sms/authenticate', withIst(session, body)),
      );
    },
  };
}

/** The SMS codes flow (`client.otps.sms`). */
export type OtpsSmsFlow = ReturnType<typeof createOtpsSmsFlow>;
