import type { TotpAuthenticateRequest, TotpCreateRequest, TotpCreateResponse } from '../protocol/mfa-types.js';
import type { B2BAuthenticateResponse } from '../protocol/types.js';
import type { FlowDeps, WithUndefined } from './deps.js';
import { withIst } from './ist.js';

/** Options of `totp.create` (Stytch's `B2BTOTPCreateOptions`). */
export type TotpCreateOptions = WithUndefined<Omit<TotpCreateRequest, 'intermediate_session_token'>>;

/** Options of `totp.authenticate` (Stytch's `B2BTOTPAuthenticateOptions`). */
export type TotpAuthenticateOptions = WithUndefined<
  Omit<TotpAuthenticateRequest, 'session_duration_minutes' | 'intermediate_session_token'>
> & {
  /** Length of the session; default the client's `sessionDurationMinutes`. */
  session_duration_minutes?: number | undefined;
};

/**
 * Authenticator-app codes (RFC 6238) as a second factor, under Stytch's names (`client.totp`). Both
 * calls carry the intermediate session of the primary factor (or, enrolling later, the session).
 */
export function createTotpFlow({ http, session, sessionDurationMinutes }: FlowDeps) {
  return {
    /**
     * Registers an authenticator app for the member: the secret, its QR code and the recovery codes,
     * each shown once (the server never returns them again). The registration counts once a code
     * from it passes `authenticate`.
     * @throws {OrgAuthApiError} `intermediate_session_not_found` without a valid IST or session.
     */
    create: (options: TotpCreateOptions): Promise<TotpCreateResponse> =>
      http.post('/b2b/totp', withIst(session, options)),
    /**
     * Proves the second factor with a code from the app: the intermediate session becomes a session.
     * @throws {OrgAuthApiError} `otp_code_not_found` for a wrong code, `totp_code_already_authenticated`
     * for a code spent in its window, `too_many_requests`.
     */
    async authenticate(options: TotpAuthenticateOptions): Promise<B2BAuthenticateResponse> {
      const body = { ...options, session_duration_minutes: options.session_duration_minutes ?? sessionDurationMinutes };
      return session.applyAuthenticateResponse(
        await http.post<B2BAuthenticateResponse>('/b2b/totp/authenticate', withIst(session, body)),
      );
    },
  };
}

/** The TOTP flow (`client.totp`). */
export type TotpFlow = ReturnType<typeof createTotpFlow>;
