import type { MembersTable, OrganizationsTable } from '../db/schema.js';
import { inviteMember } from './invites.js';
import { assertMagicLinkAllowed } from '../members/index.js';
import {
  authenticateOrgMagicLink,
  decideLoginOrSignup,
  issueOrgMagicLink,
  type LoginOrSignupOutcome,
} from './organization-links.js';
import type { Project } from '../projects/index.js';
import { type AuthRespBody, primaryAuthResponse } from '../mfa/index.js';
import { type HeldSession, proveHeldSession } from '../sessions/index.js';
import type { AppDeps } from '../http/index.js';
import { apiError, badRequest } from '../lib/api-error.js';
import {
  optionalInteger,
  optionalObject,
  optionalString,
  optionalStringArray,
  requiredEmail,
  requiredString,
  sessionDuration,
  type Body,
} from '../lib/validate.js';

/** Stytch's bounds and defaults of magic-link lifetimes, in minutes (1 week maximum). */
const LINK_TTL = { min: 5, max: 10_080, login: 60, signup: 60, invite: 10_080 } as const;
const PKCE_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

/** The optional `pkce_code_challenge`: a 43-character base64url SHA-256 digest. */
export function optionalPkceChallenge(body: Body): string | undefined {
  const challenge = optionalString(body, 'pkce_code_challenge');
  if (challenge === undefined || challenge === '') return undefined;
  if (!PKCE_CHALLENGE.test(challenge))
    throw badRequest('pkce_code_challenge must be a 43-character base64url SHA-256 digest.');
  return challenge;
}

/**
 * Login CSRF (docs/security.md CSRF-02): a link minted through the public-token API without a challenge
 * could be redeemed by any browser, so an attacker could mail one to themselves and have a victim
 * open it, signing the victim in to the attacker's account. The SDK therefore must bind every email
 * login link to its own browser's verifier (the bootstrap says `pkce_required_for_email_magic_links`).
 * Checked first in the handler, so a refusal never mails or writes a token; the rate-limit
 * middleware has already counted it as a send (as any other refused send), which is harmless.
 * Invites are exempt (the invitee opens the link in another browser by design), and so is the
 * backend API (a server holding the secret may mail links without PKCE).
 */
export function assertPkceChallenge(body: Body): void {
  if (optionalPkceChallenge(body) === undefined) {
    throw apiError(
      'pkce_required',
      'pkce_code_challenge is required: SDK email magic links must be bound to the browser that asked for them (PKCE).',
    );
  }
}

/** An optional redirect URL field; `''` counts as omitted (the type's default applies). */
export function optionalRedirectUrl(body: Body, key: string): string | undefined {
  const url = optionalString(body, key, { max: 2048 });
  return url === '' ? undefined : url;
}

/** Stytch's template ids are accepted for compatibility; templates are set per environment instead (mail/). */
function ignoredPresentationFields(body: Body, keys: string[]): void {
  for (const key of keys) optionalString(body, key, { max: 128 });
}

/**
 * `magic_links/email/login_or_signup`, shared by the SDK and backend routes. Every input check that
 * does not depend on the email (organization, both redirect URLs, lifetimes, PKCE) runs BEFORE the
 * member lookup, so an error can never tell an existing email from an unknown one.
 */
export async function loginOrSignup(
  deps: AppDeps,
  project: Project,
  body: Body,
  organization: OrganizationsTable,
): Promise<LoginOrSignupOutcome> {
  const email = requiredEmail(body);
  const loginUrl = optionalRedirectUrl(body, 'login_redirect_url');
  const signupUrl = optionalRedirectUrl(body, 'signup_redirect_url');
  const loginTtl = optionalInteger(body, 'login_expiration_minutes', LINK_TTL.min, LINK_TTL.max) ?? LINK_TTL.login;
  const signupTtl = optionalInteger(body, 'signup_expiration_minutes', LINK_TTL.min, LINK_TTL.max) ?? LINK_TTL.signup;
  const pkceChallenge = optionalPkceChallenge(body);
  ignoredPresentationFields(body, ['login_template_id', 'signup_template_id']);
  const locale = optionalString(body, 'locale', { max: 128 });
  const login = await deps.projects.resolveRedirectUrl(project.id, 'login', loginUrl);
  const signup = await deps.projects.resolveRedirectUrl(project.id, 'signup', signupUrl);
  assertMagicLinkAllowed(organization);
  const now = deps.now();
  const { outcome, send } = await deps.db.transaction().execute(async (trx) => {
    const outcome = await decideLoginOrSignup(trx, organization, email, now);
    if (outcome.kind === 'refused') return { outcome, send: undefined };
    const send = await issueOrgMagicLink(
      trx,
      deps.mailer,
      {
        purpose: outcome.kind,
        projectId: project.id,
        organization,
        email,
        redirectUrl: outcome.kind === 'login' ? login : signup,
        ttlMinutes: outcome.kind === 'login' ? loginTtl : signupTtl,
        pkceChallenge,
        locale,
      },
      now,
    );
    return { outcome, send };
  });
  await send?.();
  return outcome;
}

/** Who invites and what the caller may set: a browser never sets `trusted_metadata`. */
export interface InviteContext {
  organization: OrganizationsTable;
  inviter?: MembersTable | undefined;
  allowTrustedMetadata: boolean;
}

/** `magic_links/email/invite`, shared by the SDK and backend routes. Returns the invited member. */
export async function invite(
  deps: AppDeps,
  project: Project,
  body: Body,
  context: InviteContext,
): Promise<MembersTable> {
  const email = requiredEmail(body);
  const requestedUrl = optionalRedirectUrl(body, 'invite_redirect_url');
  const ttlMinutes = optionalInteger(body, 'invite_expiration_minutes', LINK_TTL.min, LINK_TTL.max) ?? LINK_TTL.invite;
  const name = optionalString(body, 'name', { max: 256 });
  const roles = optionalStringArray(body, 'roles', 50, 128);
  const untrustedMetadata = optionalObject(body, 'untrusted_metadata');
  const trustedMetadata = context.allowTrustedMetadata ? optionalObject(body, 'trusted_metadata') : undefined;
  if (!context.allowTrustedMetadata && body.trusted_metadata !== undefined)
    throw badRequest('trusted_metadata can only be set with the backend API.');
  ignoredPresentationFields(body, ['invite_template_id']);
  const locale = optionalString(body, 'locale', { max: 128 });
  const redirectUrl = await deps.projects.resolveRedirectUrl(project.id, 'invite', requestedUrl);
  return inviteMember(
    deps.db,
    deps.mailer,
    {
      projectId: project.id,
      organization: context.organization,
      email,
      redirectUrl,
      ttlMinutes,
      name,
      roles,
      trustedMetadata,
      untrustedMetadata,
      inviter: context.inviter,
      locale,
    },
    deps.now(),
  );
}

/** The `magic_links/authenticate` answer (docs/wire-protocol.md §2.1 / §5.2) without `request_id` / `status_code`. */
export type MagicLinkAuthenticatePayload = AuthRespBody & {
  method_id: string;
  reset_sessions: false;
};

/**
 * `magic_links/authenticate`, shared by the SDK and backend routes. A held session is proven BEFORE
 * the link is redeemed, so a refused request spends nothing (the single-use link stays usable). A
 * live session of the link's member gets the email factor and a fresh token (see
 * authenticateOrgMagicLink). On an organization that asks for a second factor the answer is an IST
 * and `mfa_required` (mfa/gate.ts).
 */
export async function authenticateMagicLink(
  deps: AppDeps,
  project: Project,
  body: Body,
  held?: HeldSession,
  customClaims?: Record<string, unknown>,
): Promise<MagicLinkAuthenticatePayload> {
  const token = requiredString(body, 'magic_links_token', { max: 512 });
  const pkceVerifier = optionalString(body, 'pkce_code_verifier', { max: 256 });
  const durationMinutes = sessionDuration(body);
  const locale = optionalString(body, 'locale', { max: 128 });
  const now = deps.now();
  const existing = await proveHeldSession(deps.db, deps.keys, project.id, held, body, durationMinutes, now);
  const outcome = await authenticateOrgMagicLink(
    deps.db,
    {
      projectId: project.id,
      token,
      pkceVerifier: pkceVerifier === '' ? undefined : pkceVerifier,
      durationMinutes,
      existing,
      customClaims,
      intermediateSessionToken: optionalString(body, 'intermediate_session_token', { max: 512 }),
    },
    now,
  );
  return {
    ...(await primaryAuthResponse(deps, outcome, now, locale)),
    method_id: outcome.member.email_id,
    reset_sessions: false,
  };
}
