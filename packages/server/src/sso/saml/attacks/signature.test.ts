/**
 * docs/security.md §2 S10, S14–S20: unsigned and stripped documents, tampering under a signature, another
 * key (with and without an embedded-certificate swap), SHA-1 on a connection that did not opt in, and
 * NameID comment injection. Positive controls first: each signature placement the ACS accepts.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { OTHER_CERT, OTHER_KEY, TEST_IDP_CERT } from '../testing/saml-fixtures.js';
import { createSamlHarness, type SamlHarness } from './acs-harness.js';
import {
  assertionDigest,
  digestValueComment,
  injectNameIdComment,
  stripSignatures,
  tamperNameId,
} from './xml-tampering.js';

let h: SamlHarness;
beforeEach(async () => {
  h = await createSamlHarness();
});
afterEach(async () => {
  await h.close();
});

describe('signature presence', () => {
  for (const where of ['assertion', 'response', 'both'] as const) {
    test(`positive control: signed on the ${where}, SHA-256, pinned key → accepted`, async () => {
      const pending = await h.start();
      await h.expectAccepted(h.signed(pending, { signatureLocation: where }), pending.relayState);
    });
  }

  test('unsigned response carrying an unsigned assertion is refused', async () => {
    const pending = await h.start();
    await h.expectRefused(h.signed(pending, { signatureLocation: 'none' }), pending.relayState);
  });

  for (const where of ['assertion', 'response', 'both'] as const) {
    test(`signature stripped from a document signed on the ${where} is refused`, async () => {
      const pending = await h.start();
      await h.expectRefused(stripSignatures(h.signed(pending, { signatureLocation: where })), pending.relayState);
    });
  }

  test('unsigned assertion: the Assertion is unsigned and its NameID was changed inside a signed Response → refused', async () => {
    const pending = await h.start();
    await h.expectRefused(
      tamperNameId(h.signed(pending, { signatureLocation: 'response' }), 'admin@corp.test'),
      pending.relayState,
    );
  });

  test('signed assertion whose NameID was changed after signing → refused', async () => {
    const pending = await h.start();
    await h.expectRefused(
      tamperNameId(h.signed(pending, { signatureLocation: 'assertion' }), 'admin@corp.test'),
      pending.relayState,
    );
  });

  test('empty SignatureValue → refused', async () => {
    const pending = await h.start();
    const xml = h
      .signed(pending)
      .replace(/<ds:SignatureValue>[^<]*<\/ds:SignatureValue>/, '<ds:SignatureValue></ds:SignatureValue>');
    expect(xml).toContain('<ds:SignatureValue></ds:SignatureValue>');
    await h.expectRefused(xml, pending.relayState);
  });
});

describe('DigestValue comment (CVE-2025-29775)', () => {
  test('harness check: our digest of the untampered assertion equals the IdP-signed DigestValue', async () => {
    const pending = await h.start();
    const xml = h.signed(pending);
    expect(xml).toContain(`<ds:DigestValue>${assertionDigest(xml)}</ds:DigestValue>`);
  });

  test('forged NameID with its digest hidden in a comment inside DigestValue → refused', async () => {
    const pending = await h.start();
    const xml = digestValueComment(h.signed(pending), 'admin@corp.test');
    expect(xml).toMatch(/<ds:DigestValue><!--[^>]+-->[^<]+<\/ds:DigestValue>/);
    await h.expectRefused(xml, pending.relayState);
  });
});

describe('keys', () => {
  test("signed by another key with the attacker's certificate in KeyInfo (certificate swap) → refused", async () => {
    const pending = await h.start();
    const xml = h.signed(pending, {
      privateKey: OTHER_KEY,
      embeddedCertificate: OTHER_CERT,
      signatureLocation: 'both',
    });
    expect(xml).toContain(OTHER_CERT.replace(/-----[^-]+-----|\s/g, '').slice(0, 60));
    await h.expectRefused(xml, pending.relayState);
  });

  test('signed by another key while KeyInfo shows the pinned certificate → refused', async () => {
    const pending = await h.start();
    await h.expectRefused(
      h.signed(pending, { privateKey: OTHER_KEY, embeddedCertificate: TEST_IDP_CERT }),
      pending.relayState,
    );
  });

  test('KeyInfo naming another certificate does not matter when the pinned key signed (KeyInfo is ignored)', async () => {
    // The other half of "ignore KeyInfo": verification uses the pinned certificate, whatever KeyInfo says.
    const pending = await h.start();
    await h.expectAccepted(h.signed(pending, { embeddedCertificate: OTHER_CERT }), pending.relayState);
  });
});

describe('algorithms (connection did not opt in to SHA-1)', () => {
  test('rsa-sha1 signature with sha1 digest → refused', async () => {
    const pending = await h.start();
    const xml = h.signed(pending, { algorithm: 'sha1', signatureLocation: 'both' });
    expect(xml).toContain('xmldsig#rsa-sha1');
    await h.expectRefused(xml, pending.relayState);
  });

  test('rsa-sha256 signature over a sha1 digest → refused', async () => {
    const pending = await h.start();
    const xml = h.signed(pending, { algorithm: 'sha256', digestAlgorithm: 'sha1' });
    expect(xml).toContain('xmldsig#sha1');
    await h.expectRefused(xml, pending.relayState);
  });
});

describe('NameID comment injection (CVE-2017-11427 family)', () => {
  test('positive control: the IdP-signed NameID admin@x.test.evil.test itself is accepted as that identity', async () => {
    const pending = await h.start();
    await h.expectAccepted(
      h.signed(pending, { nameId: 'admin@x.test.evil.test', attributes: {} }),
      pending.relayState,
      'admin@x.test.evil.test',
    );
  });

  test('<NameID>admin@x.test<!---->.evil.test</NameID> never yields admin@x.test', async () => {
    // The victim exists (earlier legitimate login), so a reader of the first text node would sign the
    // attacker in as them. docs/security.md S10: refuse, or take the full concatenated text — never the prefix.
    const memberOf = async (location: string | null) => {
      const token = new URL(location ?? 'about:blank').searchParams.get('token');
      const res = await h.t.api('/sso/authenticate', { body: { sso_token: token, session_duration_minutes: 60 } });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.member as { member_id: string; email_address: string };
    };
    const first = await h.start();
    const victim = await memberOf(
      (
        await h.expectAccepted(
          h.signed(first, { nameId: 'admin@x.test', attributes: {} }),
          first.relayState,
          'admin@x.test',
        )
      ).location,
    );
    expect(victim.email_address).toBe('admin@x.test');

    const pending = await h.start();
    const xml = injectNameIdComment(
      h.signed(pending, { nameId: 'admin@x.test.evil.test', attributes: {} }),
      'admin@x.test',
      '.evil.test',
    );
    expect(xml).toContain('admin@x.test<!---->.evil.test');
    const res = await h.post(xml, pending.relayState);
    // Refused outright (stricter than docs/security.md S10's "or take the full text").
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.location ?? '').not.toContain('stytch_token_type=sso');
    const identities = await h.t.server.db.selectFrom('sso_identities').select(['subject', 'member_id']).execute();
    expect(identities.filter((i) => i.member_id === victim.member_id).map((i) => i.subject)).toEqual(['admin@x.test']);
  });

  test('comment inside the email AttributeValue never yields the truncated address', async () => {
    const first = await h.start();
    await h.expectAccepted(
      h.signed(first, {
        nameId: 'subject-1',
        nameIdFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
        attributes: { email: 'admin@x.test' },
      }),
      first.relayState,
      'admin@x.test',
    );
    const pending = await h.start();
    const signed = h.signed(pending, {
      nameId: 'subject-2',
      nameIdFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
      attributes: { email: 'admin@x.test.evil.test' },
    });
    const xml = signed.replace(
      '>admin@x.test.evil.test</saml:AttributeValue>',
      '>admin@x.test<!---->.evil.test</saml:AttributeValue>',
    );
    expect(xml).toContain('admin@x.test<!---->.evil.test');
    const res = await h.post(xml, pending.relayState);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    // subject-2 is a new identity; it never lands on the member admin@x.test.
    const rows = await h.t.server.db
      .selectFrom('sso_identities')
      .innerJoin('members', 'members.id', 'sso_identities.member_id')
      .select(['subject', 'email'])
      .execute();
    expect(rows.filter((r) => r.email === 'admin@x.test').map((r) => r.subject)).toEqual(['subject-1']);
  });
});
