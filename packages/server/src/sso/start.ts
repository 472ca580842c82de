import type { SsoConnectionsTable } from '../db/schema.js';
import type { AppDeps } from '../http/index.js';
import { apiError, badRequest } from '../lib/api-error.js';
import { findOrganization } from '../organizations/index.js';
import { startOidc } from './oidc/start.js';
import { startSaml } from './saml/sp.js';
import { assertSsoAllowed } from './login.js';
import { createSsoRequest, purgeSsoRequests, type SsoRequest } from './requests.js';

/** Where an SSO start sends the browser. */
export interface SsoRedirect {
  /** The IdP URL. */
  url: string;
  /** OIDC only: the secret the start route must set as the flow's binding cookie (sso/oidc/callback-routes.ts). */
  browserBinding?: { state: string; secret: string } | undefined;
}

/** Builds the IdP redirect the browser is sent to, for one connection type. */
export type SsoStarter = (deps: AppDeps, connection: SsoConnectionsTable, request: SsoRequest) => Promise<SsoRedirect>;

/**
 * One starter per connection type: SAML (sso/saml/sp.ts) and OIDC (sso/oidc/start.ts). A type
 * without a starter is refused, never faked. SAML has no browser binding: its ACS is a cross-site
 * POST, which SameSite=Lax cookies do not accompany.
 */
export const SSO_STARTERS: Partial<Record<'saml' | 'oidc', SsoStarter>> = {
  saml: async (deps, connection, request) => ({ url: await startSaml(deps, connection, request) }),
  oidc: (deps, connection, request) => startOidc(deps, connection, request),
};

const PKCE_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

/** Query of `GET /v1/public/sso/start`. */
export interface SsoStartQuery {
  connection_id?: string | undefined;
  public_token?: string | undefined;
  login_redirect_url?: string | undefined;
  signup_redirect_url?: string | undefined;
  pkce_code_challenge?: string | undefined;
  /** Discovery start only (`GET /v1/public/sso/discovery/start`): where the `discovery_sso` token goes. */
  discovery_redirect_url?: string | undefined;
}

const blankToUndefined = (v: string | undefined) => (v === undefined || v === '' ? undefined : v);

/**
 * Validates an SSO start (public token, connection exists + active + in the token's project, redirect
 * URLs on the allowlist, PKCE challenge shape), records the request and returns the IdP redirect (for
 * OIDC with the browser-binding secret the caller must set as a cookie).
 * `admit` runs once the project is known and before anything is written (the route's rate limit).
 * With `discovery`, both ends of the attempt are the allowlisted discovery URL (docs/wire-protocol.md §2.3a).
 * @throws ApiError 429 from `admit`, 401 `invalid_public_token`, 404 `connection_not_found`, 400 `sso_connection_inactive` /
 *   `invalid_redirect_url` / `bad_request`, 403 `sso_not_allowed`
 */
export async function startSso(
  deps: AppDeps,
  query: SsoStartQuery,
  admit: (projectId: string) => Promise<void>,
  options: { discovery?: boolean } = {},
): Promise<SsoRedirect> {
  const publicToken = blankToUndefined(query.public_token);
  const connectionId = blankToUndefined(query.connection_id);
  if (publicToken === undefined || publicToken.length > 256)
    throw apiError('invalid_public_token', 'public_token is missing or unknown.');
  const project = await deps.projects.byPublicToken(publicToken);
  if (project === undefined) throw apiError('invalid_public_token', 'public_token is missing or unknown.');
  if (connectionId === undefined || connectionId.length > 256) throw badRequest('connection_id is required.');
  const pkce = blankToUndefined(query.pkce_code_challenge);
  if (pkce !== undefined && !PKCE_CHALLENGE.test(pkce))
    throw badRequest('pkce_code_challenge must be a 43-character base64url SHA-256 digest.');
  for (const key of ['login_redirect_url', 'signup_redirect_url', 'discovery_redirect_url'] as const) {
    const value = query[key];
    if (value !== undefined && value.length > 2048) throw badRequest(`${key} is too long.`);
  }
  const connection = await deps.db
    .selectFrom('sso_connections')
    .selectAll()
    .where('id', '=', connectionId)
    .where('project_id', '=', project.id)
    .executeTakeFirst();
  if (connection === undefined)
    throw apiError('connection_not_found', 'No SSO connection of this project matches that connection_id.');
  if (connection.status !== 'active')
    throw apiError('sso_connection_inactive', 'This SSO connection is not fully set up yet (it is pending).');
  const discoveryUrl = options.discovery
    ? await deps.projects.resolveRedirectUrl(project.id, 'discovery', blankToUndefined(query.discovery_redirect_url))
    : undefined;
  const loginUrl =
    discoveryUrl ??
    (await deps.projects.resolveRedirectUrl(project.id, 'login', blankToUndefined(query.login_redirect_url)));
  const signupUrl =
    discoveryUrl ??
    (await deps.projects.resolveRedirectUrl(project.id, 'signup', blankToUndefined(query.signup_redirect_url)));
  const org = await findOrganization(deps.db, project.id, connection.organization_id);
  if (org === undefined)
    throw apiError('connection_not_found', 'The organization of this SSO connection no longer exists.');
  assertSsoAllowed(org);
  const starter = SSO_STARTERS[connection.type];
  if (starter === undefined)
    throw apiError(
      'sso_connection_inactive',
      `Sign-in through ${connection.type.toUpperCase()} connections is not available on this server.`,
    );
  await admit(project.id);
  // Housekeeping rides on starts (indexed delete of long-expired rows) rather than a timer.
  await purgeSsoRequests(deps.db, deps.now());
  const request = await createSsoRequest(
    deps.db,
    {
      projectId: project.id,
      connectionId: connection.id,
      kind: connection.type,
      loginRedirectUrl: loginUrl,
      signupRedirectUrl: signupUrl,
      pkceCodeChallenge: pkce,
      discovery: options.discovery,
    },
    deps.now(),
  );
  return starter(deps, connection, request);
}
