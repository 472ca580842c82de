/**
 * DOM plumbing shared by the SAML attack mutations: parse/serialize with @xmldom/xmldom (the parser
 * node-saml uses), direct-child lookups by namespace, and the NameID rewrite. Test-only.
 */
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';

/** The SAML protocol, assertion and XML-DSig namespaces. */
export const NS = {
  samlp: 'urn:oasis:names:tc:SAML:2.0:protocol',
  saml: 'urn:oasis:names:tc:SAML:2.0:assertion',
  ds: 'http://www.w3.org/2000/09/xmldsig#',
} as const;

/** Parses XML with @xmldom/xmldom (lenient on purpose: attack documents need not be valid). */
export const parseXml = (xml: string): Document =>
  new DOMParser().parseFromString(xml, 'text/xml') as unknown as Document;
/** Serializes a document or node back to text. */
export const serializeXml = (doc: Document | Node): string => new XMLSerializer().serializeToString(doc as never);

/** The first direct child element of `parent` named `{ns}localName` (never a descendant). */
export function directChild(parent: Element, ns: string, localName: string): Element | undefined {
  for (let n = parent.firstChild; n !== null; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as Element).namespaceURI === ns && (n as Element).localName === localName)
      return n as Element;
  }
  return undefined;
}

/** `value`, or a harness error naming what the input lacks. */
export function must<T>(value: T | undefined, what: string): T {
  if (value === undefined)
    throw new Error(`The input has no ${what}; sign it where this mutation expects a signature.`);
  return value;
}

/** The root Response, its (first) direct-child Assertion, and their direct-child signatures. */
export function parts(doc: Document) {
  const response = doc.documentElement as Element;
  const assertion = must(directChild(response, NS.saml, 'Assertion'), 'Assertion');
  return {
    response,
    assertion,
    responseSig: directChild(response, NS.ds, 'Signature'),
    assertionSig: directChild(assertion, NS.ds, 'Signature'),
  };
}

function setText(el: Element, text: string): void {
  while (el.firstChild !== null) el.removeChild(el.firstChild);
  el.appendChild(el.ownerDocument.createTextNode(text));
}

/**
 * Rewrites the NameID of `assertion` to the attacker's chosen identity, and every AttributeValue that
 * repeated the old NameID (the email attribute), so the forged identity is consistent.
 */
export function setNameId(assertion: Element, nameId: string): void {
  const el = must(
    directChild(must(directChild(assertion, NS.saml, 'Subject'), 'Subject'), NS.saml, 'NameID'),
    'NameID',
  );
  const old = el.textContent;
  setText(el, nameId);
  for (const value of Array.from(assertion.getElementsByTagNameNS(NS.saml, 'AttributeValue')))
    if (value.textContent === old) setText(value, nameId);
}
