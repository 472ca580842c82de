import type { AuthenticationFactor } from '@orgauth/core/protocol';
import type { Db } from '../db/schema.js';
import { ApiError, apiError } from '../lib/api-error.js';
import { findMemberByEmail } from '../members/index.js';
import { type ConsumedToken, consumeOneTimeToken } from '../magic-links/index.js';
import { findOrganization } from '../organizations/index.js';
import { iso } from '../lib/json.js';
import { type AuthOutcome, finishPrimaryAuthentication } from '../mfa/index.js';
import type { SessionToExtend } from '../sessions/index.js';
import { assertSsoAllowed } from './login.js';
import { connectionSatisfiesMfa } from './mfa-trust.js';

/** Inputs of {@link authenticateSsoToken}. */
export interface SsoAuthenticateInput {
  projectId: string;
  token: string;
  pkceVerifier: string | undefined;
  /**
   * Refuse a token whose SSO start carried no PKCE challenge (the SDK route): such a token accepts
   * any verifier, so whoever holds it could plant it in a victim's browser (login CSRF). Only the
   * backend route, which proves the project secret, redeems those.
   */
  requirePkce: boolean;
  durationMinutes: number;
  /** A held session of the same member gets the SSO factor instead (sessions/reuse.ts). */
  existing?: SessionToExtend | undefined;
  /** The `intermediate_session_token` sent (+IST): a pending MFA sign-in of the same member adds this factor. */
  intermediateSessionToken?: string | undefined;
}

/**
 * Consumes an `sso` or `discovery_sso` token (single use; PKCE enforced when the start stored a
 * challenge, and a challenge required with `requirePkce`), in words that name SSO.
 * @throws ApiError 404 `sso_token_not_found`, 400 `pkce_required` / `pkce_mismatch`
 */
export async function consumeSsoToken(
  db: Db,
  input: Pick<SsoAuthenticateInput, 'projectId' | 'token' | 'pkceVerifier' | 'requirePkce'>,
  kind: 'sso' | 'discovery_sso',
  now: number,
): Promise<ConsumedToken> {
  const path = kind === 'sso' ? 'sso/authenticate' : 'sso/discovery/authenticate';
  try {
    return await consumeOneTimeToken(db, input.projectId, kind, input.token, input.pkceVerifier, now, {
      requireChallenge: input.requirePkce,
    });
  } catch (error) {
    if (error instanceof ApiError && error.errorType === 'magic_link_not_found') {
      throw apiError(
        'sso_token_not_found',
        'The SSO token could not be authenticated: it is unknown, already used, or expired.',
      );
    }
    if (error instanceof ApiError && error.errorType === 'pkce_required') {
      throw apiError(
        'pkce_required',
        `This SSO sign-in was started without a pkce_code_challenge, so the SDK cannot redeem its token. Start SSO with a PKCE challenge, or redeem the token from your backend with POST /v1/b2b/${path} (IdP-initiated sign-ins always go that way).`,
      );
    }
    if (error instanceof ApiError && error.errorType === 'pkce_mismatch') {
      throw apiError('pkce_mismatch', 'The PKCE code verifier does not match the code challenge of this SSO sign-in.');
    }
    throw error;
  }
}

/**
 * The SSO factor of the identity that just signed in: the member's link to `connectionId`, the
 * connection the token was issued for; a token from before migration 1800 names none, and then the
 * member's most recent SSO link stands in.
 */
export async function ssoFactorOf(
  db: Db,
  memberId: string,
  connectionId: string | null,
  now: number,
): Promise<AuthenticationFactor> {
  let query = db
    .selectFrom('sso_identities')
    .innerJoin('sso_connections', 'sso_connections.id', 'sso_identities.connection_id')
    .select(['sso_identities.connection_id', 'sso_identities.subject', 'sso_connections.type'])
    .where('sso_identities.member_id', '=', memberId);
  if (connectionId !== null) query = query.where('sso_identities.connection_id', '=', connectionId);
  const identity = await query.orderBy('sso_identities.last_login_at', 'desc').executeTakeFirst();
  const type = identity?.type ?? 'saml';
  const factor: AuthenticationFactor & Record<string, unknown> = {
    type: 'sso',
    delivery_method: type === 'oidc' ? 'oidc_sso' : 'sso_saml',
    last_authenticated_at: iso(now),
    sequence_order: 'PRIMARY',
    [type === 'oidc' ? 'oidc_sso_factor' : 'saml_sso_factor']: {
      id: identity?.connection_id ?? '',
      provider_subject: identity?.subject ?? '',
    },
  };
  return factor;
}

/**
 * Redeems an `sso` token (single use; PKCE enforced when the start stored a challenge, and a
 * challenge required with `requirePkce`) for a session of the member it names, in one transaction: a
 * refusal after the consume gives the token back, and a `pkce_required` refusal leaves it unspent. A
 * held session of that member gets the SSO factor and a new token instead (sessions/reuse.ts). Passes
 * the MFA gate (mfa/gate.ts), which skips the second factor only when the connection the token was
 * issued for is one the operator marked trusted (sso/mfa-trust.ts; `orgauth-server sso trust`).
 * @throws ApiError 404 `sso_token_not_found` / `member_not_found` / `organization_not_found` /
 *   `session_not_found`, 400 `pkce_required` / `pkce_mismatch` / `bad_request` (another member's
 *   explicit session)
 */
export async function authenticateSsoToken(db: Db, input: SsoAuthenticateInput, now: number): Promise<AuthOutcome> {
  return db.transaction().execute(async (trx) => {
    const consumed = await consumeSsoToken(trx, input, 'sso', now);
    const organization =
      consumed.organizationId === null
        ? undefined
        : await findOrganization(trx, input.projectId, consumed.organizationId);
    if (organization === undefined)
      throw apiError('organization_not_found', 'The organization of this SSO sign-in no longer exists.');
    assertSsoAllowed(organization);
    const member = await findMemberByEmail(trx, organization.id, consumed.email);
    if (member === undefined || member.status !== 'active')
      throw apiError('member_not_found', 'The member of this SSO sign-in no longer exists in the organization.');
    const factor = await ssoFactorOf(trx, member.id, consumed.connectionId, now);
    // Read inside the redeem's transaction: untrusting a connection holds for every later redeem.
    const mfaSatisfied = await connectionSatisfiesMfa(trx, organization.id, consumed.connectionId);
    return finishPrimaryAuthentication(
      trx,
      {
        member,
        organization,
        factors: [factor],
        durationMinutes: input.durationMinutes,
        existing: input.existing,
        intermediateSessionToken: input.intermediateSessionToken,
        mfaSatisfied,
      },
      now,
    );
  });
}
