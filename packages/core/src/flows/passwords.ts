import type {
  PasswordAuthenticateRequest,
  PasswordAuthenticateResponse,
  PasswordResetByEmailRequest,
  PasswordResetByEmailStartRequest,
  PasswordResetByExistingPasswordRequest,
  PasswordStrengthCheckRequest,
  PasswordStrengthCheckResponse,
} from '../protocol/password-types.js';
import type { B2BAuthenticateResponse, CommonResponse } from '../protocol/types.js';
import { createPkceStore } from '../pkce.js';
import type { FlowDeps, WithUndefined } from './deps.js';
import { withIst } from './ist.js';
import { createPasswordsDiscovery } from './passwords-discovery.js';

/** A session length: default the client's `sessionDurationMinutes`. */
type Minutes = { session_duration_minutes?: number | undefined };

/** Options of `passwords.authenticate` (Stytch's `B2BPasswordAuthenticateOptions`). */
export type PasswordAuthenticateOptions = WithUndefined<
  Omit<PasswordAuthenticateRequest, 'session_duration_minutes' | 'code_verifier' | 'intermediate_session_token'>
> &
  Minutes;
/** Options of `passwords.strengthCheck` (Stytch's `B2BPasswordStrengthCheckOptions`). */
export type PasswordStrengthCheckOptions = WithUndefined<PasswordStrengthCheckRequest>;
/** Options of `passwords.resetByEmailStart` (Stytch's `B2BPasswordResetByEmailStartOptions`). */
export type PasswordResetByEmailStartOptions = WithUndefined<Omit<PasswordResetByEmailStartRequest, 'code_challenge'>>;
/** Options of `passwords.resetByEmail` (Stytch's `B2BPasswordResetByEmailOptions`). */
export type PasswordResetByEmailOptions = WithUndefined<
  Omit<PasswordResetByEmailRequest, 'session_duration_minutes' | 'code_verifier' | 'intermediate_session_token'>
> &
  Minutes;
/** Options of `passwords.resetByExistingPassword` (Stytch's `B2BPasswordResetByExistingPasswordOptions`). */
export type PasswordResetByExistingPasswordOptions = WithUndefined<
  Omit<PasswordResetByExistingPasswordRequest, 'session_duration_minutes'>
> &
  Minutes;
/** Options of `passwords.resetBySession` (Stytch's `B2BPasswordResetBySessionOptions`). */
export interface PasswordResetBySessionOptions {
  password: string;
}

/**
 * Passwords, under Stytch's names. A reset mail asked for here carries a PKCE challenge when the
 * project requires it (bootstrap `pkce_required_for_password_resets`): the link then works only in
 * this browser, so a reset link minted by an attacker cannot set a victim's password. The one
 * `passwords` pair is reused for a resend and cleared only after a successful reset
 * (docs/wire-protocol.md §2.9); a password sign-in sends its verifier but keeps it.
 */
export function createPasswordsFlow(deps: FlowDeps) {
  const { http, session, platform, publicToken, bootstrap, sessionDurationMinutes } = deps;
  const pkce = createPkceStore(platform, publicToken);
  const verifier = () => pkce.get('passwords')?.code_verifier;
  const challenge = async () =>
    (await bootstrap()).pkce_required_for_password_resets
      ? (await pkce.getOrCreate('passwords')).code_challenge
      : undefined;
  const minutes = (options: Minutes) => options.session_duration_minutes ?? sessionDurationMinutes;
  // A wrong password is `unauthorized_credentials`, which is no news about the session: the session
  // (or the IST of a factor proven earlier) stays (transport/http.ts `sessionErrors`).
  const signIn = async (path: string, body: object) =>
    session.applyAuthenticateResponse(
      await http.request<PasswordAuthenticateResponse>('POST', path, body, { sessionErrors: false }),
    );

  return {
    /**
     * Signs in to the organization with the member's email and password. On an organization that
     * requires a second factor the answer has `member_authenticated: false` and an IST (kept in its
     * cookie; the session stays empty) instead of a session.
     * @throws {OrgAuthApiError} `unauthorized_credentials` for a wrong email or password (the same for
     * both), `reset_password` when the password must be reset first, `too_many_requests`.
     */
    authenticate: (options: PasswordAuthenticateOptions): Promise<PasswordAuthenticateResponse> =>
      signIn(
        '/b2b/passwords/authenticate',
        withIst(session, { ...options, session_duration_minutes: minutes(options), code_verifier: verifier() }),
      ),
    /**
     * Scores a password as the server will judge it when set (zxcvbn and the breached list), for
     * feedback while it is typed; sets nothing.
     */
    strengthCheck: (options: PasswordStrengthCheckOptions): Promise<PasswordStrengthCheckResponse> =>
      http.post('/b2b/passwords/strength_check', options),
    /**
     * Emails a reset link to the address if it belongs to a member of the organization; the answer
     * is the same either way (no enumeration).
     * @throws {OrgAuthApiError} `invalid_email`, `invalid_redirect_url`, `too_many_requests`.
     */
    resetByEmailStart: async (options: PasswordResetByEmailStartOptions): Promise<CommonResponse> =>
      http.post('/b2b/passwords/email/reset/start', { ...options, code_challenge: await challenge() }),
    /**
     * Sets a new password with the mail's token and signs in (or owes a second factor, as
     * `authenticate`); every other session of the member ends.
     * @throws {OrgAuthApiError} `unable_to_auth_magic_link` for a used or expired link, `pkce_mismatch` when it
     * was asked for from another browser, `weak_password` / `breached_password`.
     */
    async resetByEmail(options: PasswordResetByEmailOptions): Promise<PasswordAuthenticateResponse> {
      const body = { ...options, session_duration_minutes: minutes(options), code_verifier: verifier() };
      const response = await http.post<PasswordAuthenticateResponse>(
        '/b2b/passwords/email/reset',
        withIst(session, body),
      );
      pkce.clear('passwords');
      return session.applyAuthenticateResponse(response);
    },
    /**
     * Replaces a password by proving the current one, and signs in.
     * @throws {OrgAuthApiError} `unauthorized_credentials`, `weak_password`, `breached_password`.
     */
    resetByExistingPassword: (options: PasswordResetByExistingPasswordOptions): Promise<PasswordAuthenticateResponse> =>
      signIn('/b2b/passwords/existing_password/reset', { ...options, session_duration_minutes: minutes(options) }),
    /**
     * Sets the signed-in member's password (the session proves who they are); the session is answered again.
     * @throws {OrgAuthApiError} `weak_password`, `breached_password`, `unauthorized_credentials` without a session.
     */
    resetBySession: async (options: PasswordResetBySessionOptions): Promise<B2BAuthenticateResponse> =>
      session.applyAuthenticateResponse(
        await http.post<B2BAuthenticateResponse>('/b2b/passwords/session/reset', { password: options.password }),
      ),
    discovery: createPasswordsDiscovery(deps, pkce, challenge),
  };
}

/** The passwords flow (`client.passwords`). */
export type PasswordsFlow = ReturnType<typeof createPasswordsFlow>;
