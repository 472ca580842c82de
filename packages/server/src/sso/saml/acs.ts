import { loadNodeSaml, loadXmldom } from './libraries.js';
import type { SsoConnectionsTable } from '../../db/schema.js';
import type { SsoRequestsTable } from '../../db/schema-sso.js';
import type { AppDeps } from '../../http/index.js';
import { apiError, isUniqueViolation } from '../../lib/api-error.js';
import { acsUrl, pinnedCertificates, SAML_CLOCK_SKEW_MS, samlClient } from './sp.js';
import { samlIdentity, type SsoIdentity } from './identity.js';
import { consumeSsoRequest, peekSsoRequest } from '../requests.js';

/** Base64 `SAMLResponse` bytes we accept: real responses are a few KB; this bounds parse cost. */
const MAX_RESPONSE_BASE64 = 512 * 1024;
/** An assertion older than this (by IssueInstant) is refused whatever its NotOnOrAfter says. */
const MAX_ASSERTION_AGE_MS = 10 * 60_000;
const SHA1 = /^http:\/\/www\.w3\.org\/2000\/09\/xmldsig#(rsa-sha1|dsa-sha1|sha1|hmac-sha1)$/;
/** Asymmetric signatures only (an HMAC "keyed" with our public certificate proves nothing). */
const SIGNATURE_ALGORITHMS = new Set([
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512',
]);
const DIGEST_ALGORITHMS = new Set([
  'http://www.w3.org/2001/04/xmlenc#sha256',
  'http://www.w3.org/2001/04/xmlenc#sha512',
]);
const SHA1_SIGNATURE = 'http://www.w3.org/2000/09/xmldsig#rsa-sha1';
const SHA1_DIGEST = 'http://www.w3.org/2000/09/xmldsig#sha1';

const refuse = (message: string) => apiError('saml_response_invalid', message);

/** A verified SAML login: the request it answers (null when IdP-initiated) and the identity read from the verified assertion. */
export interface VerifiedSamlLogin {
  request: SsoRequestsTable | null;
  identity: SsoIdentity;
}

type El = {
  localName: string | null;
  getAttribute(n: string): string | null;
  hasAttribute(n: string): boolean;
  childNodes: ArrayLike<unknown>;
};
const children = (el: El, name: string): El[] =>
  Array.from(el.childNodes as ArrayLike<El>).filter(
    (n) => (n as { nodeType?: number }).nodeType === 1 && n.localName === name,
  );

/**
 * Cheap refusals before any signature work: size, DOCTYPE/entities (XXE, billion laughs: SAML
 * never needs them), and SHA-1 algorithms unless the connection opted in (SAML-07).
 */
function precheck(
  xml: string,
  connection: SsoConnectionsTable,
): { responseDestination: string | null; inResponseTo: string | null } {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw refuse('The SAML response contains a DTD, which is never allowed.');
  const errors: string[] = [];
  const { DOMParser } = loadXmldom();
  const doc = new DOMParser({
    errorHandler: {
      warning: () => undefined,
      error: (msg: string) => void errors.push(msg),
      fatalError: (msg: string) => void errors.push(msg),
    },
  }).parseFromString(xml, 'text/xml');
  const root = doc.documentElement as unknown as El | null;
  if (errors.length > 0 || root === null || root.localName !== 'Response')
    throw refuse('The SAML response is not well-formed XML with a Response root.');
  // Every signature in the document, wherever it sits, must use an allowed algorithm.
  const sha1 = connection.saml_allow_sha1 === 1;
  for (const [tag, allowed, legacy] of [
    ['SignatureMethod', SIGNATURE_ALGORITHMS, SHA1_SIGNATURE],
    ['DigestMethod', DIGEST_ALGORITHMS, SHA1_DIGEST],
  ] as const) {
    for (const node of Array.from(doc.getElementsByTagNameNS('http://www.w3.org/2000/09/xmldsig#', tag))) {
      const algorithm = node.getAttribute('Algorithm') ?? '';
      if (allowed.has(algorithm) || (sha1 && algorithm === legacy)) continue;
      if (SHA1.test(algorithm) && !algorithm.includes('hmac'))
        throw refuse('The SAML response is signed with SHA-1, which this connection does not accept.');
      throw refuse('The SAML response uses a signature or digest algorithm that is not allowed.');
    }
  }
  // node-saml checks the audiences but refuses an assertion without Conditions only by crashing on
  // it. Say it first (S23): every assertion has exactly one Conditions (SAML core) with an
  // AudienceRestriction, so one without audience can never reach a lenient code path.
  for (const node of Array.from(
    doc.getElementsByTagNameNS('urn:oasis:names:tc:SAML:2.0:assertion', 'Assertion'),
  ) as unknown as El[]) {
    const conditions = children(node, 'Conditions');
    if (conditions.length !== 1 || children(conditions[0] as El, 'AudienceRestriction').length === 0) {
      throw refuse(
        'The SAML assertion has no audience restriction (one Conditions with an AudienceRestriction is required).',
      );
    }
  }
  // Comments inside identity values are the CVE-2017-11427 family: some readers take only the text
  // before the comment (admin@x.test<!---->.evil.test → admin@x.test). IdPs never send them: refuse.
  for (const tag of ['NameID', 'AttributeValue']) {
    for (const node of Array.from(doc.getElementsByTagNameNS('*', tag))) {
      if (Array.from(node.childNodes).some((c) => c.nodeType === 8))
        throw refuse('The SAML response has a comment inside an identity value.');
    }
  }
  // The Response-level Issuer is optional, but when present it must name the connection's IdP too:
  // an unsigned envelope must not be able to claim another IdP (mix-up) around a signed assertion.
  for (const issuer of children(root, 'Issuer')) {
    if ((issuer as unknown as { textContent: string | null }).textContent?.trim() !== connection.idp_entity_id)
      throw refuse('The SAML response comes from another issuer.');
  }
  const statusCode = children(root, 'Status')
    .flatMap((st) => children(st, 'StatusCode'))[0]
    ?.getAttribute('Value');
  if (statusCode !== 'urn:oasis:names:tc:SAML:2.0:status:Success') {
    throw apiError(
      'idp_error',
      `The identity provider did not sign you in (status ${(statusCode ?? 'missing').replace(/^.*:/, '').slice(0, 64)}).`,
    );
  }
  const attr = (name: string) => (root.hasAttribute(name) ? root.getAttribute(name) : null);
  return { responseDestination: attr('Destination'), inResponseTo: attr('InResponseTo') };
}

/** Checks on the VERIFIED assertion node-saml does not make (or that we make with our clock). */
function checkVerifiedAssertion(
  assertionXml: string,
  acs: string,
  now: number,
): { assertionId: string; expiresAt: number } {
  const assertion = new (loadXmldom().DOMParser)().parseFromString(assertionXml, 'text/xml')
    .documentElement as unknown as El;
  const assertionId = assertion.getAttribute('ID') ?? '';
  if (assertionId === '' || assertionId.length > 256) throw refuse('The SAML assertion has no ID.');
  // xmldom answers '' (not null) for a missing attribute.
  const time = (value: string | null) => (value === null || value === '' ? undefined : Date.parse(value));
  const issued = time(assertion.getAttribute('IssueInstant'));
  if (
    issued === undefined ||
    Number.isNaN(issued) ||
    issued > now + SAML_CLOCK_SKEW_MS ||
    issued < now - MAX_ASSERTION_AGE_MS
  ) {
    throw refuse('The SAML assertion was issued at an unacceptable time.');
  }
  let expiresAt = issued + MAX_ASSERTION_AGE_MS;
  const window = (el: El) => {
    const notBefore = time(el.getAttribute('NotBefore'));
    const notOnOrAfter = time(el.getAttribute('NotOnOrAfter'));
    if (notBefore !== undefined && (Number.isNaN(notBefore) || now + SAML_CLOCK_SKEW_MS < notBefore))
      throw refuse('The SAML assertion is not valid yet (NotBefore).');
    if (notOnOrAfter !== undefined && (Number.isNaN(notOnOrAfter) || now - SAML_CLOCK_SKEW_MS >= notOnOrAfter))
      throw refuse('The SAML assertion has expired (NotOnOrAfter).');
    if (notOnOrAfter !== undefined) expiresAt = Math.max(expiresAt, notOnOrAfter + SAML_CLOCK_SKEW_MS);
  };
  for (const conditions of children(assertion, 'Conditions')) window(conditions);
  const bearer = children(assertion, 'Subject')
    .flatMap((s) => children(s, 'SubjectConfirmation'))
    .filter((sc) => sc.getAttribute('Method') === 'urn:oasis:names:tc:SAML:2.0:cm:bearer');
  const data = bearer.flatMap((sc) => children(sc, 'SubjectConfirmationData'));
  if (data.length === 0) throw refuse('The SAML assertion has no bearer subject confirmation.');
  for (const d of data) {
    if (d.getAttribute('Recipient') !== acs)
      throw refuse('The SAML assertion is meant for another recipient (Recipient is not our ACS URL).');
    if (!d.getAttribute('NotOnOrAfter')) throw refuse('The SAML subject confirmation has no NotOnOrAfter.');
    window(d);
  }
  return { assertionId, expiresAt };
}

/**
 * Verifies an HTTP-POST SAML Response for `connection` and consumes the SSO request it answers.
 * Signature (pinned certs only, response or assertion), issuer, audience, InResponseTo (against
 * our `sso_requests`, never a memory cache), recipient, destination, time window, SHA-1 policy,
 * IdP-initiated policy and one-time use of the assertion are all enforced here or in node-saml.
 * @throws ApiError 400 `saml_response_invalid` / `sso_request_not_found`, 403 `idp_initiated_auth_disabled`, 401 `idp_error`
 */
export async function verifySamlResponse(
  deps: AppDeps,
  connection: SsoConnectionsTable,
  samlResponse: string,
  relayState: string,
): Promise<VerifiedSamlLogin> {
  const now = deps.now();
  if (samlResponse === '' || samlResponse.length > MAX_RESPONSE_BASE64 || !/^[A-Za-z0-9+/=\s]+$/.test(samlResponse))
    throw refuse('SAMLResponse is missing or malformed.');
  const xml = Buffer.from(samlResponse, 'base64').toString('utf8');
  const acs = acsUrl(deps.publicUrl, connection.id);
  const pre = precheck(xml, connection);
  if (pre.responseDestination !== null && pre.responseDestination !== acs)
    throw refuse('The SAML response was sent to another destination (Destination is not our ACS URL).');
  const pending = await peekSsoRequest(deps.db, relayState, connection.id);
  const solicited =
    pending !== undefined && pending.used_at === null && pending.expires_at > now && pending.kind === 'saml'
      ? pending
      : undefined;
  if (solicited === undefined) {
    if (pre.inResponseTo !== null)
      throw apiError(
        'sso_request_not_found',
        'This SAML response answers a sign-in attempt that is unknown, already used, or expired. Start the sign-in again.',
      );
    if (connection.idp_initiated_auth_disabled !== 0) {
      throw apiError(
        'idp_initiated_auth_disabled',
        'Sign-in started at the identity provider (IdP-initiated SSO) is disabled for this connection. Start from the application instead.',
      );
    }
  } else if (pre.inResponseTo !== solicited.saml_request_id) {
    throw refuse('The SAML response does not answer this sign-in attempt (InResponseTo mismatch).');
  }
  const saml = samlClient(deps.publicUrl, connection, {
    expectedRequestId: solicited?.saml_request_id ?? null,
    idpCerts: pinnedCertificates(connection, now),
  });
  let profile;
  try {
    ({ profile } = await saml.validatePostResponseAsync({ SAMLResponse: samlResponse }));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof loadNodeSaml().SamlStatusError)
      throw apiError('idp_error', 'The identity provider did not sign you in.');
    throw refuse(`The SAML response was refused: ${message.slice(0, 200)}`);
  }
  if (profile === null || typeof profile.getAssertionXml !== 'function')
    throw refuse('The SAML response carries no assertion.');
  if (profile.issuer !== connection.idp_entity_id) throw refuse('The SAML response comes from another issuer.');
  if (solicited !== undefined && profile.inResponseTo !== solicited.saml_request_id)
    throw refuse('The SAML assertion does not answer this sign-in attempt (InResponseTo mismatch).');
  const { assertionId, expiresAt } = checkVerifiedAssertion(profile.getAssertionXml(), acs, now);
  try {
    await deps.db
      .insertInto('saml_assertion_ids')
      .values({ connection_id: connection.id, assertion_id: assertionId, expires_at: expiresAt })
      .execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw refuse('This SAML assertion was already used (replay).');
    throw error;
  }
  const request = solicited === undefined ? null : await consumeSsoRequest(deps.db, relayState, connection.id, now);
  return { request, identity: samlIdentity(profile, connection) };
}
