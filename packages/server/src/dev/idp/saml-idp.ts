import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import type * as Samlify from 'samlify';
import type { DevIdpStore } from './idp-store.js';
import { validateSamlXml } from './strict-xml.js';

// samlify is CommonJS whose exports are getters Node's ESM named-export detection cannot see
// (`import * as` yields no `SamlLib` once bundled): load it through require, in tests and dist alike.
const samlify = createRequire(import.meta.url)('samlify') as typeof Samlify;
samlify.setSchemaValidator({ validate: validateSamlXml });

const POST = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST';
const REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';
const EMAIL_FORMAT = 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress';
const BASIC = 'urn:oasis:names:tc:SAML:2.0:attrname-format:basic';
const ATTRIBUTES = [
  { name: 'email', valueTag: 'email', nameFormat: BASIC, valueXsiType: 'xs:string' },
  { name: 'first_name', valueTag: 'first_name', nameFormat: BASIC, valueXsiType: 'xs:string' },
  { name: 'last_name', valueTag: 'last_name', nameFormat: BASIC, valueXsiType: 'xs:string' },
];

/** What the dev IdP needs from an SP's HTTP-Redirect AuthnRequest. */
export interface DevAuthnRequest {
  id: string;
  /** The SP entity id (the Response's audience). */
  issuer: string;
  /** Where the Response is posted (recipient and destination). */
  acsUrl: string;
}

/** The user the developer chose on the sign-in page. */
export interface DevUser {
  email: string;
  firstName: string;
  lastName: string;
}

/** The dev SAML IdP: metadata, AuthnRequest parsing and signed Responses. */
export interface DevSamlIdp {
  entityId: string;
  /** The SSO URL a connection is configured with (`/dev/idp/saml/{connection_id}/sso`). */
  ssoUrl(connectionId?: string): string;
  /** The PEM signing certificate (what a connection pins). */
  certificate(): Promise<string>;
  /** IdP metadata XML. */
  metadata(connectionId?: string): Promise<string>;
  /**
   * Parses a deflated, base64 AuthnRequest (schema-checked, DTD refused).
   * @throws Error when it is not a usable AuthnRequest or asks to post off this server's origin.
   */
  parseRequest(samlRequest: string): Promise<DevAuthnRequest>;
  /** A base64 Response with a signed assertion inside a signed message, for `request` and `user`. */
  createResponse(request: DevAuthnRequest, user: DevUser): Promise<string>;
}

/**
 * Builds the test IdP (entity id `<publicUrl>/dev/idp/saml`) over samlify's IdentityProvider. The
 * signing key and certificate come from `store` (made once, kept across restarts). Responses go only
 * to ACS URLs on `publicUrl`'s origin: the dev IdP signs for anyone who asks, so it must not become
 * a signing oracle for some other site.
 */
export function createDevSamlIdp(store: DevIdpStore, publicUrl: string, now: () => number = Date.now): DevSamlIdp {
  const entityId = `${publicUrl}/dev/idp/saml`;
  const ssoUrl = (connectionId?: string) =>
    connectionId ? `${entityId}/${encodeURIComponent(connectionId)}/sso` : `${entityId}/sso`;
  const origin = new URL(publicUrl).origin;

  // One samlify entity per SSO URL (construction parses the key and logs; do it once).
  const entities = new Map<string, ReturnType<typeof samlify.IdentityProvider>>();
  async function idp(connectionId?: string) {
    const keys = await store.keyPair('saml');
    const cached = entities.get(connectionId ?? '');
    if (cached) return cached;
    const entity = samlify.IdentityProvider({
      entityID: entityId,
      signingCert: keys.certificatePem,
      privateKey: keys.privateKeyPem,
      nameIDFormat: [EMAIL_FORMAT],
      singleSignOnService: [{ Binding: REDIRECT, Location: ssoUrl(connectionId) }],
      wantAuthnRequestsSigned: false,
      requestSignatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    });
    entities.set(connectionId ?? '', entity);
    return entity;
  }
  const spFor = (request: Partial<DevAuthnRequest>) =>
    samlify.ServiceProvider({
      entityID: request.issuer ?? 'urn:orgauth:unknown-sp',
      assertionConsumerService: [{ Binding: POST, Location: request.acsUrl ?? `${origin}/` }],
      wantAssertionsSigned: true,
      wantMessageSigned: true,
      authnRequestsSigned: false,
    });

  return {
    entityId,
    ssoUrl,
    certificate: async () => (await store.keyPair('saml')).certificatePem,
    metadata: async (connectionId) => (await idp(connectionId)).getMetadata(),
    async parseRequest(samlRequest) {
      // A redirect-binding request is a few hundred bytes; bound what gets inflated (deflate bombs).
      if (samlRequest.length > 16_384) throw new Error('The SAMLRequest is too large.');
      const parsed = await (await idp()).parseLoginRequest(spFor({}), 'redirect', {
        query: { SAMLRequest: samlRequest },
      });
      const extract = parsed.extract as {
        request?: { id?: string; assertionConsumerServiceUrl?: string };
        issuer?: string;
      };
      const id = extract.request?.id;
      const acsUrl = extract.request?.assertionConsumerServiceUrl;
      const issuer = extract.issuer;
      if (!id || !acsUrl || !issuer)
        throw new Error('The AuthnRequest must carry an ID, an Issuer and an AssertionConsumerServiceURL.');
      let acsOrigin: string;
      try {
        acsOrigin = new URL(acsUrl).origin;
      } catch {
        throw new Error('The AssertionConsumerServiceURL is not a URL.');
      }
      if (acsOrigin !== origin) throw new Error(`The dev IdP only posts to ${origin}, not to ${acsOrigin}.`);
      return { id, issuer, acsUrl };
    },
    async createResponse(request, user) {
      const entity = await idp();
      const context = await entity.createLoginResponse(
        spFor(request),
        { extract: { request: { id: request.id } } },
        'post',
        { email: user.email },
        (template: string) => {
          // The server's clock (injectable): the SP checks the assertion's times against it.
          const at = new Date(now());
          const later = new Date(at.getTime() + 5 * 60_000).toISOString();
          const id = `_${randomBytes(20).toString('hex')}`;
          const attributeStatement = samlify.SamlLib.attributeStatementBuilder(ATTRIBUTES);
          const authnStatement = `<saml:AuthnStatement AuthnInstant="${at.toISOString()}" SessionIndex="${id}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>`;
          const withStatements = template
            .replace('{AuthnStatement}', authnStatement)
            .replace('{AttributeStatement}', attributeStatement);
          // replaceTagsByValue XML-escapes every value: a typed-in name cannot inject elements.
          const xml = samlify.SamlLib.replaceTagsByValue(withStatements, {
            ID: id,
            AssertionID: `_${randomBytes(20).toString('hex')}`,
            Destination: request.acsUrl,
            Audience: request.issuer,
            EntityID: request.issuer,
            SubjectRecipient: request.acsUrl,
            Issuer: entityId,
            IssueInstant: at.toISOString(),
            StatusCode: 'urn:oasis:names:tc:SAML:2.0:status:Success',
            ConditionsNotBefore: new Date(at.getTime() - 30_000).toISOString(),
            ConditionsNotOnOrAfter: later,
            SubjectConfirmationDataNotOnOrAfter: later,
            NameIDFormat: EMAIL_FORMAT,
            NameID: user.email,
            InResponseTo: request.id,
            attrEmail: user.email,
            attrFirstName: user.firstName,
            attrLastName: user.lastName,
          });
          return { id, context: xml };
        },
      );
      return context.context;
    },
  };
}
