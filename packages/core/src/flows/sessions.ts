import type { SessionExchangeRequest } from '../protocol/member-types.js';
import type { B2BAuthenticateResponse, SessionAuthenticateRequest } from '../protocol/types.js';
import { isUnrecoverableError } from '../session/session-manager.js';
import type { FlowDeps, WithUndefined } from './deps.js';

/** Options of `session.exchange` (Stytch's `B2BSessionExchangeOptions`). */
export interface SessionExchangeOptions
  extends WithUndefined<Omit<SessionExchangeRequest, 'session_duration_minutes'>> {
  /** Length of the new session; default the client's `sessionDurationMinutes`. */
  session_duration_minutes?: number | undefined;
}

/** Session calls: revalidate, switch organization, revoke. */
export function createSessionsFlow({
  http,
  session,
  sessionDurationMinutes,
}: Pick<FlowDeps, 'http' | 'session' | 'sessionDurationMinutes'>) {
  return {
    /**
     * Revalidates the session (identified by the Basic-auth token) and, with
     * `session_duration_minutes`, extends it. Writes fresh tokens, unless another tab has signed in or
     * out since the request left: then the answer is dropped and the store shows the newer state.
     * @returns the server's answer, also when it was dropped.
     * @throws {OrgAuthApiError} `session_not_found` etc.; those unrecoverable types also clear the
     * session, if it is still the cookie's.
     */
    async authenticate(options: { session_duration_minutes?: number } = {}): Promise<B2BAuthenticateResponse> {
      const body: SessionAuthenticateRequest = {};
      if (options.session_duration_minutes !== undefined)
        body.session_duration_minutes = options.session_duration_minutes;
      // The transport reads the same cookie for the Basic-auth header in this same tick.
      const sent = session.getSessionToken();
      const response = await http.post<B2BAuthenticateResponse>('/b2b/sessions/authenticate', body);
      if (session.isCurrent(sent)) session.applyAuthenticateResponse(response);
      return response;
    },
    /**
     * Switches to another organization of the same email: the session (Basic auth) is traded for one
     * there, which the store, cookies and cache then hold. When that organization does not accept the
     * factors the session was proven with, the answer carries an intermediate session instead (the
     * store goes `intermediate`), as after a first factor.
     * @throws {OrgAuthApiError} e.g. `organization_not_found`, `unauthorized_credentials`.
     * @example
     * await client.session.exchange({ organization_id: 'organization-test-…' });
     */
    exchange: async (options: SessionExchangeOptions): Promise<B2BAuthenticateResponse> =>
      session.applyAuthenticateResponse(
        await http.post<B2BAuthenticateResponse>('/b2b/sessions/exchange', {
          ...options,
          session_duration_minutes: options.session_duration_minutes ?? sessionDurationMinutes,
        }),
      ),
    /**
     * Revokes the session on the server, then clears cookies and the cache. When the server says the
     * session is already gone the person is signed out all the same, so that is not an error. A
     * session another tab started meanwhile is not the one revoked, and stays.
     * @throws {OrgAuthError} other failures (network…); local state is kept unless `forceClear`.
     */
    async revoke(options: { forceClear?: boolean } = {}): Promise<void> {
      const sent = session.getSessionToken();
      let failure: unknown;
      try {
        await http.post('/b2b/sessions/revoke');
      } catch (error) {
        // The transport has already ended a session the server no longer knows (if still the cookie's).
        if (isUnrecoverableError(error)) return;
        if (!options.forceClear) throw error;
        failure = error;
      }
      if (session.isCurrent(sent)) session.clear('signed-out');
      if (failure) throw failure;
    },
    /** The current session tokens, or null. */
    getTokens: session.getTokens,
    /** Why the last signed-in session ended (`signed-out`, `expired`, `revoked`), or null. */
    lastEndReason: session.lastEndReason,
  };
}

/** The sessions flow. */
export type SessionsFlow = ReturnType<typeof createSessionsFlow>;
