/**
 * Names each API request by its operation (`MagicLinksEmailLoginOrSignup`, `SessionsAuthenticate`,
 * …) from its method and route pattern. A table, not Hono internals, so the name is stable even when
 * a route answers with an error before any handler runs (bad key, bad JSON).
 */

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

// [method, pattern under the API root, action]. Patterns shared by the backend (`/v1/b2b`) and the
// SDK (`/sdk/v1/b2b`) API get the same action name.
const SHARED: ReadonlyArray<readonly [Method, string, string]> = [
  ['POST', '/organizations', 'OrganizationsCreate'],
  ['POST', '/organizations/search', 'OrganizationsSearch'],
  ['GET', '/organizations/:organization_id', 'OrganizationsGet'],
  ['PUT', '/organizations/:organization_id', 'OrganizationsUpdate'],
  ['DELETE', '/organizations/:organization_id', 'OrganizationsDelete'],
  ['GET', '/organizations/:organization_id/members', 'OrganizationsMembersList'],
  ['POST', '/organizations/:organization_id/members', 'OrganizationsMembersCreate'],
  ['GET', '/organizations/:organization_id/member', 'OrganizationsMembersGet'],
  ['GET', '/organizations/:organization_id/members/:member_id', 'OrganizationsMembersGet'],
  ['PUT', '/organizations/:organization_id/members/:member_id', 'OrganizationsMembersUpdate'],
  ['DELETE', '/organizations/:organization_id/members/:member_id', 'OrganizationsMembersDelete'],
  ['POST', '/organizations/members/search', 'OrganizationsMembersSearch'],
  ['GET', '/organizations/members/dangerously_get/:member_id', 'OrganizationsMembersDangerouslyGet'],
  ['POST', '/magic_links/email/send', 'MagicLinksEmailSend'],
  ['POST', '/magic_links/email/login_or_signup', 'MagicLinksEmailLoginOrSignup'],
  ['POST', '/magic_links/email/invite', 'MagicLinksEmailInvite'],
  ['POST', '/magic_links/email/discovery/send', 'MagicLinksEmailDiscoverySend'],
  ['POST', '/magic_links/authenticate', 'MagicLinksAuthenticate'],
  ['POST', '/magic_links/discovery/authenticate', 'MagicLinksDiscoveryAuthenticate'],
  ['POST', '/sessions/authenticate', 'SessionsAuthenticate'],
  ['POST', '/sessions/revoke', 'SessionsRevoke'],
  ['POST', '/sessions/revoke/:member_id', 'SessionsRevokeForMember'],
  ['GET', '/sessions', 'SessionsGet'],
  ['POST', '/sessions/exchange', 'SessionsExchange'],
  ['GET', '/sessions/jwks/:project_id', 'SessionsGetJWKS'],
  ['GET', '/sso/connections', 'SSOGetConnections'],
  ['GET', '/sso/:organization_id', 'SSOGetConnections'],
  ['POST', '/sso/saml', 'SSOSAMLCreateConnection'],
  ['POST', '/sso/saml/:organization_id', 'SSOSAMLCreateConnection'],
  ['POST', '/sso/oidc/:organization_id', 'SSOOIDCCreateConnection'],
  ['DELETE', '/sso/:organization_id/connections/:connection_id', 'SSODeleteConnection'],
  ['POST', '/discovery/organizations', 'DiscoveryOrganizationsList'],
  ['POST', '/discovery/organizations/create', 'DiscoveryOrganizationsCreate'],
  ['POST', '/discovery/intermediate_sessions/exchange', 'DiscoveryIntermediateSessionsExchange'],
  ['GET', '/events', 'EventsSearch'],
  ['POST', '/sso/authenticate', 'SSOAuthenticate'],
  ['PUT', '/sso/saml/:organization_id/connections/:connection_id/url', 'SSOSAMLUpdateByURL'],
];

const SDK_ONLY: ReadonlyArray<readonly [Method, string, string]> = [
  ['GET', '/sdk/v1/projects/bootstrap/:public_token', 'ProjectsBootstrap'],
  ['GET', '/sdk/v1/b2b/organizations/me', 'OrganizationsGet'],
  ['GET', '/sdk/v1/b2b/organizations/members/me', 'OrganizationsMembersGet'],
  ['GET', '/sdk/v1/b2b/sso/discovery/connections', 'SSODiscoverConnections'],
  ['POST', '/sdk/v1/events', 'SDKTelemetry'],
  // Browser-facing SSO endpoints (no API key: the IdP or a redirect brings the browser here).
  ['GET', '/v1/public/sso/start', 'SSOStart'],
  ['POST', '/v1/public/sso/saml/:connection_id/acs', 'SSOSAMLACS'],
  ['GET', '/v1/public/sso/saml/:connection_id/metadata', 'SSOSAMLMetadata'],
  ['GET', '/v1/public/sso/oidc/callback', 'SSOOIDCCallback'],
];

interface Entry {
  method: string;
  segments: string[];
  literals: number;
  action: string;
}

const split = (path: string) => path.split('/').filter((s) => s !== '');

function entry(method: string, pattern: string, action: string): Entry {
  const segments = split(pattern);
  return { method, segments, literals: segments.filter((s) => !s.startsWith(':')).length, action };
}

const TABLE: Entry[] = [
  ...SHARED.flatMap(([m, p, a]) => [entry(m, `/v1/b2b${p}`, a), entry(m, `/sdk/v1/b2b${p}`, a)]),
  ...SDK_ONLY.map(([m, p, a]) => entry(m, p, a)),
];

/** A request's operation: its action name, route pattern and decoded path parameters. */
export interface MatchedAction {
  action: string;
  /** `/v1/b2b/organizations/:organization_id`, or the API prefix + `/*` when unknown. */
  route: string;
  params: Record<string, string>;
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Names a request; unknown method + path → `Unknown` (route = its API prefix, never the raw path). */
export function matchAction(method: string, path: string): MatchedAction {
  const segments = split(path);
  let best: Entry | undefined;
  for (const candidate of TABLE) {
    if (candidate.method !== method || candidate.segments.length !== segments.length) continue;
    const fits = candidate.segments.every((s, i) => s.startsWith(':') || s === segments[i]);
    if (fits && (best === undefined || candidate.literals > best.literals)) best = candidate;
  }
  if (best === undefined) {
    const prefix = path.startsWith('/sdk/') ? '/sdk/v1' : path.startsWith('/v1/public/') ? '/v1/public' : '/v1/b2b';
    return { action: 'Unknown', route: `${prefix}/*`, params: {} };
  }
  const params: Record<string, string> = {};
  best.segments.forEach((s, i) => {
    if (s.startsWith(':')) params[s.slice(1)] = decode(segments[i] ?? '');
  });
  return { action: best.action, route: `/${best.segments.join('/')}`, params };
}
