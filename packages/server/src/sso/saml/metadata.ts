import { X509Certificate } from 'node:crypto';
import { loadXmldom } from './libraries.js';
import { apiError } from '../../lib/api-error.js';
import { EgressRefusedError, egressFetch, type EgressPolicy } from '../../lib/egress-guard.js';

const MD = 'urn:oasis:names:tc:SAML:2.0:metadata';
const DS = 'http://www.w3.org/2000/09/xmldsig#';
const REDIRECT_BINDING = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';
/** IdP metadata is a few KB; bigger answers are refused, as are slow ones. */
export const METADATA_MAX_BYTES = 1024 * 1024;
export const METADATA_TIMEOUT_MS = 5_000;

/** What a connection needs from IdP metadata. */
export interface IdpMetadata {
  entityId: string;
  ssoUrl: string;
  /** PEM signing certificates (first one is used). */
  certificates: string[];
}

const invalid = (message: string) => apiError('invalid_metadata', message);

/**
 * Which metadata URLs we fetch: https anywhere, http only on loopback (local IdPs, tests). No
 * credentials in the URL. (The caller holds the project secret; this bounds what a typo can reach.)
 */
export function checkMetadataUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalid('metadata_url must be an absolute URL.');
  }
  const loopback = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
  if (url.username !== '' || url.password !== '') throw invalid('metadata_url must not carry credentials.');
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback))
    throw invalid('metadata_url must be https (http only on localhost).');
  return url;
}

/**
 * Fetches metadata: no redirects followed, bounded in time and size, and no private-network
 * destination unless `egress` allows it (docs/security.md O20: the URL is the tenant's, the network ours).
 * @throws ApiError 400 `invalid_metadata`
 */
export async function fetchMetadata(url: URL, egress: EgressPolicy): Promise<string> {
  let res: Response;
  try {
    res = await egressFetch(
      url,
      {
        redirect: 'manual',
        signal: AbortSignal.timeout(METADATA_TIMEOUT_MS),
        headers: { accept: 'application/samlmetadata+xml, application/xml, text/xml' },
      },
      egress,
    );
  } catch (error) {
    if (error instanceof EgressRefusedError) throw invalid(`The metadata URL was refused: ${error.message}`);
    throw invalid('The metadata URL could not be fetched (unreachable or too slow).');
  }
  if (res.status !== 200) throw invalid(`The metadata URL answered HTTP ${res.status}.`);
  if (Number(res.headers.get('content-length') ?? '0') > METADATA_MAX_BYTES)
    throw invalid('The metadata document is too large.');
  const reader = res.body?.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > METADATA_MAX_BYTES) {
      await reader.cancel();
      throw invalid('The metadata document is too large.');
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const toPem = (b64: string) =>
  `-----BEGIN CERTIFICATE-----\n${(b64.replace(/\s+/g, '').match(/.{1,64}/g) ?? []).join('\n')}\n-----END CERTIFICATE-----`;

/**
 * Parses IdP metadata safely: any DTD is refused outright (no entity expansion, no external
 * fetches), and only the first IDP EntityDescriptor is read: its entityID, the HTTP-Redirect
 * SingleSignOnService, and its signing certificates.
 * @throws ApiError 400 `invalid_metadata`
 */
export function parseIdpMetadata(xml: string): IdpMetadata {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw invalid('IdP metadata must not contain a DTD.');
  const errors: string[] = [];
  const { DOMParser } = loadXmldom();
  const doc = new DOMParser({
    errorHandler: {
      warning: () => undefined,
      error: (msg: string) => void errors.push(msg),
      fatalError: (msg: string) => void errors.push(msg),
    },
  }).parseFromString(xml, 'text/xml');
  if (errors.length > 0 || doc.documentElement === null) throw invalid('IdP metadata is not well-formed XML.');
  const entity = Array.from(doc.getElementsByTagNameNS(MD, 'EntityDescriptor')).find(
    (e) => e.getElementsByTagNameNS(MD, 'IDPSSODescriptor').length > 0,
  );
  if (entity === undefined) throw invalid('IdP metadata has no EntityDescriptor with an IDPSSODescriptor.');
  const entityId = entity.getAttribute('entityID') ?? '';
  const idp = entity.getElementsByTagNameNS(MD, 'IDPSSODescriptor')[0]!;
  const sso = Array.from(idp.getElementsByTagNameNS(MD, 'SingleSignOnService')).find(
    (s) => s.getAttribute('Binding') === REDIRECT_BINDING,
  );
  const ssoUrl = sso?.getAttribute('Location') ?? '';
  if (entityId === '' || ssoUrl === '')
    throw invalid('IdP metadata lacks an entityID or an HTTP-Redirect SingleSignOnService.');
  if (!/^https?:\/\//.test(ssoUrl)) throw invalid('The IdP SingleSignOnService location must be an http(s) URL.');
  const certificates = Array.from(idp.getElementsByTagNameNS(MD, 'KeyDescriptor'))
    .filter((k) => (k.getAttribute('use') || 'signing') === 'signing')
    .flatMap((k) => Array.from(k.getElementsByTagNameNS(DS, 'X509Certificate')))
    .map((c) => toPem(c.textContent ?? ''))
    .filter((pem) => {
      try {
        new X509Certificate(pem);
        return true;
      } catch {
        return false;
      }
    });
  if (certificates.length === 0) throw invalid('IdP metadata has no valid signing certificate.');
  return { entityId, ssoUrl, certificates };
}
