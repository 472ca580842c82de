import type { AuthenticationFactor } from '@orgauth/core/protocol';
import type { AppDeps } from '../http/index.js';
import { apiError, badRequest } from '../lib/api-error.js';
import { parseJson } from '../lib/json.js';
import { optionalString, sessionDuration, type Body } from '../lib/validate.js';
import type { Project } from '../projects/index.js';
import {
  authenticateResponse,
  proveSession,
  revokeSessionsForEmail,
  rotateSessionToken,
  type SessionCredentials,
} from '../sessions/index.js';
import { assertPasswordAllowed, IGNORED, ignoredFields, requiredPassword } from './input.js';
import type { PasswordAuthenticatePayload } from './sign-in.js';
import { setPassword } from './store.js';
import { assertStrongPassword } from './strength.js';

/** How recent a factor of the session must be to set a password from it (Stytch's 5 minutes). */
export const RESET_FRESHNESS_MS = 5 * 60_000;

/**
 * `passwords/session/reset` (SDK: the session is the Basic password; backend: `session_token` /
 * `session_jwt`): a signed-in member sets the password of their email. The session must hold a factor
 * proven in the last {@link RESET_FRESHNESS_MS}, so a session stolen or left open long ago cannot
 * take over the password. Every other session of the email's members is revoked, and this one gets a
 * new token (the old one dies with the change).
 * @throws ApiError 404 `session_not_found`, 400 `session_too_old_to_reset_password` / `weak_password`
 *   / `breached_password`, 403 `unauthorized_action`
 */
export async function resetBySession(
  deps: AppDeps,
  project: Project,
  body: Body,
  credentials: SessionCredentials,
): Promise<PasswordAuthenticatePayload> {
  const password = requiredPassword(body, 'password');
  const organizationId = optionalString(body, 'organization_id', { max: 256 });
  // Validated for the SDK's sake; the session keeps its expiry (a password change is no sign-in).
  if (body.session_duration_minutes !== undefined && body.session_duration_minutes !== null) sessionDuration(body);
  ignoredFields(body, IGNORED);
  const now = deps.now();
  const { loaded } = await proveSession(deps.db, deps.keys, project.id, credentials, now);
  if (organizationId !== undefined && organizationId !== loaded.organization.id)
    throw badRequest('organization_id is not the organization of the session.');
  assertPasswordAllowed(loaded.organization);
  const factors = parseJson<AuthenticationFactor[]>(loaded.session.factors, []);
  const fresh = factors.some((f) => now - Date.parse(f.last_authenticated_at) <= RESET_FRESHNESS_MS);
  if (!fresh)
    throw apiError(
      'session_too_old_to_reset_password',
      'Sign in again: a password can be set only within 5 minutes of signing in.',
    );
  const email = loaded.member.email;
  await assertStrongPassword(password, email);
  const row = await setPassword(deps.db, project.id, email, password, now);
  const token = await deps.db.transaction().execute(async (trx) => {
    await revokeSessionsForEmail(trx, project.id, email, loaded.session.id, now);
    return rotateSessionToken(trx, loaded.session.id);
  });
  const payload = await authenticateResponse(deps.keys, loaded, token, now);
  return { ...payload, member: { ...payload.member, member_password_id: row.id } };
}
