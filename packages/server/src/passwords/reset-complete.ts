import type { DiscoveredOrganization } from '@orgauth/core/protocol';
import { discoverOrganizations, issueIntermediateSession } from '../discovery/index.js';
import { type AppDeps, clearEmailFailures } from '../http/index.js';
import { apiError } from '../lib/api-error.js';
import { optionalString, requiredString, sessionDuration, type Body } from '../lib/validate.js';
import { activateMember, assertPrimaryFactorsAllowed, findMemberByEmail } from '../members/index.js';
import { findOrganization } from '../organizations/index.js';
import type { Project } from '../projects/index.js';
import { type HeldSession, proveHeldSession, revokeSessionsForEmail } from '../sessions/index.js';
import { ignoredFields, passwordFactor, requiredPassword } from './input.js';
import { keptSessionId, type ResetAuthBody, resetAuthResponse, signInAfterReset } from './reset-sign-in.js';
import { consumeResetToken, peekResetEmail, spendOtherResets } from './reset-tokens.js';
import { hashPassword } from './hash.js';
import { storePasswordHash } from './store.js';
import { assertStrongPassword } from './strength.js';

/**
 * The new password judged (passwords/strength.ts, against the link's email) and hashed. Done BEFORE
 * the transaction that spends the link ({@link judgedHash}): scrypt takes long enough that holding
 * the database meanwhile would stall every other write (SQLite has one writer). A link that would be
 * refused gets neither; the transaction then refuses it with its reason (unknown, spent, PKCE).
 */
async function strongHash(password: string, email: string): Promise<string> {
  await assertStrongPassword(password, email);
  return hashPassword(password);
}

/** See {@link strongHash}; `undefined` (nothing judged) for a link the transaction will refuse. */
async function judgedHash(
  deps: AppDeps,
  project: Project,
  kind: 'organization' | 'discovery',
  token: string,
  verifier: string | undefined,
  password: string,
): Promise<string | undefined> {
  const email = await peekResetEmail(deps.db, project.id, kind, token, verifier, deps.now());
  return email === undefined ? undefined : strongHash(password, email);
}

/** An optional PKCE verifier; `''` counts as omitted. */
function readVerifier(body: Body, key: string): string | undefined {
  const verifier = optionalString(body, key, { max: 256 });
  return verifier === '' ? undefined : verifier;
}

/**
 * `passwords/email/reset` (SDK and backend): judges and hashes the new password first
 * ({@link judgedHash}), then in one transaction spends the link, stores the password (for every
 * member with that email: passwords are per email), spends the email's other reset links, verifies
 * and activates the member, signs in through {@link signInAfterReset} and revokes every other
 * session of the email's members (SES-07), and clears the email's sign-in failures (AUTH-01: the
 * link proved the inbox). Any refusal (a weak or breached password, an
 * organization that no longer allows passwords) leaves the link usable: the strength is judged
 * before it is spent, and later refusals roll the transaction back. A held session is proven
 * BEFORE the link is spent.
 * @throws ApiError 401 `unable_to_auth_magic_link`, 400 `pkce_mismatch`, the strength refusals
 *   (passwords/strength.ts), 404 `organization_not_found` / `member_not_found`, 403 `unauthorized_action`
 */
export async function resetByEmail(
  deps: AppDeps,
  project: Project,
  body: Body,
  held?: HeldSession,
  customClaims?: Record<string, unknown>,
): Promise<ResetAuthBody & { member_email_id: string }> {
  const token = requiredString(body, 'password_reset_token', { max: 512 });
  const password = requiredPassword(body, 'password');
  const verifier = readVerifier(body, 'code_verifier');
  const durationMinutes = sessionDuration(body);
  const intermediateSessionToken = optionalString(body, 'intermediate_session_token', { max: 512 });
  ignoredFields(body, ['locale', 'telemetry_id', 'dfp_telemetry_id']);
  const now = deps.now();
  const existing = await proveHeldSession(deps.db, deps.keys, project.id, held, body, durationMinutes, now);
  const hash = await judgedHash(deps, project, 'organization', token, verifier, password);
  const outcome = await deps.db.transaction().execute(async (trx) => {
    const { email, organizationId } = await consumeResetToken(trx, project.id, 'organization', token, verifier, now);
    const organization = await findOrganization(trx, project.id, organizationId ?? '');
    if (organization === undefined)
      throw apiError('organization_not_found', 'The organization of this reset link no longer exists.');
    assertPrimaryFactorsAllowed(organization, ['password']);
    const found = await findMemberByEmail(trx, organization.id, email);
    if (found === undefined || found.status === 'deleted')
      throw apiError('member_not_found', 'The member of this reset link no longer exists in the organization.');
    const row = await storePasswordHash(trx, project.id, email, hash ?? (await strongHash(password, email)), now);
    await spendOtherResets(trx, project.id, email, now);
    const member = await activateMember(trx, found, now);
    const factors = [passwordFactor(member.email_id, member.email, now)];
    const start = { member, organization, factors, durationMinutes, customClaims, existing, intermediateSessionToken };
    const signedIn = await signInAfterReset(trx, start, now);
    await revokeSessionsForEmail(trx, project.id, email, keptSessionId(signedIn), now);
    return { signedIn, passwordId: row.id, memberEmailId: member.email_id, email };
  });
  // The link proved the inbox: failures others made against this email no longer hold its owner back (AUTH-01).
  await clearEmailFailures(deps.rateLimiter, project.id, outcome.email);
  const payload = await resetAuthResponse(deps, outcome.signedIn, now);
  return {
    ...payload,
    member: { ...payload.member, member_password_id: outcome.passwordId },
    member_email_id: outcome.memberEmailId,
  };
}

/** The `passwords/discovery/reset` answer without `request_id` / `status_code`. */
export interface DiscoveryResetBody {
  intermediate_session_token: string;
  email_address: string;
  discovered_organizations: DiscoveredOrganization[];
  organization_id_hint: null;
}

/**
 * `passwords/discovery/reset` (SDK; backend `passwords/discovery/email/reset`): spends a discovery
 * reset link, checks and stores the password, revokes the email's sessions everywhere, and answers
 * as every discovery proof does: an intermediate session and the organizations the email can enter
 * (judged against `password`). For an email without a password this is the password sign-up.
 * @throws ApiError 401 `unable_to_auth_magic_link`, 400 `pkce_mismatch`, the strength refusals
 */
export async function resetDiscoveryByEmail(deps: AppDeps, project: Project, body: Body): Promise<DiscoveryResetBody> {
  const token = requiredString(body, 'password_reset_token', { max: 512 });
  const password = requiredPassword(body, 'password');
  const verifier = readVerifier(body, 'pkce_code_verifier');
  ignoredFields(body, ['intermediate_session_token', 'telemetry_id', 'dfp_telemetry_id', 'locale']);
  const now = deps.now();
  const hash = await judgedHash(deps, project, 'discovery', token, verifier, password);
  const { email, ist } = await deps.db.transaction().execute(async (trx) => {
    const { email } = await consumeResetToken(trx, project.id, 'discovery', token, verifier, now);
    await storePasswordHash(trx, project.id, email, hash ?? (await strongHash(password, email)), now);
    await spendOtherResets(trx, project.id, email, now);
    await revokeSessionsForEmail(trx, project.id, email, undefined, now);
    const factor = passwordFactor('', email, now);
    return { email, ist: await issueIntermediateSession(trx, project.id, email, [factor], now) };
  });
  await clearEmailFailures(deps.rateLimiter, project.id, email);
  return {
    intermediate_session_token: ist,
    email_address: email,
    discovered_organizations: await discoverOrganizations(deps.db, project.id, email, ['password']),
    organization_id_hint: null,
  };
}
