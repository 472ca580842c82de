import type {
  RecoveryCodesRecoverRequest,
  RecoveryCodesRecoverResponse,
  RecoveryCodesResponse,
} from '../protocol/mfa-types.js';
import type { FlowDeps, WithUndefined } from './deps.js';
import { withIst } from './ist.js';

/** Options of `recoveryCodes.recover` (Stytch's `RecoveryCodeRecoverOptions`). */
export type RecoveryCodesRecoverOptions = WithUndefined<
  Omit<RecoveryCodesRecoverRequest, 'session_duration_minutes' | 'intermediate_session_token'>
> & {
  /** Length of the session; default the client's `sessionDurationMinutes`. */
  session_duration_minutes?: number | undefined;
};

/**
 * Recovery codes (`client.recoveryCodes`): ten single-use codes that stand in for the authenticator
 * app. `recover` spends one as the second factor; `get` and `rotate` need a session.
 */
export function createRecoveryCodesFlow({ http, session, sessionDurationMinutes }: FlowDeps) {
  return {
    /** The signed-in member's unused recovery codes. */
    get: (): Promise<RecoveryCodesResponse> => http.get('/b2b/recovery_codes'),
    /**
     * Spends a recovery code as the second factor: the intermediate session becomes a session.
     * @throws {OrgAuthApiError} `recovery_code_not_found` for a wrong or spent code, `too_many_requests`.
     */
    async recover(options: RecoveryCodesRecoverOptions): Promise<RecoveryCodesRecoverResponse> {
      const body = { ...options, session_duration_minutes: options.session_duration_minutes ?? sessionDurationMinutes };
      return session.applyAuthenticateResponse(
        await http.post<RecoveryCodesRecoverResponse>('/b2b/recovery_codes/recover', withIst(session, body)),
      );
    },
    /** Replaces the signed-in member's recovery codes with ten new ones (the old ones stop working). */
    rotate: (): Promise<RecoveryCodesResponse> => http.post('/b2b/recovery_codes/rotate', {}),
  };
}

/** The recovery codes flow (`client.recoveryCodes`). */
export type RecoveryCodesFlow = ReturnType<typeof createRecoveryCodesFlow>;
