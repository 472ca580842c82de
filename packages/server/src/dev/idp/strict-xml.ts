import { DOMParser } from '@xmldom/xmldom';

const SAMLP = 'urn:oasis:names:tc:SAML:2.0:protocol';
const ROOTS = new Set(['AuthnRequest', 'Response', 'LogoutRequest', 'LogoutResponse']);

/**
 * samlify's schema-validator hook for the dev IdP. The XSD validators (`@authenio/samlify-xsd-schema-validator`)
 * need a Java runtime — a newcomer running `npm start` may have none — so instead this refuses what
 * the attack catalogue cares about at parse time: any DTD or entity declaration (XXE, billion
 * laughs), malformed XML, more than one root, and a root that is not a SAML 2.0 protocol message
 * with an ID and Version 2.0.
 * @throws Error naming the reason.
 */
export function validateSamlXml(xml: string): Promise<string> {
  try {
    if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new Error('DTDs are not allowed in SAML messages');
    const errors: string[] = [];
    const doc = new DOMParser({
      // xmldom 0.8 reports and recovers; a SAML message it had anything to say about is refused.
      errorHandler: {
        warning: (message: string) => void errors.push(message),
        error: (message: string) => void errors.push(message),
        fatalError: (message: string) => void errors.push(message),
      },
    }).parseFromString(xml, 'text/xml');
    if (errors.length > 0) throw new Error(`malformed XML: ${errors[0]}`);
    const roots = Array.from(doc.childNodes).filter((n) => n.nodeType === 1);
    const root = roots[0] as Element | undefined;
    if (roots.length !== 1 || root === undefined) throw new Error('exactly one root element expected');
    if (root.namespaceURI !== SAMLP || !ROOTS.has(root.localName ?? ''))
      throw new Error('root is not a SAML 2.0 protocol message');
    if (root.getAttribute('Version') !== '2.0' || !root.getAttribute('ID'))
      throw new Error('SAML message without Version="2.0" or ID');
    return Promise.resolve('ok');
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}
