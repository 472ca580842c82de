import type { DiscoveredOrganization } from '@orgauth/core/protocol';
import type { MembersTable, OrganizationsTable } from '../db/schema.js';
import { discoverOrganizations, issueIntermediateSession } from '../discovery/index.js';
import type { AppDeps } from '../http/index.js';
import { type ApiError, apiError } from '../lib/api-error.js';
import { optionalString, requiredEmail, sessionDuration, type Body } from '../lib/validate.js';
import { findMemberByEmail } from '../members/index.js';
import type { Project } from '../projects/index.js';
import { type HeldSession, proveHeldSession } from '../sessions/index.js';
import { assertPasswordAllowed, IGNORED, ignoredFields, passwordFactor, requiredPassword } from './input.js';
import { issuePasswordSession, type PasswordAuthenticatePayload } from './sign-in.js';
import { findPassword, setPassword, verifyPassword } from './store.js';
import { assertStrongPassword } from './strength.js';

/**
 * The one answer to a wrong password, an email without a password, an email of no member, and a
 * deleted member: nothing in it tells them apart (docs/security.md AUTH-03).
 */
export function wrongCredentials(): ApiError {
  return apiError('unauthorized_credentials', 'The email address or password is incorrect.');
}

/**
 * Checks the email's password, then finds its member in `organization`; any failure is
 * {@link wrongCredentials}. The member is looked up only after the password passed, so the time of a
 * refusal never depends on membership.
 */
async function provenMember(
  deps: AppDeps,
  project: Project,
  organization: OrganizationsTable,
  email: string,
  password: string,
  now: number,
): Promise<{ member: MembersTable; passwordId: string }> {
  if (!(await verifyPassword(deps.db, project.id, email, password, now))) throw wrongCredentials();
  const [member, row] = await Promise.all([
    findMemberByEmail(deps.db, organization.id, email),
    findPassword(deps.db, project.id, email),
  ]);
  if (member === undefined || member.status === 'deleted' || row === undefined) throw wrongCredentials();
  return { member, passwordId: row.id };
}

/**
 * `passwords/authenticate` (SDK and backend): the email's password signs its member in to the
 * organization. The organization's methods and a held session are checked before the password, so
 * those refusals cost no hashing and say nothing about the email.
 * @throws ApiError 401 `unauthorized_credentials`, 403 `unauthorized_action`
 */
export async function authenticatePassword(
  deps: AppDeps,
  project: Project,
  body: Body,
  organization: OrganizationsTable,
  held: HeldSession | undefined,
  customClaims?: Record<string, unknown>,
): Promise<PasswordAuthenticatePayload> {
  const email = requiredEmail(body);
  const password = requiredPassword(body, 'password');
  const durationMinutes = sessionDuration(body);
  ignoredFields(body, IGNORED);
  assertPasswordAllowed(organization);
  const now = deps.now();
  const existing = await proveHeldSession(deps.db, deps.keys, project.id, held, body, durationMinutes, now);
  const { member, passwordId } = await provenMember(deps, project, organization, email, password, now);
  const intermediateSessionToken = optionalString(body, 'intermediate_session_token', { max: 512 });
  return issuePasswordSession(
    deps,
    {
      project,
      organization,
      member,
      passwordId,
      durationMinutes,
      customClaims,
      existing,
      revokeOtherSessions: false,
      intermediateSessionToken,
    },
    now,
  );
}

/**
 * `passwords/existing_password/reset` (SDK and backend): the current password proves the member, the
 * new one (judged by passwords/strength.ts first, so a weak choice costs no hashing) replaces it for
 * every member with the email, every other session of theirs is revoked and a session starts.
 * @throws ApiError 400 `weak_password` / `breached_password`, 401 `unauthorized_credentials`, 403
 */
export async function resetByExistingPassword(
  deps: AppDeps,
  project: Project,
  body: Body,
  organization: OrganizationsTable,
  held: HeldSession | undefined,
  customClaims?: Record<string, unknown>,
): Promise<PasswordAuthenticatePayload> {
  const email = requiredEmail(body);
  const current = requiredPassword(body, 'existing_password');
  const next = requiredPassword(body, 'new_password');
  const durationMinutes = sessionDuration(body);
  ignoredFields(body, IGNORED);
  assertPasswordAllowed(organization);
  const now = deps.now();
  const existing = await proveHeldSession(deps.db, deps.keys, project.id, held, body, durationMinutes, now);
  await assertStrongPassword(next, email);
  const { member } = await provenMember(deps, project, organization, email, current, now);
  const row = await setPassword(deps.db, project.id, email, next, now);
  return issuePasswordSession(
    deps,
    {
      project,
      organization,
      member,
      passwordId: row.id,
      durationMinutes,
      customClaims,
      existing,
      revokeOtherSessions: true,
    },
    now,
  );
}

/**
 * `passwords/discovery/authenticate` (SDK and backend): the email's password becomes an intermediate
 * session plus the organizations found, judged against `password`, the same answer as the other
 * discovery methods, so listing, creating and exchanging work unchanged.
 * @throws ApiError 401 `unauthorized_credentials`
 */
export async function authenticateDiscoveryPassword(
  deps: AppDeps,
  project: Project,
  body: Body,
): Promise<{
  intermediate_session_token: string;
  email_address: string;
  discovered_organizations: DiscoveredOrganization[];
}> {
  const email = requiredEmail(body);
  const password = requiredPassword(body, 'password');
  ignoredFields(body, IGNORED);
  const now = deps.now();
  if (!(await verifyPassword(deps.db, project.id, email, password, now))) throw wrongCredentials();
  const ist = await issueIntermediateSession(deps.db, project.id, email, [passwordFactor('', email, now)], now);
  return {
    intermediate_session_token: ist,
    email_address: email,
    discovered_organizations: await discoverOrganizations(deps.db, project.id, email, ['password']),
  };
}
