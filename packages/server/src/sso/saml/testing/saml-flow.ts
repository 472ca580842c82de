/**
 * Test-only helpers that drive a real SAML sign-in against a test server: create an organization and
 * an active SAML connection pinned to the test IdP certificate, start SSO, post to the ACS, redeem
 * the `sso` token. Used by the ACS tests and the SAML attack suite. Every request goes over the test
 * server's socket (`t.http`, the CLI's listener), so the answers' headers are what a browser gets.
 */
import { inflateRawSync } from 'node:zlib';
import { acsUrl, spEntityId } from '../sp.js';
import { TEST_PKCE } from '../../../testing/journey.js';
import type { TestResponse, TestServer } from '../../../testing/test-server.js';
import { buildSignedResponse, TEST_IDP_CERT, type SignedResponseOptions } from './saml-fixtures.js';

/** The test IdP's entity id and SSO URL (a connection's settings; nothing listens there). */
export const TEST_IDP_ENTITY_ID = 'https://idp.example.test/saml';
export const TEST_IDP_SSO_URL = 'https://idp.example.test/saml/sso';
/** The public URL test servers run with (the default of `ServerOptions.publicUrl`). */
export const TEST_PUBLIC_URL = 'http://localhost:3000';

/**
 * The start query of a browser sign-in through the SDK: {@link TEST_PKCE}'s challenge. The SDK's
 * `sso/authenticate` redeems only tokens whose start carried one (see {@link sdkSsoAuthenticate}).
 */
export const SDK_SSO_START = { pkce_code_challenge: TEST_PKCE.challenge } as const;

/** An organization with an active SAML connection. */
export interface SamlSetup {
  organizationId: string;
  connectionId: string;
  /** Our SP entity id (the audience) and ACS URL (recipient / destination) for this connection. */
  audience: string;
  acs: string;
}

/** Creates an organization (`slug`, JIT policy) with an active SAML connection pinned to {@link TEST_IDP_CERT}. */
export async function setupSamlConnection(
  t: TestServer,
  options: {
    slug?: string;
    jit?: 'ALL_ALLOWED' | 'RESTRICTED' | 'NOT_ALLOWED';
    attributeMapping?: Record<string, string>;
    publicUrl?: string;
  } = {},
): Promise<SamlSetup> {
  const slug = options.slug ?? 'acme';
  const org = await t.api('/organizations', {
    body: { organization_name: slug, organization_slug: slug, sso_jit_provisioning: options.jit ?? 'ALL_ALLOWED' },
  });
  if (org.status !== 200) throw new Error(`create org: ${JSON.stringify(org.body)}`);
  const organizationId: string = org.body.organization.organization_id;
  const created = await t.api(`/sso/saml/${organizationId}`, { body: { display_name: 'Test IdP' } });
  const connectionId: string = created.body.connection.connection_id;
  const updated = await t.api(`/sso/saml/${organizationId}/connections/${connectionId}`, {
    method: 'PUT',
    body: {
      idp_entity_id: TEST_IDP_ENTITY_ID,
      idp_sso_url: TEST_IDP_SSO_URL,
      x509_certificate: TEST_IDP_CERT,
      attribute_mapping: options.attributeMapping ?? {},
    },
  });
  if (updated.body.connection?.status !== 'active')
    throw new Error(`activate connection: ${JSON.stringify(updated.body)}`);
  const publicUrl = options.publicUrl ?? TEST_PUBLIC_URL;
  return {
    organizationId,
    connectionId,
    audience: spEntityId(publicUrl, connectionId),
    acs: acsUrl(publicUrl, connectionId),
  };
}

/** Calls `GET /v1/public/sso/start` over the test server's socket (raw response, redirect not followed). */
export function ssoStartRaw(t: TestServer, query: Record<string, string>): Promise<Response> {
  const q = new URLSearchParams({ public_token: t.server.project.public_token, ...query });
  return t.http(`/v1/public/sso/start?${q}`);
}

/** Starts SAML SSO and returns the AuthnRequest ID (for InResponseTo) and RelayState it produced. */
export async function startSamlSso(
  t: TestServer,
  connectionId: string,
  query: Record<string, string> = {},
): Promise<{ requestId: string; relayState: string; location: URL }> {
  const res = await ssoStartRaw(t, { connection_id: connectionId, ...query });
  if (res.status !== 302) throw new Error(`sso start: ${res.status} ${await res.text()}`);
  const location = new URL(res.headers.get('location') ?? '');
  const xml = inflateRawSync(Buffer.from(location.searchParams.get('SAMLRequest') ?? '', 'base64')).toString('utf8');
  const requestId = /\bID="([^"]+)"/.exec(xml)?.[1] ?? '';
  return { requestId, relayState: location.searchParams.get('RelayState') ?? '', location };
}

/** POSTs an HTTP-POST binding form to the connection's ACS over the test server's socket (raw response). */
export function postAcs(
  t: TestServer,
  connectionId: string,
  samlResponseBase64: string,
  relayState?: string,
): Promise<Response> {
  const form = new URLSearchParams({
    SAMLResponse: samlResponseBase64,
    ...(relayState === undefined ? {} : { RelayState: relayState }),
  });
  return t.http(`/v1/public/sso/saml/${encodeURIComponent(connectionId)}/acs`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  });
}

/** Default-valid response options for `setup` answering `requestId` at the test clock's time. */
export function validResponseOptions(
  t: TestServer,
  setup: SamlSetup,
  requestId: string | null,
  nameId: string,
): SignedResponseOptions {
  return {
    issuer: TEST_IDP_ENTITY_ID,
    audience: setup.audience,
    recipient: setup.acs,
    inResponseTo: requestId,
    nameId,
    now: t.clock.now(),
  };
}

/**
 * A full SP-initiated sign-in up to the redirect: start, sign a valid response (overridable), post it.
 * Returns the ACS response.
 */
export async function samlSignIn(
  t: TestServer,
  setup: SamlSetup,
  nameId: string,
  overrides: Partial<SignedResponseOptions> = {},
  startQuery: Record<string, string> = {},
): Promise<Response> {
  const { requestId, relayState } = await startSamlSso(t, setup.connectionId, startQuery);
  const { base64 } = buildSignedResponse({ ...validResponseOptions(t, setup, requestId, nameId), ...overrides });
  return postAcs(t, setup.connectionId, base64, relayState);
}

/** The `token` of a `stytch_token_type=sso` redirect (throws when the ACS did not redirect). */
export async function ssoTokenOf(res: Response): Promise<string> {
  if (res.status !== 303) throw new Error(`ACS answered ${res.status}: ${await res.text()}`);
  const url = new URL(res.headers.get('location') ?? '');
  if (url.searchParams.get('stytch_token_type') !== 'sso') throw new Error(`not an sso redirect: ${url.href}`);
  return url.searchParams.get('token') ?? '';
}

/**
 * Redeems `ssoToken` through the SDK route with {@link TEST_PKCE}'s verifier (the token's start must
 * have used {@link SDK_SSO_START}); `session` is the Basic password, as the browser SDK sends it.
 */
export function sdkSsoAuthenticate(
  t: TestServer,
  ssoToken: string,
  options: { session?: string; body?: Record<string, unknown> } = {},
): Promise<TestResponse> {
  const body = {
    sso_token: ssoToken,
    session_duration_minutes: 60,
    pkce_code_verifier: TEST_PKCE.verifier,
    ...options.body,
  };
  return t.sdk('/b2b/sso/authenticate', {
    ...(options.session === undefined ? {} : { session: options.session }),
    body,
  });
}
