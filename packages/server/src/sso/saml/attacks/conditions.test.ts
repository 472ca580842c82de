/**
 * docs/security.md §2 S23–S30: validly signed responses that answer the wrong question — audience,
 * recipient, destination, connection, issuer, time window, replay, unsolicited and mismatched
 * InResponseTo. The IdP key signs every one of them, so only the SP's protocol checks refuse them.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { SAML_CLOCK_SKEW_MS } from '../sp.js';
import { buildResponseXml, signElement } from '../testing/saml-fixtures.js';
import { createSamlHarness, type SamlHarness } from './acs-harness.js';

const MINUTE = 60_000;
let h: SamlHarness;
beforeEach(async () => {
  h = await createSamlHarness();
});
afterEach(async () => {
  await h.close();
});

test('positive control: the golden response (right audience, recipient, destination, window, InResponseTo) is accepted', async () => {
  const pending = await h.start();
  await h.expectAccepted(h.signed(pending, { signatureLocation: 'both' }), pending.relayState);
});

describe('addressed to someone else', () => {
  test('wrong audience (another SP) → refused', async () => {
    const pending = await h.start();
    await h.expectRefused(
      h.signed(pending, { audience: 'https://other-sp.test/metadata', signatureLocation: 'both' }),
      pending.relayState,
    );
  });

  test('wrong recipient (SubjectConfirmationData Recipient is another ACS; Destination is ours) → refused', async () => {
    const pending = await h.start();
    await h.expectRefused(
      h.signed(pending, {
        recipient: 'https://other-sp.test/acs',
        destination: pending.acsUrl,
        signatureLocation: 'both',
      }),
      pending.relayState,
    );
  });

  test('wrong destination (Response Destination is another ACS; Recipient is ours) → refused', async () => {
    const pending = await h.start();
    await h.expectRefused(
      h.signed(pending, { destination: 'https://other-sp.test/acs', signatureLocation: 'both' }),
      pending.relayState,
    );
  });

  test('wrong issuer (assertion Issuer is not the connection IdP entity id) → refused', async () => {
    const pending = await h.start();
    await h.expectRefused(h.signed(pending, { issuer: 'https://evil-idp.test/metadata' }), pending.relayState);
  });

  test("cross-connection: a valid response for connection A posted to connection B's ACS → refused", async () => {
    const other = await h.addConnection();
    const pending = await h.start();
    const pendingB = await h.start(other);
    await h.expectRefused(h.signed(pending), pending.relayState, other);
    await h.expectRefused(h.signed(pending), pendingB.relayState, other);
  });
});

test("cross-organization: a valid response for this organization posted to another tenant's ACS (same IdP key) → refused", async () => {
  const otherOrg: string = (
    await h.t.api('/organizations', { body: { organization_name: 'Other', organization_slug: 'other' } })
  ).body.organization.organization_id;
  const theirs = await h.addConnection(undefined, otherOrg);
  const pending = await h.start();
  const theirPending = await h.start(theirs);
  await h.expectRefused(h.signed(pending), theirPending.relayState, theirs);
  const members = await h.t.server.db.selectFrom('members').select('organization_id').execute();
  expect(members.filter((m) => m.organization_id === otherOrg)).toEqual([]);
});

test('RelayState naming an outside URL (open redirect, S41) → refused, never redirected there', async () => {
  const pending = await h.start();
  const res = await h.expectRefused(h.signed(pending), 'https://evil.test/steal');
  expect(res.location ?? '').not.toContain('evil.test');
  expect(res.body).not.toContain('href="https://evil.test');
});

describe('what the assertion says', () => {
  test('SubjectConfirmation Method is holder-of-key, not bearer → refused', async () => {
    const pending = await h.start();
    const built = buildResponseXml(h.golden(pending));
    const xml = signElement(
      built.xml.replace('urn:oasis:names:tc:SAML:2.0:cm:bearer', 'urn:oasis:names:tc:SAML:2.0:cm:holder-of-key'),
      'Assertion',
    );
    expect(xml).toContain('cm:holder-of-key');
    await h.expectRefused(xml, pending.relayState);
  });

  test('top-level Status is Responder (the IdP refused) → refused, even with a signed assertion inside', async () => {
    const pending = await h.start();
    await h.expectRefused(
      h.signed(pending, { statusCode: 'urn:oasis:names:tc:SAML:2.0:status:Responder', signatureLocation: 'both' }),
      pending.relayState,
    );
  });
});

describe('time window', () => {
  test('expired: NotOnOrAfter (Conditions and SubjectConfirmationData) five minutes ago → refused', async () => {
    const pending = await h.start();
    const now = h.t.clock.now();
    await h.expectRefused(
      h.signed(pending, { notBefore: now - 10 * MINUTE, notOnOrAfter: now - 5 * MINUTE }),
      pending.relayState,
    );
  });

  test('not yet valid: NotBefore five minutes in the future → refused', async () => {
    const pending = await h.start();
    const now = h.t.clock.now();
    await h.expectRefused(
      h.signed(pending, { notBefore: now + 5 * MINUTE, notOnOrAfter: now + 10 * MINUTE }),
      pending.relayState,
    );
  });

  test('clock skew is small (≤ 180 s): NotOnOrAfter passed by just under it is accepted, by just over it refused', async () => {
    expect(SAML_CLOCK_SKEW_MS).toBeLessThanOrEqual(180_000);
    const now = h.t.clock.now();
    const inside = await h.start();
    await h.expectAccepted(
      h.signed(inside, { now: now - MINUTE, notOnOrAfter: now - SAML_CLOCK_SKEW_MS + 1_000 }),
      inside.relayState,
    );
    const outside = await h.start();
    await h.expectRefused(
      h.signed(outside, { now: now - MINUTE, notOnOrAfter: now - SAML_CLOCK_SKEW_MS - 1_000 }),
      outside.relayState,
    );
  });

  test('the same response arriving after the clock passed its NotOnOrAfter → refused', async () => {
    const pending = await h.start();
    const xml = h.signed(pending, { notOnOrAfter: h.t.clock.now() + 2 * MINUTE });
    h.t.clock.advance(5 * MINUTE);
    await h.expectRefused(xml, pending.relayState);
  });
});

describe('replay', () => {
  test('the identical accepted POST replayed → refused', async () => {
    const pending = await h.start();
    const xml = h.signed(pending);
    await h.expectAccepted(xml, pending.relayState);
    await h.expectRefused(xml, pending.relayState);
  });

  test('the accepted signed Assertion re-wrapped in a new Response for a fresh start → refused', async () => {
    const first = await h.start();
    const xml = h.signed(first);
    await h.expectAccepted(xml, first.relayState);
    const second = await h.start();
    const rewrapped = xml
      .replace(/^(<samlp:Response[^>]*?) ID="[^"]+"/, '$1 ID="_rewrapped0000000000000000000001"')
      .replace(`InResponseTo="${first.requestId}"`, `InResponseTo="${second.requestId}"`);
    expect(rewrapped).toContain(`InResponseTo="${second.requestId}"`);
    await h.expectRefused(rewrapped, second.relayState);
  });

  test('replay cache on its own: with IdP-initiated enabled, an unsolicited assertion is accepted once, its replay refused', async () => {
    await h.t.server.db
      .updateTable('sso_connections')
      .set({ idp_initiated_auth_disabled: 0 })
      .where('id', '=', h.connectionId)
      .execute();
    const pending = await h.start();
    const xml = h.signed(pending, { inResponseTo: null });
    const first = await h.post(xml, null);
    expect(first.location ?? '', first.body.slice(0, 300)).toContain('stytch_token_type=sso');
    await h.expectRefused(xml, null);
  });
});

describe('unsolicited and mismatched responses (IdP-initiated off by default)', () => {
  test('unsolicited: no InResponseTo, no RelayState → refused', async () => {
    const pending = await h.start();
    await h.expectRefused(h.signed(pending, { inResponseTo: null }), null);
  });

  test('unsolicited response smuggled with a live RelayState (no InResponseTo) → refused', async () => {
    const pending = await h.start();
    await h.expectRefused(h.signed(pending, { inResponseTo: null }), pending.relayState);
  });

  test('InResponseTo naming no request we issued → refused', async () => {
    const pending = await h.start();
    await h.expectRefused(
      h.signed(pending, { inResponseTo: '_0123456789abcdef0123456789abcdef01234567' }),
      pending.relayState,
    );
  });

  test("InResponseTo of another pending start (another browser's AuthnRequest) → refused", async () => {
    const mine = await h.start();
    const theirs = await h.start();
    await h.expectRefused(h.signed(theirs), mine.relayState);
  });

  test('signed Assertion answers the request but the unsigned Response names another one → refused', async () => {
    const mine = await h.start();
    const other = await h.start();
    const built = buildResponseXml(h.golden(mine));
    const signed = signElement(built.xml, 'Assertion');
    const tampered = signed.replace(
      /^(<samlp:Response[^>]*?) InResponseTo="[^"]+"/,
      `$1 InResponseTo="${other.requestId}"`,
    );
    expect(tampered).not.toBe(signed);
    await h.expectRefused(tampered, other.relayState);
  });
});
