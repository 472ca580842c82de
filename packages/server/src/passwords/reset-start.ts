import type { MembersTable, OrganizationsTable } from '../db/schema.js';
import type { AppDeps } from '../http/index.js';
import { apiError, badRequest } from '../lib/api-error.js';
import { optionalInteger, optionalString, requiredEmail, type Body } from '../lib/validate.js';
import { optionalRedirectUrl } from '../magic-links/index.js';
import { assertPrimaryFactorsAllowed, findMemberByEmail } from '../members/index.js';
import type { Project } from '../projects/index.js';
import { composeResetMail } from './reset-mail.js';
import { issueResetToken, RESET_TTL } from './reset-tokens.js';
import { ignoredFields } from './input.js';
import { findPassword } from './store.js';

const PKCE_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

/**
 * The PKCE challenge of a start call, under Stytch's name for it (`code_challenge` for organization
 * resets, `pkce_code_challenge` for discovery ones); `''` counts as omitted.
 * Login CSRF (docs/security.md CSRF-02): a reset link minted through the public-token API without a
 * challenge could be planted in a victim's browser, which would then set a password on, and sign in
 * to, the attacker's account. The SDK must therefore bind every reset to its own browser (the
 * bootstrap says `pkce_required_for_password_resets`); the backend API, which holds the secret, may
 * start resets without one.
 * @throws ApiError 400 `pkce_required` (required and missing), `bad_request` (malformed)
 */
export function resetChallenge(body: Body, key: string, required: boolean): string | undefined {
  const challenge = optionalString(body, key, { max: 128 });
  if (challenge === undefined || challenge === '') {
    if (required)
      throw apiError('pkce_required', `${key} is required: SDK password resets must be bound to the browser (PKCE).`);
    return undefined;
  }
  if (!PKCE_CHALLENGE.test(challenge)) throw badRequest(`${key} must be a 43-character base64url SHA-256 digest.`);
  return challenge;
}

/** The fields every start call shares, read and checked before anything depends on the email. */
interface StartFields {
  email: string;
  ttlMinutes: number;
  locale: string | undefined;
  redirectUrl: string;
}

/** Stytch's template ids, captcha and fingerprint fields: accepted for compatibility, not used. */
const IGNORED = ['reset_password_template_id', 'verify_email_template_id', 'captcha_token', 'dfp_telemetry_id'];

async function readStart(deps: AppDeps, project: Project, body: Body, otherUrl: 'login' | 'discovery') {
  const email = requiredEmail(body);
  const requested = optionalRedirectUrl(body, 'reset_password_redirect_url');
  const other = optionalRedirectUrl(body, `${otherUrl}_redirect_url`);
  const ttlMinutes =
    optionalInteger(body, 'reset_password_expiration_minutes', RESET_TTL.min, RESET_TTL.max) ?? RESET_TTL.default;
  ignoredFields(body, IGNORED);
  const locale = optionalString(body, 'locale', { max: 128 });
  const redirectUrl = await deps.projects.resolveRedirectUrl(project.id, 'reset_password', requested);
  // The mail has no "sign in without a password" link, but a URL given is still held to the allowlist.
  if (other !== undefined) await deps.projects.resolveRedirectUrl(project.id, otherUrl, other);
  return { email, ttlMinutes, locale, redirectUrl } satisfies StartFields;
}

/**
 * `passwords/email/reset/start` (SDK and backend): mails a reset link when `email` is a member of
 * `organization` (not deleted), and nothing otherwise. Every check that does not depend on the email
 * (redirect URLs, lifetime, PKCE, the organization's auth methods) runs BEFORE the member lookup, so
 * no error tells a member from a stranger (docs/security.md AUTH-03); the SDK route answers `{}`
 * either way. The mail says "set" when the email has no password yet.
 * @returns the member mailed, for the backend's answer; `undefined` when none was.
 */
export async function startOrganizationReset(
  deps: AppDeps,
  project: Project,
  body: Body,
  organization: OrganizationsTable,
  options: { requireChallenge: boolean },
): Promise<MembersTable | undefined> {
  const codeChallenge = resetChallenge(body, 'code_challenge', options.requireChallenge);
  const fields = await readStart(deps, project, body, 'login');
  assertPrimaryFactorsAllowed(organization, ['password']);
  const now = deps.now();
  const done = await deps.db.transaction().execute(async (trx) => {
    const member = await findMemberByEmail(trx, organization.id, fields.email);
    if (member === undefined || member.status === 'deleted') return undefined;
    const binding = { projectId: project.id, email: fields.email, organizationId: organization.id, codeChallenge };
    const token = await issueResetToken(trx, { ...binding, ttlMinutes: fields.ttlMinutes }, now);
    const firstPassword = (await findPassword(trx, project.id, fields.email)) === undefined;
    const mail = await composeResetMail(trx, { ...fields, projectId: project.id, token, organization, firstPassword });
    return { member, mail };
  });
  if (done === undefined) return undefined;
  await deps.mailer.send({ projectId: project.id, to: fields.email, ...done.mail });
  return done.member;
}

/**
 * `passwords/discovery/reset/start` (SDK; backend `passwords/discovery/email/reset/start`): mails a
 * reset link to any email, so the answer never tells who has an account. An email without a
 * password gets the "set your password" mail: this is also how a new person signs up with a
 * password through discovery.
 */
export async function startDiscoveryReset(
  deps: AppDeps,
  project: Project,
  body: Body,
  options: { requireChallenge: boolean },
): Promise<Record<string, never>> {
  const codeChallenge = resetChallenge(body, 'pkce_code_challenge', options.requireChallenge);
  const fields = await readStart(deps, project, body, 'discovery');
  const now = deps.now();
  const mail = await deps.db.transaction().execute(async (trx) => {
    const binding = { projectId: project.id, email: fields.email, codeChallenge, ttlMinutes: fields.ttlMinutes };
    const token = await issueResetToken(trx, binding, now);
    const firstPassword = (await findPassword(trx, project.id, fields.email)) === undefined;
    return composeResetMail(trx, { ...fields, projectId: project.id, token, firstPassword });
  });
  await deps.mailer.send({ projectId: project.id, to: fields.email, ...mail });
  return {};
}
