import type { Db } from '../db/schema.js';
import { ApiError, apiError } from '../lib/api-error.js';
import { sha256Hex } from '../lib/crypto.js';

/**
 * Runs `authenticate` (a session lookup by opaque token) and, when it finds no session, tells an
 * intermediate session token apart from an unknown one: an IST answers 401 `unauthorized_credentials`
 * (docs/security.md SES-15: an IST sent to `sessions/authenticate` is refused as a credential that
 * does not authenticate, and the client's logged-out logic runs on that type), while an unknown,
 * revoked or expired token keeps Stytch's 404 `session_not_found`. The extra lookup runs only on the
 * failure path, by the token's hash, in the caller's project.
 * @throws ApiError 401 `unauthorized_credentials` for an IST; otherwise what `authenticate` throws.
 */
export async function refusingIntermediateTokens<T>(
  db: Db,
  projectId: string,
  token: string | undefined,
  authenticate: () => Promise<T>,
): Promise<T> {
  try {
    return await authenticate();
  } catch (error) {
    if (token === undefined || !(error instanceof ApiError) || error.errorType !== 'session_not_found') throw error;
    const ist = await db
      .selectFrom('intermediate_sessions')
      .select('hash')
      .where('hash', '=', sha256Hex(token))
      .where('project_id', '=', projectId)
      .executeTakeFirst();
    if (ist === undefined) throw error;
    throw apiError(
      'unauthorized_credentials',
      'An intermediate session token is not a session: finish signing in (choose an organization or pass the second factor) first.',
    );
  }
}
