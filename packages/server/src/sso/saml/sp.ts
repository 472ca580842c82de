import type { CacheProvider, SAML } from '@node-saml/node-saml';
import { loadNodeSaml } from './libraries.js';
import type { SsoConnectionsTable } from '../../db/schema.js';
import { apiError } from '../../lib/api-error.js';
import { parseJson } from '../../lib/json.js';
import type { StoredCertificate } from '../connections.js';
import { setSamlRequestId, type SsoRequest } from '../requests.js';
import type { Db } from '../../db/schema.js';
import { randomBytes } from 'node:crypto';

/**
 * Our SP entity id for a connection: its metadata URL (the common convention, so an IT admin can paste
 * one URL). Built from the configured public URL, never from a request's Host header.
 */
export const spEntityId = (publicUrl: string, connectionId: string) =>
  `${publicUrl}/v1/public/sso/saml/${encodeURIComponent(connectionId)}/metadata`;
/** Our Assertion Consumer Service URL for a connection (HTTP-POST binding). */
export const acsUrl = (publicUrl: string, connectionId: string) =>
  `${publicUrl}/v1/public/sso/saml/${encodeURIComponent(connectionId)}/acs`;

/** Allowed clock skew on SAML timestamps: small, since assertions are bearer tokens. */
export const SAML_CLOCK_SKEW_MS = 30_000;

/**
 * The PEM certificates a connection pins, minus expired ones (an expired IdP certificate verifies
 * nothing: SAML-09).
 * @throws ApiError 400 `saml_response_invalid` when none is left
 */
export function pinnedCertificates(connection: SsoConnectionsTable, now: number): string[] {
  const certs = parseJson<StoredCertificate[]>(connection.x509_certificates, []).filter((c) => c.expires_at > now);
  if (certs.length === 0)
    throw apiError(
      'saml_response_invalid',
      'The connection has no unexpired IdP signing certificate, so no response can be verified.',
    );
  return certs.map((c) => c.certificate);
}

/**
 * A node-saml SP for one connection. It never uses node-saml's in-memory request cache (servers are
 * stateless; our `sso_requests` table is the store): `expectedRequestId` is the single InResponseTo
 * this call accepts, or `null` for an unsolicited response (then InResponseTo is not consulted).
 * Time checks are ours (injectable clock, see saml-acs.ts), so node-saml's are switched off.
 */
export function samlClient(
  publicUrl: string,
  connection: SsoConnectionsTable,
  options: { expectedRequestId: string | null; idpCerts: string[]; requestId?: string },
): SAML {
  const expected = options.expectedRequestId;
  const cacheProvider: CacheProvider = {
    saveAsync: async () => null,
    // node-saml reads the value as the request's creation time against its own (real) clock; the
    // expiry that counts is `sso_requests.expires_at`, checked with our clock before we get here.
    getAsync: async (key) => (expected !== null && key === expected ? new Date().toISOString() : null),
    removeAsync: async () => null,
  };
  const { SAML, ValidateInResponseTo } = loadNodeSaml();
  return new SAML({
    callbackUrl: acsUrl(publicUrl, connection.id),
    entryPoint: connection.idp_sso_url,
    issuer: spEntityId(publicUrl, connection.id),
    audience: spEntityId(publicUrl, connection.id),
    idpIssuer: connection.idp_entity_id,
    idpCert: options.idpCerts,
    // A signature on the Response OR on the Assertion is required (node-saml verifies the assertion
    // when the response is unsigned); which one is the IdP's choice.
    wantAuthnResponseSigned: false,
    wantAssertionsSigned: false,
    validateInResponseTo: expected === null ? ValidateInResponseTo.never : ValidateInResponseTo.always,
    cacheProvider,
    acceptedClockSkewMs: -1,
    identifierFormat: null,
    disableRequestedAuthnContext: true,
    signatureAlgorithm: 'sha256',
    generateUniqueId: () => options.requestId ?? `_${randomBytes(20).toString('hex')}`,
  });
}

/**
 * `SSO_STARTERS.saml`: mints the AuthnRequest ID, records it on the request (for InResponseTo) and
 * returns the IdP's HTTP-Redirect URL carrying the request id as RelayState.
 */
export async function startSaml(
  deps: { db: Db; publicUrl: string },
  connection: SsoConnectionsTable,
  request: SsoRequest,
): Promise<string> {
  const requestId = `_${randomBytes(20).toString('hex')}`;
  await setSamlRequestId(deps.db, request, requestId);
  const saml = samlClient(deps.publicUrl, connection, {
    expectedRequestId: requestId,
    idpCerts: ['unused'],
    requestId,
  });
  return saml.getAuthorizeUrlAsync(request.id, undefined, {});
}

/** Our SP metadata XML for a connection (entity id, ACS URL; AuthnRequests are not signed). */
export function spMetadataXml(publicUrl: string, connection: SsoConnectionsTable): string {
  const saml = samlClient(publicUrl, connection, { expectedRequestId: null, idpCerts: ['unused'] });
  return saml.generateServiceProviderMetadata(null, null);
}
