import type {
  AuthenticationFactor,
  OAuthAuthenticateResponse,
  OAuthDiscoveryAuthenticateResponse,
  OAuthProviderValues,
} from '@orgauth/core/protocol';
import { discoverOrganizations, issueIntermediateSession } from '../discovery/index.js';
import type { OAuthTokensTable } from '../db/schema-oauth.js';
import type { AppDeps } from '../http/index.js';
import { apiError } from '../lib/api-error.js';
import { iso, parseJson } from '../lib/json.js';
import { optionalString, requiredString, sessionDuration, type Body } from '../lib/validate.js';
import type { OAuthRegistrationFields } from '../members/index.js';
import { findOrganization } from '../organizations/index.js';
import type { Project } from '../projects/index.js';
import { type AuthRespBody, finishPrimaryAuthentication, primaryAuthResponse } from '../mfa/index.js';
import { type HeldSession, proveHeldSession } from '../sessions/index.js';
import { assertOAuthAllowed } from './policy.js';
import { parseProvider } from './providers.js';
import { consumeOAuthToken } from './tokens.js';

type Payload<T> = Omit<T, 'request_id' | 'status_code'>;

/** The token row's sealed provider values (oauth/callback.ts), with the name beside them. */
function openValues(deps: AppDeps, row: OAuthTokensTable): OAuthProviderValues & { full_name: string } {
  return parseJson(deps.secretBox.open(row.provider_values), {
    access_token: '',
    id_token: '',
    refresh_token: '',
    scopes: [],
    expires_at: null,
    full_name: '',
  });
}

/** Stytch's OAuth session factor: `{type: 'oauth', delivery_method: 'oauth_google', google_oauth_factor}`. */
export function oauthFactor(row: OAuthTokensTable, emailId: string, now: number): AuthenticationFactor {
  return {
    type: 'oauth',
    delivery_method: `oauth_${row.provider}`,
    last_authenticated_at: iso(now),
    sequence_order: 'PRIMARY',
    [`${row.provider}_oauth_factor`]: {
      id: row.registration_id ?? '',
      provider_subject: row.provider_subject,
      email_id: emailId,
    },
  } as AuthenticationFactor;
}

const verifierOf = (body: Body) => {
  const v = optionalString(body, 'pkce_code_verifier', { max: 256 });
  return v === '' ? undefined : v;
};

/**
 * `oauth/authenticate` (SDK and backend, docs/wire-protocol.md §2.4): redeems an `oauth` token once
 * (`requirePkce` on the SDK: docs/security.md CSRF-02) for a session of the member the callback chose,
 * in one transaction (a refusal after the consume gives the token back). A held session of the same
 * member gets the OAuth factor instead (sessions/reuse.ts).
 * @throws ApiError 404 `oauth_token_not_found` / `member_not_found`, 400 `pkce_required` / `pkce_mismatch`, policy refusals
 */
export async function authenticateOAuth(
  deps: AppDeps,
  project: Project,
  body: Body,
  held: HeldSession,
  requirePkce: boolean,
): Promise<AuthRespBody & Omit<Payload<OAuthAuthenticateResponse>, keyof AuthRespBody>> {
  const token = requiredString(body, 'oauth_token', { max: 512 });
  const verifier = verifierOf(body);
  const durationMinutes = sessionDuration(body);
  // The language of the code the gate may text (mfa/gate.ts).
  const locale = optionalString(body, 'locale', { max: 16 });
  // A pending MFA sign-in of the same member (an org-bound IST) adds this factor (mfa/gate.ts).
  const intermediateSessionToken = optionalString(body, 'intermediate_session_token', { max: 512 });
  const now = deps.now();
  const existing = await proveHeldSession(deps.db, deps.keys, project.id, held, body, durationMinutes, now);
  const result = await deps.db.transaction().execute(async (trx) => {
    const row = await consumeOAuthToken(trx, project.id, 'oauth', token, verifier, now, requirePkce);
    const provider = parseProvider(row.provider);
    const organization = await findOrganization(trx, project.id, row.organization_id ?? '');
    if (organization === undefined || organization.id !== row.organization_id)
      throw apiError('organization_not_found', 'The organization of this sign-in no longer exists.');
    assertOAuthAllowed(organization, provider);
    const member = await trx
      .selectFrom('members')
      .selectAll()
      .where('id', '=', row.member_id ?? '')
      .where('organization_id', '=', organization.id)
      .executeTakeFirst();
    if (member === undefined || member.status !== 'active')
      throw apiError('member_not_found', 'The member of this sign-in no longer exists in the organization.');
    const factor = oauthFactor(row, member.email_id, now);
    const outcome = await finishPrimaryAuthentication(
      trx,
      { member, organization, factors: [factor], durationMinutes, existing, intermediateSessionToken },
      now,
    );
    return { row, provider, outcome };
  });
  const { full_name: _name, ...values } = openValues(deps, result.row);
  return {
    ...(await primaryAuthResponse(deps, result.outcome, now, locale)),
    provider_subject: result.row.provider_subject,
    provider_type: result.provider,
    provider_values: values,
    reset_sessions: false,
  };
}

/**
 * `oauth/discovery/authenticate` (SDK and backend): redeems a `discovery_oauth` token once for an
 * intermediate session holding the verified email, the OAuth factor and the provider tenants, and
 * lists the organizations that email (or tenant) may enter (discovery/organizations.ts).
 * @throws ApiError 404 `oauth_token_not_found`, 400 `pkce_required` / `pkce_mismatch`
 */
export async function authenticateDiscoveryOAuth(
  deps: AppDeps,
  project: Project,
  body: Body,
  requirePkce: boolean,
): Promise<Payload<OAuthDiscoveryAuthenticateResponse>> {
  const token = requiredString(body, 'discovery_oauth_token', { max: 512 });
  const verifier = verifierOf(body);
  if (body.session_duration_minutes !== undefined) sessionDuration(body);
  const now = deps.now();
  const { row, ist, tenants } = await deps.db.transaction().execute(async (trx) => {
    const row = await consumeOAuthToken(trx, project.id, 'discovery_oauth', token, verifier, now, requirePkce);
    const tenants = tenantsOf(row);
    const factor = oauthFactor(row, '', now);
    const oauthTenants = { provider: row.provider, tenants, registration: registrationOf(deps, row) };
    return {
      row,
      tenants,
      ist: await issueIntermediateSession(trx, project.id, row.email, [factor], now, oauthTenants),
    };
  });
  const provider = parseProvider(row.provider);
  const methods = [`${provider}_oauth`];
  return {
    intermediate_session_token: ist,
    email_address: row.email,
    discovered_organizations: await discoverOrganizations(deps.db, project.id, row.email, methods, {
      provider,
      tenants,
    }),
    provider_type: provider,
    // Stytch fills it only when exactly one tenant came back, whatever the provider.
    provider_tenant_id: tenants.length === 1 ? (tenants[0] ?? '') : '',
    provider_tenant_ids: tenants,
    full_name: openValues(deps, row).full_name,
  } as Payload<OAuthDiscoveryAuthenticateResponse>;
}

/**
 * The identity a discovery token proved, sealed field by field as oauth/members.ts stores it, for
 * the member the IST is later exchanged for (members/oauth-link.ts).
 */
function registrationOf(deps: AppDeps, row: OAuthTokensTable): OAuthRegistrationFields {
  const values = openValues(deps, row);
  const seal = (v: string) => (v === '' ? null : deps.secretBox.seal(v));
  return {
    provider: row.provider,
    provider_subject: row.provider_subject,
    provider_tenant_id: row.provider_tenant_id,
    access_token: seal(values.access_token),
    refresh_token: seal(values.refresh_token),
    id_token: seal(values.id_token),
    scopes: JSON.stringify(values.scopes),
    access_token_expires_at: values.expires_at === null ? null : Date.parse(values.expires_at),
  };
}

/** The tenants a token row records: one id, or (GitHub) a JSON array of organization ids. */
function tenantsOf(row: OAuthTokensTable): string[] {
  const t = row.provider_tenant_id;
  if (t === null) return [];
  if (t.startsWith('[')) return parseJson<string[]>(t, []).filter((s) => typeof s === 'string');
  return [t];
}
