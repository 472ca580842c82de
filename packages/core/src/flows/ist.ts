import type { SessionManager } from '../session/session-manager.js';

/**
 * `body` with the intermediate session token from its cookie, as Stytch's SDK adds it to the calls
 * docs/wire-protocol.md marks `+IST` (key left out when there is none): a primary factor proven
 * earlier, or the pending second factor, travels with the next factor.
 */
export const withIst = <T extends object>(
  session: SessionManager,
  body: T,
): T & { intermediate_session_token?: string | undefined } => ({
  ...body,
  intermediate_session_token: session.getIntermediateSessionToken(),
});
