/**
 * The non-wrapping tamperings of docs/security.md §2 applied to a signed Response after signing: signature
 * stripping, content edits under a signature, comment/DTD/entity injection and the DigestValue comment
 * of CVE-2025-29775. Test-only.
 */
import { createHash } from 'node:crypto';
import { ExclusiveCanonicalization } from 'xml-crypto';
import { NS, parts, parseXml, serializeXml, setNameId } from './xml-dom.js';

/** Removes every ds:Signature (signature stripping, S14). */
export function stripSignatures(signedXml: string): string {
  const doc = parseXml(signedXml);
  for (const sig of Array.from(doc.getElementsByTagNameNS(NS.ds, 'Signature'))) sig.parentNode?.removeChild(sig);
  return serializeXml(doc);
}

/** Replaces the Assertion's NameID after signing (tampering a signed element). */
export function tamperNameId(signedXml: string, nameId: string): string {
  const doc = parseXml(signedXml);
  setNameId(parts(doc).assertion, nameId);
  return serializeXml(doc);
}

/**
 * Splits the NameID text `before + after` with an empty comment (CVE-2017-11427 family): exclusive
 * c14n drops comments, so the IdP's signature over `before + after` still verifies, while a reader of
 * the first text node sees only `before`.
 */
export function injectNameIdComment(signedXml: string, before: string, after: string): string {
  const needle = `>${before}${after}</`;
  if (!signedXml.includes(needle)) throw new Error(`NameID ${before}${after} not found.`);
  return signedXml.replace(needle, `>${before}<!---->${after}</`);
}

/** Puts a DOCTYPE (internal subset `dtd`) in front of the root element. */
export function withDoctype(xml: string, dtd: string): string {
  const body = xml.replace(/^<\?xml[^>]*\?>\s*/, '');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE samlp:Response [\n${dtd}\n]>\n${body}`;
}

/**
 * Sets the text of a samlp:StatusMessage in the Response's Status. When only the Assertion is signed,
 * the Status is outside every signature: a place for entity references that does not itself break a
 * signature (so a refusal there is the parser's doing, not the verifier's).
 */
export function withStatusMessage(xml: string, rawText: string): string {
  const closing = '</samlp:Status>';
  if (!xml.includes(closing)) throw new Error('No samlp:Status element.');
  return xml.replace(closing, `<samlp:StatusMessage>${rawText}</samlp:StatusMessage>${closing}`);
}

/**
 * The SHA-256 DigestValue an enveloped, exc-c14n Reference to the (first) Assertion of `xml` would
 * carry: what an attacker computes for content they forged (S12).
 */
export function assertionDigest(xml: string): string {
  const doc = parseXml(xml);
  const { assertion, assertionSig } = parts(doc);
  if (assertionSig !== undefined) assertion.removeChild(assertionSig);
  const canonical = new ExclusiveCanonicalization().process(assertion, {});
  return createHash('sha256').update(canonical, 'utf8').digest('base64');
}

/**
 * CVE-2025-29775: the Assertion's NameID forged, and the forged content's digest hidden in a comment
 * before the genuine one inside ds:DigestValue. c14n drops the comment, so the IdP's SignatureValue
 * over SignedInfo still verifies; a verifier that reads the first child node of DigestValue compares
 * against the forged digest and accepts.
 */
export function digestValueComment(signedXml: string, evilNameId: string): string {
  const forged = tamperNameId(signedXml, evilNameId);
  const digest = assertionDigest(forged);
  return forged.replace(
    /<ds:DigestValue>([^<]+)<\/ds:DigestValue>/,
    `<ds:DigestValue><!--${digest}-->$1</ds:DigestValue>`,
  );
}
