/**
 * Test-only builder of SAML 2.0 Responses signed the way a real IdP signs them, with every field an
 * attacker (or a misconfigured IdP) could get wrong made configurable. The ACS tests and the SAML
 * attack suite build their inputs here; nothing in the server imports this file.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { SignedXml } from 'xml-crypto';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

/** The test IdP's key pair (its certificate is what a test connection pins). */
export const TEST_IDP_KEY = fixture('idp-key.pem');
export const TEST_IDP_CERT = fixture('idp-cert.pem');
/** A second, unrelated key pair: "signed by another key" cases. */
export const OTHER_KEY = fixture('other-key.pem');
export const OTHER_CERT = fixture('other-cert.pem');

const ALGORITHMS = {
  sha256: {
    signature: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    digest: 'http://www.w3.org/2001/04/xmlenc#sha256',
  },
  sha1: { signature: 'http://www.w3.org/2000/09/xmldsig#rsa-sha1', digest: 'http://www.w3.org/2000/09/xmldsig#sha1' },
} as const;

/** Options of {@link buildSignedResponse}; every one has a sane "valid" default except the ones a test must choose. */
export interface SignedResponseOptions {
  /** Issuer of the Response and the Assertion (the IdP entity id). */
  issuer: string;
  /** Audience restriction (our SP entity id). */
  audience: string;
  /** SubjectConfirmationData Recipient (our ACS URL). */
  recipient: string;
  /** Response Destination; defaults to `recipient`. `null` omits the attribute. */
  destination?: string | null | undefined;
  /** InResponseTo on the Response and SubjectConfirmationData; `null` omits it (unsolicited). */
  inResponseTo: string | null;
  nameId: string;
  nameIdFormat?: string | undefined;
  /** Attribute name → value(s). */
  attributes?: Record<string, string | string[]> | undefined;
  /** Epoch ms used for IssueInstant and the default validity window. Default Date.now(). */
  now?: number | undefined;
  /** Conditions NotBefore (epoch ms). Default now - 60 s. */
  notBefore?: number | undefined;
  /** Conditions and SubjectConfirmationData NotOnOrAfter (epoch ms). Default now + 5 min. */
  notOnOrAfter?: number | undefined;
  /** Where the signature goes. Default 'assertion'. */
  signatureLocation?: 'response' | 'assertion' | 'both' | 'none' | undefined;
  /** Signature + digest algorithm family. Default 'sha256'. */
  algorithm?: 'sha256' | 'sha1' | undefined;
  /** Overrides just the digest algorithm family. */
  digestAlgorithm?: 'sha256' | 'sha1' | undefined;
  /** PEM private key that signs. Default the test IdP key. */
  privateKey?: string | undefined;
  /** PEM certificate embedded in KeyInfo (an attacker's "certificate swap"). Default the test IdP cert. */
  embeddedCertificate?: string | undefined;
  responseId?: string | undefined;
  assertionId?: string | undefined;
  /** Top-level status code. Default Success. */
  statusCode?: string | undefined;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
/** A fresh SAML ID (must not start with a digit). */
export const samlId = () => `_${randomBytes(16).toString('hex')}`;

function attributeXml(attributes: Record<string, string | string[]>): string {
  const entries = Object.entries(attributes);
  if (entries.length === 0) return '';
  const body = entries
    .map(([name, value]) => {
      const values = (Array.isArray(value) ? value : [value])
        .map((v) => `<saml:AttributeValue xsi:type="xs:string">${esc(v)}</saml:AttributeValue>`)
        .join('');
      return `<saml:Attribute Name="${esc(name)}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:basic">${values}</saml:Attribute>`;
    })
    .join('');
  return `<saml:AttributeStatement>${body}</saml:AttributeStatement>`;
}

/** The unsigned Response XML (exported so attack tests can tamper before signing). */
export function buildResponseXml(o: SignedResponseOptions): { xml: string; responseId: string; assertionId: string } {
  const now = o.now ?? Date.now();
  const responseId = o.responseId ?? samlId();
  const assertionId = o.assertionId ?? samlId();
  const notBefore = iso(o.notBefore ?? now - 60_000);
  const notOnOrAfter = iso(o.notOnOrAfter ?? now + 5 * 60_000);
  const irt = o.inResponseTo === null ? '' : ` InResponseTo="${esc(o.inResponseTo)}"`;
  const destination = o.destination === null ? '' : ` Destination="${esc(o.destination ?? o.recipient)}"`;
  const format = o.nameIdFormat ?? 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress';
  const xml =
    `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${responseId}" Version="2.0" IssueInstant="${iso(now)}"${destination}${irt}>` +
    `<saml:Issuer>${esc(o.issuer)}</saml:Issuer>` +
    `<samlp:Status><samlp:StatusCode Value="${esc(o.statusCode ?? 'urn:oasis:names:tc:SAML:2.0:status:Success')}"/></samlp:Status>` +
    `<saml:Assertion xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xs="http://www.w3.org/2001/XMLSchema" ID="${assertionId}" Version="2.0" IssueInstant="${iso(now)}">` +
    `<saml:Issuer>${esc(o.issuer)}</saml:Issuer>` +
    `<saml:Subject><saml:NameID Format="${esc(format)}">${esc(o.nameId)}</saml:NameID>` +
    `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData NotOnOrAfter="${notOnOrAfter}" Recipient="${esc(o.recipient)}"${irt}/></saml:SubjectConfirmation></saml:Subject>` +
    `<saml:Conditions NotBefore="${notBefore}" NotOnOrAfter="${notOnOrAfter}"><saml:AudienceRestriction><saml:Audience>${esc(o.audience)}</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
    `<saml:AuthnStatement AuthnInstant="${iso(now)}" SessionIndex="${assertionId}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>` +
    attributeXml(o.attributes ?? {}) +
    `</saml:Assertion></samlp:Response>`;
  return { xml, responseId, assertionId };
}

/**
 * Signs the element `localName` (Assertion or Response) of `xml` with an enveloped signature placed
 * right after its Issuer, as SAML requires.
 */
export function signElement(
  xml: string,
  localName: 'Assertion' | 'Response',
  opts: {
    privateKey?: string | undefined;
    embeddedCertificate?: string | undefined;
    algorithm?: 'sha256' | 'sha1' | undefined;
    digestAlgorithm?: 'sha256' | 'sha1' | undefined;
  } = {},
): string {
  const alg = ALGORITHMS[opts.algorithm ?? 'sha256'];
  const digest = ALGORITHMS[opts.digestAlgorithm ?? opts.algorithm ?? 'sha256'].digest;
  const sig = new SignedXml({
    privateKey: opts.privateKey ?? TEST_IDP_KEY,
    publicCert: opts.embeddedCertificate ?? TEST_IDP_CERT,
    signatureAlgorithm: alg.signature,
    canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  });
  const target = localName === 'Response' ? "/*[local-name(.)='Response']" : "//*[local-name(.)='Assertion']";
  sig.addReference({
    xpath: target,
    transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/2001/10/xml-exc-c14n#'],
    digestAlgorithm: digest,
  });
  sig.computeSignature(xml, {
    prefix: 'ds',
    location: { reference: `${target}/*[local-name(.)='Issuer']`, action: 'after' },
  });
  return sig.getSignedXml();
}

/**
 * A SAML Response signed per `signatureLocation` (assertion first, then the response, so "both" nests
 * correctly). Returns the XML plus the ids it used.
 */
export function buildSignedResponse(o: SignedResponseOptions): {
  xml: string;
  base64: string;
  responseId: string;
  assertionId: string;
} {
  const built = buildResponseXml(o);
  const where = o.signatureLocation ?? 'assertion';
  const signOpts = {
    privateKey: o.privateKey,
    embeddedCertificate: o.embeddedCertificate,
    algorithm: o.algorithm,
    digestAlgorithm: o.digestAlgorithm,
  };
  let xml = built.xml;
  if (where === 'assertion' || where === 'both') xml = signElement(xml, 'Assertion', signOpts);
  if (where === 'response' || where === 'both') xml = signElement(xml, 'Response', signOpts);
  return {
    xml,
    base64: Buffer.from(xml, 'utf8').toString('base64'),
    responseId: built.responseId,
    assertionId: built.assertionId,
  };
}

/** Base64 of an XML string, the form an HTTP-POST binding carries in `SAMLResponse`. */
export const toBase64 = (xml: string) => Buffer.from(xml, 'utf8').toString('base64');
