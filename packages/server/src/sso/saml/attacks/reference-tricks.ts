/**
 * Reference tricks of docs/security.md §2 S22 and S13 (second Reference) built WITH the IdP's key: the
 * Assertion's SignedInfo is rewritten (its Reference URI, or an extra Reference) and then re-signed
 * by the test IdP, so the SignatureValue and every digest verify. A verifier that checked only the
 * cryptography would accept the `URI=""` and second-Reference documents; only the structural rule
 * "exactly one Reference, and it dereferences by ID to the signature's parent" refuses them.
 * (`URI="#missing"` dereferences nothing, so xml-crypto cannot verify it either.) Test-only.
 */
import { createHash, createSign } from 'node:crypto';
import { C14nCanonicalization, ExclusiveCanonicalization, findAncestorNs } from 'xml-crypto';
import { TEST_IDP_KEY } from '../testing/saml-fixtures.js';
import { directChild, must, NS, parts, parseXml, serializeXml } from './xml-dom.js';

/** SHA-256 over exc-c14n of the element `pick` selects, the Assertion's signature removed (enveloped + exc-c14n transforms). */
function envelopedDigest(xml: string, pick: (doc: Document) => Element): string {
  const doc = parseXml(xml);
  const sig = parts(doc).assertionSig;
  if (sig !== undefined) sig.parentNode?.removeChild(sig);
  const canonical = new ExclusiveCanonicalization().process(pick(doc), {});
  return createHash('sha256').update(canonical, 'utf8').digest('base64');
}

/**
 * Applies `mutate` to the Assertion signature's SignedInfo of `signedXml` and re-signs SignedInfo with
 * the test IdP key (RSA-SHA256 over its exc-c14n form, as the genuine signature was made).
 */
export function resignAssertionSignedInfo(signedXml: string, mutate: (signedInfo: Element) => void): string {
  const doc = parseXml(signedXml);
  const sig = must(parts(doc).assertionSig, 'Assertion signature');
  const signedInfo = must(directChild(sig, NS.ds, 'SignedInfo'), 'SignedInfo');
  mutate(signedInfo);
  const canonical = new ExclusiveCanonicalization().process(signedInfo, {});
  const value = must(directChild(sig, NS.ds, 'SignatureValue'), 'SignatureValue');
  while (value.firstChild !== null) value.removeChild(value.firstChild);
  value.appendChild(
    doc.createTextNode(createSign('RSA-SHA256').update(canonical, 'utf8').sign(TEST_IDP_KEY, 'base64')),
  );
  return serializeXml(doc);
}

const reference = (signedInfo: Element) => must(directChild(signedInfo, NS.ds, 'Reference'), 'Reference');

function setDigest(ref: Element, digest: string): void {
  const value = must(directChild(ref, NS.ds, 'DigestValue'), 'DigestValue');
  while (value.firstChild !== null) value.removeChild(value.firstChild);
  value.appendChild(value.ownerDocument.createTextNode(digest));
}

/**
 * S22 `URI="#missing"`: the Assertion's Reference names an ID no element carries (the IdP-signed
 * SignedInfo says so; the digest is the Assertion's, so nothing else is wrong).
 */
export function referenceToMissingId(signedXml: string): string {
  return resignAssertionSignedInfo(signedXml, (signedInfo) => reference(signedInfo).setAttribute('URI', '#missing'));
}

/**
 * S22 `URI=""` (the whole document): the Assertion's signature references the entire Response with
 * a correct digest of it. The signature is cryptographically valid, but it is not a signature OF the
 * Assertion (its parent), which is what the SP must be holding.
 */
export function referenceToWholeDocument(signedXml: string): string {
  const digest = envelopedDigest(signedXml, (doc) => doc.documentElement as Element);
  return resignAssertionSignedInfo(signedXml, (signedInfo) => {
    const ref = reference(signedInfo);
    ref.setAttribute('URI', '');
    setDigest(ref, digest);
  });
}

/** The attacker's content a second Reference points at: a Response extension claiming another identity. */
const EVIL_EXTENSION =
  '<samlp:Extensions ID="_evil"><evil:Claim xmlns:evil="urn:evil.test">admin@corp.test</evil:Claim></samlp:Extensions>';

/**
 * S13 second `ds:Reference`: the IdP-signed SignedInfo carries the genuine Reference to the Assertion
 * plus a second one with a correct digest of other content: the Response (`response`; its two
 * transforms make four in the Signature) or an attacker's `samlp:Extensions` (`attacker`; no
 * Transforms, so the Signature keeps two and only the one-Reference rule is left to refuse it).
 */
export function secondReference(signedXml: string, target: 'response' | 'attacker'): string {
  const xml =
    target === 'attacker'
      ? signedXml.replace(/(<samlp:Response[^>]*>\s*<saml:Issuer>[^<]*<\/saml:Issuer>)/, `$1${EVIL_EXTENSION}`)
      : signedXml;
  if (target === 'attacker' && !xml.includes('ID="_evil"'))
    throw new Error('No Response Issuer to put the extension after.');
  const doc = parseXml(xml);
  let uri: string;
  let digest: string;
  if (target === 'response') {
    uri = `#${doc.documentElement?.getAttribute('ID') ?? ''}`;
    digest = envelopedDigest(xml, (d) => d.documentElement as Element);
  } else {
    // No Transforms: the digest is over inclusive c14n (the default), with the namespaces in scope.
    uri = '#_evil';
    const xpath = "//*[@*[local-name(.)='ID']='_evil']";
    const ext = must(doc.getElementsByTagNameNS(NS.samlp, 'Extensions')[0], 'Extensions');
    const canonical = new C14nCanonicalization().process(ext, { ancestorNamespaces: findAncestorNs(doc, xpath) });
    digest = createHash('sha256').update(canonical, 'utf8').digest('base64');
  }
  return resignAssertionSignedInfo(xml, (signedInfo) => {
    const extra = reference(signedInfo).cloneNode(true) as Element;
    extra.setAttribute('URI', uri);
    setDigest(extra, digest);
    const transforms = directChild(extra, NS.ds, 'Transforms');
    if (target === 'attacker' && transforms !== undefined) extra.removeChild(transforms);
    signedInfo.appendChild(extra);
  });
}
