import type { AuthenticationFactor, DiscoveredOrganization } from '@orgauth/core/protocol';
import type { Db, OrganizationsTable } from '../db/schema.js';
import { apiError } from '../lib/api-error.js';
import { parseJson } from '../lib/json.js';
import { AUTH_METHODS } from '../organizations/index.js';

/** An SSO factor names its connection in `saml_sso_factor` or `oidc_sso_factor` (sso/authenticate.ts). */
type SsoFactor = AuthenticationFactor & {
  saml_sso_factor?: { id?: string };
  oidc_sso_factor?: { id?: string };
};

/**
 * The organizations whose own SSO connections proved an intermediate session's email, or
 * `undefined` when none of its factors is an SSO one (a magic link, code or OAuth proof).
 */
export async function ssoProofOrganizations(
  db: Db,
  projectId: string,
  factors: readonly AuthenticationFactor[],
): Promise<Set<string> | undefined> {
  const ids = (factors as readonly SsoFactor[])
    .filter((f) => f.type === 'sso')
    .map((f) => f.saml_sso_factor?.id ?? f.oidc_sso_factor?.id ?? '');
  if (ids.length === 0) return undefined;
  const rows = await db
    .selectFrom('sso_connections')
    .select('organization_id')
    .where('project_id', '=', projectId)
    .where('id', 'in', ids)
    .execute();
  return new Set(rows.map((r) => r.organization_id));
}

/** Every primary method an organization accepts: its list when RESTRICTED, else all of them. */
function acceptedMethods(authMethods: string, allowed: readonly string[]): string[] {
  return authMethods === 'RESTRICTED' ? [...allowed] : [...AUTH_METHODS];
}

/**
 * Scopes a discovery list to an SSO proof (docs/security.md TEN-10): an organization's `sso` method
 * means its OWN connections, and its members' emails are not the business of another organization's
 * IdP (an admin of any organization configures that IdP and may list any email domain). So only
 * the organizations in `proven` keep `member_authenticated`; every other one is listed with
 * `primary_required` naming all the methods it accepts.
 */
export function scopeToSsoProof(list: DiscoveredOrganization[], proven: Set<string>): DiscoveredOrganization[] {
  return list.map((entry) => {
    if (proven.has(entry.organization.organization_id)) return entry;
    const { auth_methods, allowed_auth_methods } = entry.organization;
    const methods = acceptedMethods(auth_methods, allowed_auth_methods ?? []);
    return { ...entry, member_authenticated: false, primary_required: { allowed_auth_methods: methods } };
  });
}

/**
 * Refuses to let an SSO-proved intermediate session into an organization other than the one whose
 * connection proved it (the exchange's half of {@link scopeToSsoProof}). Sessions proved otherwise pass.
 * @throws ApiError 403 `unauthorized_action`
 */
export async function assertSsoProofReaches(
  db: Db,
  org: OrganizationsTable,
  factors: readonly AuthenticationFactor[],
): Promise<void> {
  const proven = await ssoProofOrganizations(db, org.project_id, factors);
  if (proven === undefined || proven.has(org.id)) return;
  throw apiError(
    'unauthorized_action',
    `Single sign-on at another organization does not sign you in here. This organization allows: ${acceptedMethods(org.auth_methods, parseJson<string[]>(org.allowed_auth_methods, [])).join(', ')}.`,
  );
}

/**
 * Whether an SSO proof satisfies `org`'s MFA (the gate's `mfaSatisfied`, mfa/gate.ts): one of the
 * factors came through an active connection of `org` that the operator trusts to enforce MFA
 * (`sso_connections.mfa_trusted`, packages/server/src/sso/mfa-trust.ts). The factors are the
 * intermediate session's own, written by the server from the token's connection, never the caller's.
 */
export async function ssoProofSatisfiesMfa(
  db: Db,
  org: OrganizationsTable,
  factors: readonly AuthenticationFactor[],
): Promise<boolean> {
  const ids = (factors as readonly SsoFactor[])
    .filter((f) => f.type === 'sso')
    .map((f) => f.saml_sso_factor?.id ?? f.oidc_sso_factor?.id ?? '');
  if (ids.length === 0) return false;
  const trusted = await db
    .selectFrom('sso_connections')
    .select('id')
    .where('organization_id', '=', org.id)
    .where('id', 'in', ids)
    .where('status', '=', 'active')
    .where('mfa_trusted', '=', 1)
    .executeTakeFirst();
  return trusted !== undefined;
}
