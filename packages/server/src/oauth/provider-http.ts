import type { AppDeps } from '../http/index.js';
import { type ApiError, apiError } from '../lib/api-error.js';
import { EgressRefusedError } from '../lib/egress-guard.js';
import { boundedFetch, isLoopbackHttp } from '../sso/index.js';
import { oauthRedirectUri, PROVIDER_LABELS, type ResolvedProvider } from './providers.js';

/** The refusal of a provider answer we cannot trust or use. */
export function refused(p: ResolvedProvider, why: string): ApiError {
  return apiError('oauth_response_invalid', `${PROVIDER_LABELS[p.provider]}'s answer was refused: ${why}.`);
}

const clip = (s: unknown) =>
  String(s ?? '')
    .replace(/[^\x20-\x7E]/g, '')
    .slice(0, 200);

/**
 * One request to a provider: https only (plain http for loopback alone: tests and the `--dev`
 * stand-in on the server's own origin), through the egress guard with the timeout and size cap of
 * sso/oidc/http.ts, answered with JSON.
 * @throws ApiError 400 `oauth_response_invalid`
 */
export async function providerJson(
  deps: AppDeps,
  p: ResolvedProvider,
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Record<string, unknown>> {
  if (!url.startsWith('https://') && !isLoopbackHttp(url)) throw refused(p, 'a provider URL is not https');
  let res: Response;
  try {
    res = await boundedFetch(
      url,
      {
        ...init,
        // GitHub's API refuses requests without a User-Agent.
        headers: { accept: 'application/json', 'user-agent': 'orgauth-server', ...init.headers },
      },
      deps.idpEgress,
    );
  } catch (error) {
    if (error instanceof EgressRefusedError) throw refused(p, clip(error.message));
    throw refused(p, `it could not be reached (${clip((error as Error).message)})`);
  }
  const body = (await res.json().catch(() => undefined)) as unknown;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    if (Array.isArray(body) && res.status === 200) return { items: body };
    throw refused(p, `its answer (HTTP ${res.status}) is not a JSON object`);
  }
  const record = body as Record<string, unknown>;
  if (res.status !== 200) {
    throw refused(
      p,
      `HTTP ${res.status} ${clip(record.error)} ${clip(record.error_description ?? record.message)}`.trim(),
    );
  }
  return record;
}

/** What a token endpoint answered. */
export interface ProviderTokens {
  accessToken: string;
  refreshToken: string;
  idToken: string;
  scopes: string[];
  expiresAt: number | null;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/**
 * Redeems the authorization code at the provider's token endpoint with our client secret
 * (`client_secret_post`, which all five providers accept) and the attempt's PKCE verifier. Written
 * by hand rather than with oauth4webapi's code grant: that one requires the ID token's `iss` to equal
 * one fixed issuer, and Microsoft's multi-tenant issuer is a template checked per token (oauth/id-token.ts).
 * GitHub and Slack report failures as `200` with `error` / `ok: false`, so both are checked.
 * @throws ApiError 400 `oauth_response_invalid`
 */
export async function exchangeCode(
  deps: AppDeps,
  p: ResolvedProvider,
  code: string,
  verifier: string,
): Promise<ProviderTokens> {
  const form = new URLSearchParams({
    grant_type: 'authorization_code',
    code,
    redirect_uri: oauthRedirectUri(deps.publicUrl),
    client_id: p.clientId,
    client_secret: p.clientSecret,
    code_verifier: verifier,
  });
  const body = await providerJson(deps, p, p.endpoints.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  });
  if (body.error !== undefined || body.ok === false)
    throw refused(p, `the code exchange failed (${clip(body.error)} ${clip(body.error_description)})`.trim());
  const accessToken = str(body.access_token);
  if (accessToken === '' || accessToken.length > 8192) throw refused(p, 'the code exchange returned no access token');
  const expiresIn = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : undefined;
  const scope = str(body.scope);
  return {
    accessToken,
    refreshToken: str(body.refresh_token),
    idToken: str(body.id_token),
    // GitHub separates scopes with commas, the others with spaces.
    scopes: scope.split(/[ ,]+/).filter((s) => s !== ''),
    expiresAt: expiresIn === undefined ? null : deps.now() + expiresIn * 1000,
  };
}

/** An authenticated GET to one of the provider's user APIs. */
export function userApi(deps: AppDeps, p: ResolvedProvider, url: string, accessToken: string) {
  return providerJson(deps, p, url, { headers: { authorization: `Bearer ${accessToken}` } });
}

/** How long a provider's discovery document is reused: providers change keys and endpoints rarely. */
const DISCOVERY_TTL_MS = 5 * 60_000;
const discoveryCache = new Map<string, { at: number; jwksUri: string }>();

/**
 * The JWKS URL from the provider's OpenID discovery document (fetched through the egress guard,
 * cached for five minutes), after checking that the document names exactly the expected issuer
 * (docs/security.md O6); Microsoft's is the `{tenantid}` template itself.
 * @throws ApiError 400 `oauth_response_invalid`
 */
export async function discoveredJwksUri(deps: AppDeps, p: ResolvedProvider): Promise<string> {
  const { discoveryUrl, issuer } = p.endpoints;
  if (discoveryUrl === undefined || issuer === undefined) throw refused(p, 'it has no OpenID discovery document');
  const key = `${discoveryUrl} ${issuer}`;
  const cached = discoveryCache.get(key);
  if (cached !== undefined && Date.now() - cached.at < DISCOVERY_TTL_MS) return cached.jwksUri;
  const doc = await providerJson(deps, p, discoveryUrl);
  if (doc.issuer !== issuer) throw refused(p, `its discovery document names issuer "${clip(doc.issuer)}"`);
  const jwksUri = str(doc.jwks_uri);
  if (jwksUri === '') throw refused(p, 'its discovery document has no jwks_uri');
  discoveryCache.set(key, { at: Date.now(), jwksUri });
  return jwksUri;
}
