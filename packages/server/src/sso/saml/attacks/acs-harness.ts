/**
 * The SAML attack suite's harness: a test server with one organization and one active SAML
 * connection pinned to the test IdP certificate; SP-initiated starts through the public start route
 * (the AuthnRequest is decoded from the redirect, so InResponseTo, ACS URL and SP entity id are what
 * the server really issued, not what a listing claims); posts to the ACS as a browser would; and the two verdicts every case ends
 * with — refused (4xx, no token, nothing written that signs anyone in, an error event) or accepted (the
 * positive controls that keep a broken harness from making every refusal "pass").
 */
import { inflateRawSync } from 'node:zlib';
import { expect } from 'vitest';
import { snapshot } from '../../../testing/db-snapshot.js';
import { createTestServer, type TestServer } from '../../../testing/test-server.js';
import { buildSignedResponse, TEST_IDP_CERT, toBase64, type SignedResponseOptions } from '../testing/saml-fixtures.js';
import { parseXml } from './xml-dom.js';

/** Tables whose rows sign someone in or bind an identity: a refused response must not touch them. */
const IDENTITY_TABLES = ['members', 'sessions', 'sso_identities', 'one_time_tokens', 'intermediate_sessions'];

/** One SP-initiated start: what the browser carries to the IdP and back. */
export interface PendingLogin {
  /** RelayState (the sso_request id). */
  relayState: string;
  /** The AuthnRequest ID the Response must answer (InResponseTo). */
  requestId: string;
  acsUrl: string;
  spEntityId: string;
}

/** What the ACS answered. */
export interface AcsResult {
  status: number;
  /** The refusal's `error_type` as the error page reports it (`X-OrgAuth-Error-Type`), when present. */
  errorType: string | null;
  location: string | null;
  body: string;
}

export const IDP_ENTITY_ID = 'https://idp.attacks.test/metadata';
export const VICTIM = 'victim@corp.test';

/** The harness of one test (create it in `beforeEach`, `close` it in `afterEach`). */
export interface SamlHarness {
  t: TestServer;
  orgId: string;
  connectionId: string;
  /** A fresh SP-initiated start (a new AuthnRequest ID and RelayState). */
  start(connectionId?: string): Promise<PendingLogin>;
  /** Options of a Response that answers `pending` correctly; `overrides` make it wrong. */
  golden(pending: PendingLogin, overrides?: Partial<SignedResponseOptions>): SignedResponseOptions;
  /** `buildSignedResponse(golden(pending, overrides)).xml`. */
  signed(pending: PendingLogin, overrides?: Partial<SignedResponseOptions>): string;
  /** Posts `xml` to the ACS of `connectionId` (default: the harness connection), form-encoded. */
  post(xml: string, relayState: string | null, connectionId?: string): Promise<AcsResult>;
  /** Posts and asserts the refusal (4xx, no sso token, no identity rows, error event). */
  expectRefused(xml: string, relayState: string | null, connectionId?: string): Promise<AcsResult>;
  /** Posts and asserts acceptance: a redirect with an sso token, and a member for `email`. */
  expectAccepted(xml: string, relayState: string, email?: string): Promise<AcsResult>;
  /** Creates another active SAML connection with the same IdP certificate (default: same organization). */
  addConnection(entityId?: string, organizationId?: string): Promise<string>;
  close(): Promise<void>;
}

/** Error events of browser-facing SSO posts (the ACS lives under `/v1/public`), newest last. */
async function acsErrorEvents(t: TestServer): Promise<{ error_type: string | null; http_status: number | null }[]> {
  await t.server.flushEvents();
  return t.server.db
    .selectFrom('events')
    .select(['error_type', 'http_status'])
    .where('status', '=', 'error')
    .where('method', '=', 'POST')
    .where('route', 'like', '/v1/public/%')
    .orderBy('seq')
    .execute();
}

const identityRows = async (t: TestServer) => {
  const all = await snapshot(t.server.db);
  return Object.fromEntries(IDENTITY_TABLES.filter((n) => n in all).map((n) => [n, all[n]]));
};

/** Decodes an HTTP-Redirect binding SAMLRequest (base64 of raw DEFLATE). */
function decodeAuthnRequest(location: string): {
  id: string;
  acsUrl: string | null;
  issuer: string | null;
  relayState: string;
} {
  const url = new URL(location);
  const encoded = url.searchParams.get('SAMLRequest');
  const relayState = url.searchParams.get('RelayState');
  if (encoded === null || relayState === null)
    throw new Error(`The start did not redirect with SAMLRequest and RelayState: ${location}`);
  const doc = parseXml(inflateRawSync(Buffer.from(encoded, 'base64')).toString('utf8'));
  const root = doc.documentElement as Element;
  const issuer = root.getElementsByTagNameNS('urn:oasis:names:tc:SAML:2.0:assertion', 'Issuer')[0]?.textContent ?? null;
  return {
    id: root.getAttribute('ID') ?? '',
    acsUrl: root.getAttribute('AssertionConsumerServiceURL'),
    issuer,
    relayState,
  };
}

/** Builds the harness on a fresh test server (SQLite, or PostgreSQL with ORGAUTH_TEST_DATABASE_URL). */
export async function createSamlHarness(): Promise<SamlHarness> {
  const t = await createTestServer();
  const orgId: string = (
    await t.api('/organizations', { body: { organization_name: 'Corp', organization_slug: 'corp' } })
  ).body.organization.organization_id;
  const addConnection = async (entityId = IDP_ENTITY_ID, organizationId = orgId) => {
    const created = await t.api(`/sso/saml/${organizationId}`, { body: { display_name: 'Attack IdP' } });
    const id: string = created.body.connection.connection_id;
    const put = await t.api(`/sso/saml/${organizationId}/connections/${id}`, {
      method: 'PUT',
      body: {
        idp_entity_id: entityId,
        idp_sso_url: 'https://idp.attacks.test/sso',
        x509_certificate: TEST_IDP_CERT,
        attribute_mapping: { email: 'email' },
      },
    });
    if (put.body.connection?.status !== 'active')
      throw new Error(`The test connection is not active: ${JSON.stringify(put.body)}`);
    return id;
  };
  const connectionId = await addConnection();

  const h: SamlHarness = {
    t,
    orgId,
    connectionId,
    addConnection,
    async start(id = connectionId) {
      const query = new URLSearchParams({ connection_id: id, public_token: t.server.project.public_token });
      const res = await t.server.app.fetch(new Request(`http://localhost/v1/public/sso/start?${query}`));
      const location = res.headers.get('location');
      if (res.status !== 302 || location === null)
        throw new Error(`SSO start failed: ${res.status} ${await res.text()}`);
      const req = decodeAuthnRequest(location);
      // What the server put in its AuthnRequest is authoritative: it is what a real IdP answers to.
      if (req.acsUrl === null || req.issuer === null || req.id === '')
        throw new Error('The AuthnRequest names no ID, ACS URL or SP entity id.');
      return { relayState: req.relayState, requestId: req.id, acsUrl: req.acsUrl, spEntityId: req.issuer };
    },
    golden(pending, overrides = {}) {
      return {
        issuer: IDP_ENTITY_ID,
        audience: pending.spEntityId,
        recipient: pending.acsUrl,
        inResponseTo: pending.requestId,
        nameId: VICTIM,
        attributes: { email: VICTIM },
        now: t.clock.now(),
        ...overrides,
      };
    },
    signed(pending, overrides) {
      return buildSignedResponse(h.golden(pending, overrides)).xml;
    },
    async post(xml, relayState, id = connectionId) {
      const form = new URLSearchParams({ SAMLResponse: toBase64(xml) });
      if (relayState !== null) form.set('RelayState', relayState);
      const res = await t.server.app.fetch(
        new Request(`http://localhost/v1/public/sso/saml/${encodeURIComponent(id)}/acs`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://idp.attacks.test' },
          body: form.toString(),
        }),
      );
      return {
        status: res.status,
        errorType: res.headers.get('x-orgauth-error-type'),
        location: res.headers.get('location'),
        body: await res.text(),
      };
    },
    async expectRefused(xml, relayState, id) {
      const before = await identityRows(t);
      const eventsBefore = (await acsErrorEvents(t)).length;
      const res = await h.post(xml, relayState, id);
      expect(res.status, `expected a 4xx refusal, got ${res.status}: ${res.body.slice(0, 300)}`).toBeGreaterThanOrEqual(
        400,
      );
      expect(res.status).toBeLessThan(500);
      expect(res.location ?? '').not.toContain('stytch_token_type=sso');
      expect(res.body).not.toContain('stytch_token_type=sso');
      expect(await identityRows(t)).toEqual(before);
      const events = await acsErrorEvents(t);
      expect(events.length, 'the refusal is logged as an error event').toBe(eventsBefore + 1);
      expect(events.at(-1)).toEqual({ error_type: res.errorType ?? expect.any(String), http_status: res.status });
      expect(events.at(-1)?.error_type).not.toBe('unknown');
      return res;
    },
    async expectAccepted(xml, relayState, email = VICTIM) {
      const res = await h.post(xml, relayState);
      const why = `expected the control to be accepted, got ${res.status}: ${res.body.slice(0, 600)}`;
      expect(res.status, why).toBeGreaterThanOrEqual(300);
      expect(res.status, why).toBeLessThan(400);
      const location = new URL(res.location ?? 'about:blank');
      expect(location.searchParams.get('stytch_token_type')).toBe('sso');
      expect(location.searchParams.get('token')).toMatch(/.{16,}/);
      const member = await t.server.db
        .selectFrom('members')
        .select('email')
        .where('organization_id', '=', orgId)
        .where('email', '=', email)
        .executeTakeFirst();
      expect(member?.email).toBe(email);
      return res;
    },
    close: () => t.close(),
  };
  return h;
}
