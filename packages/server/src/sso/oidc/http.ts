import * as oauth from 'oauth4webapi';
import { egressFetch, type EgressPolicy } from '../../lib/egress-guard.js';

/** Longest we wait on an identity provider (discovery, token, JWKS, userinfo). */
export const OIDC_TIMEOUT_MS = 5_000;
/** Largest IdP answer we read: discovery documents and key sets are a few KB. */
export const OIDC_MAX_BODY_BYTES = 256 * 1024;

/** The ID token signature algorithms we accept: asymmetric only, never `none`, never HS* (docs/security.md §3). */
export const ID_TOKEN_ALGS = ['RS256', 'ES256', 'PS256'] as const;

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Whether `url` may be fetched over plain http: only loopback (the built-in dev IdP, tests). Anything
 * else must be https, so a network attacker cannot swap keys or codes in transit.
 */
export function isLoopbackHttp(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' && LOOPBACK.has(parsed.hostname);
  } catch {
    return false;
  }
}

/** Reads at most {@link OIDC_MAX_BODY_BYTES}; a longer body is an error, not a truncation. */
async function readBounded(res: Response): Promise<Uint8Array<ArrayBuffer>> {
  const reader = res.body?.getReader();
  if (reader === undefined) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > OIDC_MAX_BODY_BYTES) {
      await reader.cancel();
      throw new Error(`The identity provider's answer is larger than ${OIDC_MAX_BODY_BYTES} bytes.`);
    }
    chunks.push(value);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/** What oauth4webapi hands its `customFetch`. */
type FetchInit = { method?: string; headers?: unknown; body?: unknown };

/**
 * `fetch` for talking to identity providers: a timeout, no redirects followed (an IdP endpoint that
 * redirects is misconfigured, and following would let it point us anywhere), a size cap, and no
 * private-network destination unless `egress` allows it (docs/security.md O20, lib/egress-guard.ts).
 * @throws EgressRefusedError for a private destination; Error for a too-large answer or a network failure.
 */
export async function boundedFetch(url: string, init: FetchInit, egress: EgressPolicy): Promise<Response> {
  const res = await egressFetch(
    url,
    { ...(init as RequestInit), redirect: 'manual', signal: AbortSignal.timeout(OIDC_TIMEOUT_MS) },
    egress,
  );
  const body = await readBounded(res);
  return new Response(res.status === 204 || res.status === 304 ? null : body, {
    status: res.status,
    statusText: res.statusText,
    headers: res.headers,
  });
}

/** oauth4webapi request options: bounded, guarded fetch, and plain http allowed for loopback URLs only. */
export function requestOptions(
  url: string,
  egress: EgressPolicy,
): {
  [oauth.customFetch]: (url: string, init: FetchInit) => Promise<Response>;
  [oauth.allowInsecureRequests]: boolean;
} {
  return {
    [oauth.customFetch]: (target, init) => boundedFetch(target, init, egress),
    [oauth.allowInsecureRequests]: isLoopbackHttp(url),
  };
}

/** The endpoints discovery yields. */
export interface DiscoveredEndpoints {
  issuer: string;
  authorizationUrl: string;
  tokenUrl: string;
  userinfoUrl: string;
  jwksUrl: string;
  /** RFC 9207: the IdP sends `iss` in every authorization response (so a missing one is an attack). */
  issParameterSupported: boolean;
}

/**
 * Fetches `<issuer>/.well-known/openid-configuration` and checks that its `issuer` equals `issuer`
 * exactly (OpenID Discovery §4.3: otherwise an attacker's document could impersonate another issuer).
 * @throws Error with a readable reason (caller turns it into `oidc_discovery_failed`).
 */
export async function discoverEndpoints(issuer: string, egress: EgressPolicy): Promise<DiscoveredEndpoints> {
  const issuerUrl = new URL(issuer);
  const res = await oauth.discoveryRequest(issuerUrl, { ...requestOptions(issuer, egress), algorithm: 'oidc' });
  const as = await oauth.processDiscoveryResponse(issuerUrl, res);
  // oauth4webapi compares normalised URLs; the ID token's `iss` is compared as a string, so require
  // the very string here too (a trailing slash would otherwise fail every sign-in later).
  if (as.issuer !== issuer) throw new Error(`The discovery document names issuer "${as.issuer}", not "${issuer}".`);
  if (as.authorization_endpoint === undefined || as.token_endpoint === undefined || as.jwks_uri === undefined) {
    throw new Error('The discovery document lacks authorization_endpoint, token_endpoint or jwks_uri.');
  }
  return {
    issuer: as.issuer,
    authorizationUrl: as.authorization_endpoint,
    tokenUrl: as.token_endpoint,
    userinfoUrl: as.userinfo_endpoint ?? '',
    jwksUrl: as.jwks_uri,
    issParameterSupported: as.authorization_response_iss_parameter_supported === true,
  };
}
