import type { AuthenticationFactor, DiscoveredOrganization } from '@orgauth/core/protocol';
import type { MembersTable } from '../db/schema.js';
import { discoverOrganizations, joinOrganization } from './organizations.js';
import { assertSsoProofReaches, scopeToSsoProof, ssoProofOrganizations, ssoProofSatisfiesMfa } from './sso-proof.js';
import {
  consumeIntermediateSession,
  issueIntermediateSession,
  type OAuthTenants,
  readIntermediateSession,
} from './intermediate-sessions.js';
import { authMethodOf, insertMember, linkOAuthRegistration } from '../members/index.js';
import {
  consumeOneTimeToken,
  issueOneTimeToken,
  optionalPkceChallenge,
  optionalRedirectUrl,
} from '../magic-links/index.js';
import { getOrganization, insertOrganization, readOrganizationFields } from '../organizations/index.js';
import type { Project } from '../projects/index.js';
import { iso } from '../lib/json.js';
import { type AuthRespBody, finishPrimaryAuthentication, primaryAuthResponse } from '../mfa/index.js';
import type { AppDeps } from '../http/index.js';
import {
  optionalInteger,
  optionalString,
  requiredEmail,
  requiredString,
  sessionDuration,
  type Body,
} from '../lib/validate.js';
import { composeMail } from '../mail/compose.js';

/** Stytch's default lifetime of a discovery magic link. */
const DISCOVERY_TTL_MINUTES = 60;

type AuthPayload = AuthRespBody;

/**
 * `magic_links/email/discovery/send` (SDK and backend). Mails a discovery link to anyone: the answer
 * is the same whether or not the email belongs to a member, so discovery never enumerates members.
 */
export async function sendDiscoveryMagicLink(
  deps: AppDeps,
  project: Project,
  body: Body,
): Promise<Record<string, never>> {
  const email = requiredEmail(body);
  const requestedUrl = optionalRedirectUrl(body, 'discovery_redirect_url');
  const ttlMinutes = optionalInteger(body, 'discovery_expiration_minutes', 5, 10_080) ?? DISCOVERY_TTL_MINUTES;
  const challenge = optionalPkceChallenge(body);
  optionalString(body, 'login_template_id', { max: 128 });
  const locale = optionalString(body, 'locale', { max: 16 });
  const redirectUrl = await deps.projects.resolveRedirectUrl(project.id, 'discovery', requestedUrl);
  const now = deps.now();
  const token = await issueOneTimeToken(
    deps.db,
    { projectId: project.id, kind: 'discovery_magic_link', email, pkceChallenge: challenge, redirectUrl, ttlMinutes },
    now,
  );
  // The link is built only from the allowlisted URL, never from Host / X-Forwarded-Host (REDIR-05).
  const link = new URL(redirectUrl);
  link.searchParams.set('stytch_token_type', 'discovery');
  link.searchParams.set('token', token);
  const mail = await composeMail(deps.db, project.id, {
    kind: 'discovery',
    link: link.href,
    expiresInMinutes: ttlMinutes,
    locale,
  });
  await deps.mailer.send({ projectId: project.id, to: email, ...mail });
  return {};
}

/** `magic_links/discovery/authenticate` (SDK and backend): the token becomes an IST plus the orgs found. */
export async function authenticateDiscoveryMagicLink(
  deps: AppDeps,
  project: Project,
  body: Body,
): Promise<{
  intermediate_session_token: string;
  email_address: string;
  discovered_organizations: DiscoveredOrganization[];
}> {
  const token = requiredString(body, 'discovery_magic_links_token', { max: 512 });
  const verifier = optionalString(body, 'pkce_code_verifier', { max: 256 });
  const now = deps.now();
  const { email, ist } = await deps.db.transaction().execute(async (trx) => {
    const consumed = await consumeOneTimeToken(
      trx,
      project.id,
      'discovery_magic_link',
      token,
      verifier === '' ? undefined : verifier,
      now,
    );
    const factor: AuthenticationFactor = {
      type: 'magic_link',
      delivery_method: 'email',
      last_authenticated_at: iso(now),
      sequence_order: 'PRIMARY',
      email_factor: { email_id: '', email_address: consumed.email },
    };
    return {
      email: consumed.email,
      ist: await issueIntermediateSession(trx, project.id, consumed.email, [factor], now),
    };
  });
  return {
    intermediate_session_token: ist,
    email_address: email,
    discovered_organizations: await discoverOrganizations(deps.db, project.id, email),
  };
}

/**
 * `discovery/organizations` for an already proven email (the caller found it from an IST or a
 * session); `methods` are the auth methods that proved it (an IST's factors), and `factors` the
 * IST's factors themselves (an SSO proof counts only at its own organization: discovery/sso-proof.ts).
 */
export async function listDiscoveredOrganizations(
  deps: AppDeps,
  project: Project,
  email: string,
  methods?: readonly string[],
  oauthTenants: OAuthTenants | null = null,
  factors?: readonly AuthenticationFactor[],
) {
  const found = await discoverOrganizations(deps.db, project.id, email, methods, oauthTenants);
  const proven = factors === undefined ? undefined : await ssoProofOrganizations(deps.db, project.id, factors);
  return {
    email_address: email,
    discovered_organizations: proven === undefined ? found : scopeToSsoProof(found, proven),
    organization_id_hint: null,
  };
}

/** The IST's factors, now attached to a member (its `email_id` is known only once the member exists). */
function factorsFor(factors: AuthenticationFactor[], member: MembersTable): AuthenticationFactor[] {
  return factors.map((f) =>
    f.email_factor ? { ...f, email_factor: { email_id: member.email_id, email_address: member.email } } : f,
  );
}

/**
 * `discovery/organizations/create` (SDK and backend): consumes the IST and creates the organization,
 * its first member (`stytch_admin`) and a session in one transaction. Only the backend may set
 * `trusted_metadata`. An organization created with `mfa_policy: REQUIRED_FOR_ALL` answers an IST and
 * `mfa_required` instead: its creator enrols a second factor first (mfa/gate.ts).
 */
export async function createOrganizationFromIst(
  deps: AppDeps,
  project: Project,
  body: Body,
  options: { allowTrustedMetadata: boolean },
): Promise<AuthPayload> {
  const istToken = requiredString(body, 'intermediate_session_token', { max: 512 });
  const duration = sessionDuration(body);
  const fields = readOrganizationFields(body, {
    requireName: true,
    allowTrustedMetadata: options.allowTrustedMetadata,
  });
  const now = deps.now();
  const ist = await readIntermediateSession(deps.db, project.id, istToken, now);
  const created = await deps.db.transaction().execute(async (trx) => {
    await consumeIntermediateSession(trx, project.id, ist.hash, now);
    const organization = await insertOrganization(trx, project.id, fields, now);
    const member = await insertMember(
      trx,
      project.id,
      organization.id,
      // The organization's creator administers it (Stytch's default RBAC policy, rbac/default-policy.ts).
      { email: ist.email, status: 'active', emailVerified: true, roles: ['stytch_admin'] },
      now,
    );
    const registration = ist.oauthTenants?.registration;
    if (registration) await linkOAuthRegistration(trx, member, registration, now);
    const factors = factorsFor(ist.factors, member);
    return finishPrimaryAuthentication(trx, { member, organization, factors, durationMinutes: duration }, now);
  });
  return primaryAuthResponse(deps, created, now);
}

/**
 * `discovery/intermediate_sessions/exchange` (SDK and backend): consumes the IST and signs the email
 * into the organization: an existing membership (an invited or pending one is activated by it) or a
 * JIT join by email domain. The MFA gate (mfa/gate.ts) may answer a new, member-bound IST instead
 * of a session.
 */
export async function exchangeIntermediateSession(deps: AppDeps, project: Project, body: Body): Promise<AuthPayload> {
  const istToken = requiredString(body, 'intermediate_session_token', { max: 512 });
  const organizationId = requiredString(body, 'organization_id', { max: 256 });
  const duration = sessionDuration(body);
  const locale = optionalString(body, 'locale', { max: 16 });
  const now = deps.now();
  const ist = await readIntermediateSession(deps.db, project.id, istToken, now);
  const exchanged = await deps.db.transaction().execute(async (trx) => {
    await consumeIntermediateSession(trx, project.id, ist.hash, now);
    const organization = await getOrganization(trx, project.id, organizationId);
    await assertSsoProofReaches(trx, organization, ist.factors);
    const member = await joinOrganization(
      trx,
      organization,
      ist.email,
      ist.factors.map(authMethodOf),
      now,
      ist.oauthTenants,
    );
    const registration = ist.oauthTenants?.registration;
    if (registration) await linkOAuthRegistration(trx, member, registration, now);
    const factors = factorsFor(ist.factors, member);
    // A discovery SSO sign-in through a connection the operator trusts counts as both factors.
    const mfaSatisfied = await ssoProofSatisfiesMfa(trx, organization, ist.factors);
    const start = { member, organization, factors, durationMinutes: duration, mfaSatisfied };
    return finishPrimaryAuthentication(trx, start, now);
  });
  return primaryAuthResponse(deps, exchanged, now, locale);
}
