import type { AuthenticationFactor } from '@orgauth/core/protocol';
import type { Db, MembersTable, OrganizationsTable } from '../db/schema.js';
import { apiError } from '../lib/api-error.js';
import type { Mailer } from '../mail/mailer.js';
import { composeMail } from '../mail/compose.js';
import {
  activateMember,
  assertMagicLinkAllowed,
  canJoinByEmailDomain,
  findMemberByEmail,
  insertMember,
  toMember,
} from '../members/index.js';
import { consumeOneTimeToken, issueOneTimeToken, type OneTimeTokenKind } from './one-time-tokens.js';
import { findOrganization, toOrganization } from '../organizations/index.js';
import { iso } from '../lib/json.js';
import { type AuthOutcome, finishPrimaryAuthentication } from '../mfa/index.js';
import type { SessionToExtend } from '../sessions/index.js';

/** What an organization magic link is for; each has its own mail (mail/copy/). */
export type OrgMailPurpose = 'login' | 'signup' | 'invite';

const KIND: Record<OrgMailPurpose, OneTimeTokenKind> = {
  login: 'login_magic_link',
  signup: 'signup_magic_link',
  invite: 'invite_magic_link',
};
/** The token kinds `magic_links/authenticate` accepts (never a discovery token). */
const ORG_LINK_KINDS: readonly OneTimeTokenKind[] = Object.values(KIND);

/** An organization magic link to issue and mail. */
export interface OrgLinkInput {
  purpose: OrgMailPurpose;
  projectId: string;
  organization: OrganizationsTable;
  email: string;
  /** Already resolved against the project's allowlist for the purpose's redirect type. */
  redirectUrl: string;
  ttlMinutes: number;
  pkceChallenge?: string | undefined;
  inviter?: string | undefined;
  /** The send call's `locale` (mail/locale.ts: `de-DE` → de, unknown → en). */
  locale?: string | undefined;
}

/**
 * Issues an org-bound token (only its hash is stored) inside `db` (pass the caller's transaction) and
 * returns a function that mails the link: call it after the commit, so no mail announces a rolled-back
 * member. The link is built only from the allowlisted URL, never from request headers (REDIR-05).
 */
export async function issueOrgMagicLink(
  db: Db,
  mailer: Mailer,
  input: OrgLinkInput,
  now: number,
): Promise<() => Promise<void>> {
  const token = await issueOneTimeToken(
    db,
    {
      projectId: input.projectId,
      kind: KIND[input.purpose],
      email: input.email,
      organizationId: input.organization.id,
      pkceChallenge: input.pkceChallenge,
      redirectUrl: input.redirectUrl,
      ttlMinutes: input.ttlMinutes,
    },
    now,
  );
  const link = new URL(input.redirectUrl);
  link.searchParams.set('stytch_token_type', 'multi_tenant_magic_links');
  link.searchParams.set('token', token);
  const mail = await composeMail(db, input.projectId, {
    kind: input.purpose,
    link: link.href,
    organizationName: input.organization.name,
    expiresInMinutes: input.ttlMinutes,
    inviterName: input.inviter,
    locale: input.locale,
  });
  return () => mailer.send({ projectId: input.projectId, to: input.email, ...mail });
}

/** What `login_or_signup` decided for one email. */
export type LoginOrSignupOutcome =
  | { kind: 'login' | 'signup'; member: MembersTable; memberCreated: boolean }
  | { kind: 'refused'; reason: 'deleted' | 'not_eligible' };

/**
 * The backend API's answer to a `login_or_signup` decision, by link or by code (they share the rule):
 * the member and whether it was created, or the refusal as its error. The SDK answers neither, so as
 * not to tell who may join (docs/security.md AUTH-03).
 * @throws ApiError 404 `member_not_found` (deleted) or 400 `invalid_email_for_jit_provisioning`.
 */
export function loginOrSignupAnswer(outcome: LoginOrSignupOutcome, organization: OrganizationsTable) {
  if (outcome.kind === 'refused') {
    if (outcome.reason === 'deleted')
      throw apiError('member_not_found', 'This member was deleted from the organization.');
    throw apiError(
      'invalid_email_for_jit_provisioning',
      'No member has this email, and the organization does not let this email domain join by itself (email_jit_provisioning / email_allowed_domains).',
    );
  }
  return {
    member_id: outcome.member.id,
    member_created: outcome.memberCreated,
    member: toMember(outcome.member),
    organization: toOrganization(organization),
  };
}

/**
 * Decides login vs signup for `email` in `org`: an existing (not deleted) member gets a login link;
 * an unknown email gets a signup link only when the org allows JIT by its domain, and is then created
 * as a `pending` member (as Stytch does, so the backend can answer `member_created`). Run inside a
 * transaction.
 */
export async function decideLoginOrSignup(
  db: Db,
  org: OrganizationsTable,
  email: string,
  now: number,
): Promise<LoginOrSignupOutcome> {
  const member = await findMemberByEmail(db, org.id, email);
  if (member !== undefined) {
    return member.status === 'deleted'
      ? { kind: 'refused', reason: 'deleted' }
      : { kind: 'login', member, memberCreated: false };
  }
  if (!canJoinByEmailDomain(org, email)) return { kind: 'refused', reason: 'not_eligible' };
  // A concurrent signup may win the insert: insertMember then refuses with duplicate_member_email,
  // and the loser simply asks again (a retry in the same transaction is impossible on PostgreSQL).
  const created = await insertMember(
    db,
    org.project_id,
    org.id,
    { email, status: 'pending', emailVerified: false },
    now,
  );
  return { kind: 'signup', member: created, memberCreated: true };
}

/** Inputs of {@link authenticateOrgMagicLink}. */
export interface AuthenticateLinkInput {
  projectId: string;
  token: string;
  pkceVerifier?: string | undefined;
  /** The lifetime of a NEW session; an extended one follows `existing.extendMinutes`. */
  durationMinutes: number;
  /** Backend only (`session_custom_claims`): merged into the new or extended session (session-claims.ts). */
  customClaims?: Record<string, unknown> | undefined;
  existing?: SessionToExtend | undefined;
  /** The `intermediate_session_token` sent (+IST): a pending MFA sign-in of the same member adds this factor. */
  intermediateSessionToken?: string | undefined;
}

/**
 * Redeems a login / signup / invite link: consumes the token once, activates the member it names
 * (an invite is accepted, a pending signup becomes active, the email is verified) and starts a
 * session in the token's organization through the MFA gate (mfa/gate.ts: an IST instead when a second
 * factor is due), all in one transaction, so a refusal gives the token back.
 * A held session of that same member gets the email factor instead (sessions/reuse.ts).
 * @throws ApiError 404 `magic_link_not_found` / `member_not_found` / `organization_not_found` /
 *   `session_not_found` (the session was revoked meanwhile), 400 `pkce_mismatch` / `bad_request` (another
 *   member's session, when refused), 403 `magic_link_not_allowed`
 */
export async function authenticateOrgMagicLink(
  db: Db,
  input: AuthenticateLinkInput,
  now: number,
): Promise<AuthOutcome> {
  return db.transaction().execute(async (trx) => {
    const consumed = await consumeOneTimeToken(
      trx,
      input.projectId,
      ORG_LINK_KINDS,
      input.token,
      input.pkceVerifier,
      now,
    );
    const organization =
      consumed.organizationId === null
        ? undefined
        : await findOrganization(trx, input.projectId, consumed.organizationId);
    if (organization === undefined)
      throw apiError('organization_not_found', 'The organization of this magic link no longer exists.');
    assertMagicLinkAllowed(organization);
    const found = await findMemberByEmail(trx, organization.id, consumed.email);
    if (found === undefined || found.status === 'deleted') {
      throw apiError('member_not_found', 'The member of this magic link no longer exists in the organization.');
    }
    const member = await activateMember(trx, found, now);
    const factor: AuthenticationFactor = {
      type: 'magic_link',
      delivery_method: 'email',
      last_authenticated_at: iso(now),
      sequence_order: 'PRIMARY',
      email_factor: { email_id: member.email_id, email_address: member.email },
    };
    return finishPrimaryAuthentication(
      trx,
      {
        member,
        organization,
        factors: [factor],
        durationMinutes: input.durationMinutes,
        customClaims: input.customClaims,
        existing: input.existing,
        intermediateSessionToken: input.intermediateSessionToken,
      },
      now,
    );
  });
}
