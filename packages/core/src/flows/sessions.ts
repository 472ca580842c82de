import type { B2BAuthenticateResponse, SessionAuthenticateRequest } from '../protocol/types.js';
import { isUnrecoverableError } from '../session/session-manager.js';
import type { FlowDeps } from './deps.js';

/** Session calls: revalidate and revoke. */
export function createSessionsFlow({ http, session }: Pick<FlowDeps, 'http' | 'session'>) {
  return {
    /**
     * Revalidates the session (identified by the Basic-auth token) and, with
     * `session_duration_minutes`, extends it. Writes fresh tokens.
     * @throws {OrgAuthApiError} `session_not_found` etc.; those unrecoverable types also clear the session.
     */
    async authenticate(options: { session_duration_minutes?: number } = {}): Promise<B2BAuthenticateResponse> {
      const body: SessionAuthenticateRequest = {};
      if (options.session_duration_minutes !== undefined) body.session_duration_minutes = options.session_duration_minutes;
      return session.applyAuthenticateResponse(await http.post<B2BAuthenticateResponse>('/b2b/sessions/authenticate', body));
    },
    /**
     * Revokes the session on the server, then clears cookies and the cache. When the server says the
     * session is already gone the person is signed out all the same, so that is not an error.
     * @throws {OrgAuthError} other failures (network…); local state is kept unless `forceClear`.
     */
    async revoke(options: { forceClear?: boolean } = {}): Promise<void> {
      try {
        await http.post('/b2b/sessions/revoke');
      } catch (error) {
        if (isUnrecoverableError(error)) return session.clear('signed-out');
        if (options.forceClear) session.clear('signed-out');
        throw error;
      }
      session.clear('signed-out');
    },
    /** The current session tokens, or null. */
    getTokens: () => session.getTokens(),
    /** Why the last signed-in session ended (`signed-out`, `expired`, `revoked`), or null. */
    lastEndReason: () => session.lastEndReason(),
  };
}

/** The sessions flow. */
export type SessionsFlow = ReturnType<typeof createSessionsFlow>;
