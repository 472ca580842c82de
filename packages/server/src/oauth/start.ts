import type { OAuthProviderType } from '@orgauth/core/protocol';
import * as oauth from 'oauth4webapi';
import type { AppDeps } from '../http/index.js';
import { apiError, badRequest } from '../lib/api-error.js';
import { optionalPkceChallenge } from '../magic-links/index.js';
import { findOrganization } from '../organizations/index.js';
import { newBrowserBinding } from '../sso/index.js';
import { assertOAuthAllowed } from './policy.js';
import { BASE_SCOPES, OPENID_PROVIDERS, oauthRedirectUri, resolveProvider } from './providers.js';
import { createOAuthRequest } from './requests.js';

/** Parameters our own authorization request sets; a `provider_*` parameter may not replace them. */
const RESERVED = new Set([
  'client_id',
  'redirect_uri',
  'response_type',
  'scope',
  'state',
  'nonce',
  'code_challenge',
  'code_challenge_method',
]);
const SCOPE = /^[\x21\x23-\x5B\x5D-\x7E]{1,200}$/;

/** Where the start sends the browser, and the binding secret the route sets as a cookie. */
export interface OAuthRedirect {
  url: string;
  state: string;
  bindingSecret: string;
}

const blank = (v: string | undefined) => (v === undefined || v === '' ? undefined : v);

function longest(q: Record<string, string>, key: string, max: number): string | undefined {
  const v = blank(q[key]);
  if (v !== undefined && v.length > max) throw badRequest(`${key} is too long.`);
  return v;
}

/** `custom_scopes` (space-separated), checked for shape. */
function customScopes(q: Record<string, string>): string[] {
  const scopes = (longest(q, 'custom_scopes', 2048) ?? '').split(' ').filter((s) => s !== '');
  if (scopes.length > 30 || scopes.some((s) => !SCOPE.test(s))) throw badRequest('custom_scopes is malformed.');
  return scopes;
}

/** `provider_prompt=select_account` → `prompt=select_account`, passed on to the provider. */
function providerParams(q: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(q)) {
    if (!key.startsWith('provider_')) continue;
    const name = key.slice('provider_'.length);
    if (!/^[a-z_]{1,64}$/i.test(name) || RESERVED.has(name) || value.length > 512)
      throw badRequest(`${key} cannot be passed on to the provider.`);
    out[name] = value;
  }
  if (Object.keys(out).length > 20) throw badRequest('Too many provider_* parameters.');
  return out;
}

/**
 * `GET /v1/b2b/public/oauth/{provider}/start` (organization) and `…/discovery/start` (discovery):
 * checks the public token, the organization and its policy, the redirect URLs (the project's
 * allowlist, docs/security.md REDIR-04) and the PKCE challenge, records the attempt, and builds the
 * provider's authorization URL with `state`, a `nonce` for OpenID providers, PKCE S256 towards the
 * provider (sent to all five: those without PKCE ignore it, docs/security.md O3) and the
 * browser-binding secret the route sets as a cookie (docs/security.md O2).
 * `admit` runs once the project is known, before anything is written (the route's rate limit).
 * @throws ApiError 401 `invalid_public_token`, 404 `organization_not_found` / `oauth_config_not_found`,
 *   400 `invalid_redirect_url` / `bad_request`, 403 `oauth_not_allowed`
 */
export async function startOAuth(
  deps: AppDeps,
  provider: OAuthProviderType,
  q: Record<string, string>,
  discovery: boolean,
  admit: (projectId: string) => Promise<void>,
): Promise<OAuthRedirect> {
  const publicToken = longest(q, 'public_token', 256);
  const project = publicToken === undefined ? undefined : await deps.projects.byPublicToken(publicToken);
  if (project === undefined) throw apiError('invalid_public_token', 'public_token is missing or unknown.');
  const challenge = optionalPkceChallenge({ pkce_code_challenge: q.pkce_code_challenge });
  const scopes = customScopes(q);
  const params = providerParams(q);
  let organizationId: string | null = null;
  const urls = { login: '', signup: '', discovery: '' };
  if (discovery) {
    urls.discovery = await deps.projects.resolveRedirectUrl(
      project.id,
      'discovery',
      longest(q, 'discovery_redirect_url', 2048),
    );
  } else {
    const idOrSlug = longest(q, 'organization_id', 256) ?? longest(q, 'slug', 256);
    if (idOrSlug === undefined) throw badRequest('organization_id or slug is required.');
    const org = await findOrganization(deps.db, project.id, idOrSlug);
    if (org === undefined) throw apiError('organization_not_found', 'No organization matches that organization_id.');
    assertOAuthAllowed(org, provider);
    organizationId = org.id;
    urls.login = await deps.projects.resolveRedirectUrl(project.id, 'login', longest(q, 'login_redirect_url', 2048));
    urls.signup = await deps.projects.resolveRedirectUrl(project.id, 'signup', longest(q, 'signup_redirect_url', 2048));
  }
  const p = await resolveProvider(deps, project.id, provider);
  await admit(project.id);
  const verifier = oauth.generateRandomCodeVerifier();
  const nonce = oauth.generateRandomNonce();
  const binding = newBrowserBinding();
  const { state } = await createOAuthRequest(
    deps.db,
    {
      project_id: project.id,
      provider,
      organization_id: organizationId,
      login_redirect_url: urls.login,
      signup_redirect_url: urls.signup,
      discovery_redirect_url: urls.discovery,
      custom_scopes: scopes.join(' '),
      provider_params: JSON.stringify(params),
      pkce_code_challenge: challenge ?? null,
      code_verifier: deps.secretBox.seal(verifier),
      nonce,
      browser_binding_hash: binding.hash,
    },
    deps.now(),
  );
  const url = new URL(p.endpoints.authorizationUrl);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', p.clientId);
  url.searchParams.set('redirect_uri', oauthRedirectUri(deps.publicUrl));
  url.searchParams.set('scope', [...new Set([...BASE_SCOPES[provider], ...scopes])].join(' '));
  url.searchParams.set('state', state);
  if (OPENID_PROVIDERS.has(provider) || provider === 'slack') url.searchParams.set('nonce', nonce);
  url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(verifier));
  url.searchParams.set('code_challenge_method', 'S256');
  return { url: url.href, state, bindingSecret: binding.secret };
}
