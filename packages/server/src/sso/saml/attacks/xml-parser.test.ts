/**
 * docs/security.md §2 S9, S32–S34: the XML parser as an attack surface — external entities (file and
 * network), internal entities that keep a signature valid, billion laughs, multiple roots and a
 * processing instruction in NameID. Entity references sit in the Response's StatusMessage, outside the
 * Assertion signature, so a refusal is the parser policy's doing and not a broken signature's.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createSamlHarness, type SamlHarness } from './acs-harness.js';
import { withDoctype, withStatusMessage } from './xml-tampering.js';

let h: SamlHarness;
beforeEach(async () => {
  h = await createSamlHarness();
});
afterEach(async () => {
  await h.close();
});

test('positive control: a StatusMessage outside the assertion signature is accepted (so refusals below are the DTD)', async () => {
  const pending = await h.start();
  await h.expectAccepted(withStatusMessage(h.signed(pending), 'all good'), pending.relayState);
});

describe('DTDs and entities', () => {
  test('XXE: SYSTEM entity reading file:///etc/passwd → refused', async () => {
    const pending = await h.start();
    const xml = withDoctype(withStatusMessage(h.signed(pending), '&xxe;'), '<!ENTITY xxe SYSTEM "file:///etc/passwd">');
    const res = await h.expectRefused(xml, pending.relayState);
    expect(res.body).not.toContain('root:');
  });

  describe('XXE over the network', () => {
    let listener: Server;
    let hits: string[];
    beforeEach(async () => {
      hits = [];
      listener = createServer((req, res) => {
        hits.push(req.url ?? '');
        res.end('<!ENTITY exfil "stolen">');
      });
      await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    });
    afterEach(async () => {
      await new Promise<void>((resolve) => listener.close(() => resolve()));
    });

    test('external general and parameter entities pointing at a loopback listener → refused, nothing fetched', async () => {
      const base = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
      const pending = await h.start();
      const dtd = `<!ENTITY % remote SYSTEM "${base}/param.dtd">\n%remote;\n<!ENTITY xxe SYSTEM "${base}/general">`;
      await h.expectRefused(withDoctype(withStatusMessage(h.signed(pending), '&xxe;&exfil;'), dtd), pending.relayState);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(hits).toEqual([]);
    });
  });

  test('internal entity standing for the signed NameID (signature still verifies after expansion) → refused', async () => {
    // exc-c14n of the expanded document equals what the IdP signed, so only "no DTD, ever" stops this.
    const pending = await h.start();
    const xml = withDoctype(
      h.signed(pending, { attributes: {} }).replace('>victim@corp.test</saml:NameID>', '>&who;</saml:NameID>'),
      '<!ENTITY who "victim@corp.test">',
    );
    expect(xml).toContain('>&who;</saml:NameID>');
    await h.expectRefused(xml, pending.relayState);
  });

  test('billion laughs (nested entity expansion) → refused fast', async () => {
    const pending = await h.start();
    const levels = ['<!ENTITY lol0 "lol">'];
    for (let i = 1; i <= 9; i++) levels.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
    const started = performance.now();
    await h.expectRefused(
      withDoctype(withStatusMessage(h.signed(pending), '&lol9;'), levels.join('\n')),
      pending.relayState,
    );
    expect(performance.now() - started).toBeLessThan(4_000);
  });

  test('quadratic blowup (one large entity referenced many times) → refused fast', async () => {
    const pending = await h.start();
    const started = performance.now();
    const xml = withDoctype(
      withStatusMessage(h.signed(pending), '&big;'.repeat(2_000)),
      `<!ENTITY big "${'x'.repeat(20_000)}">`,
    );
    await h.expectRefused(xml, pending.relayState);
    expect(performance.now() - started).toBeLessThan(4_000);
  });
});

describe('structure', () => {
  test('a second root element after the signed Response (CVE-2022-39299 / CVE-2022-39353) → refused', async () => {
    const pending = await h.start();
    const signed = h.signed(pending);
    const evil = signed
      .replace(/ID="[^"]+"/g, (m) => `${m.slice(0, -1)}x"`)
      .replace(/>victim@corp\.test</g, '>admin@corp.test<');
    await h.expectRefused(`${signed}${evil}`, pending.relayState);
    await h.expectRefused(`${evil}${signed}`, pending.relayState);
  });

  test('a 5 MB SAMLResponse → refused without parsing', async () => {
    const pending = await h.start();
    const started = performance.now();
    await h.expectRefused(withStatusMessage(h.signed(pending), 'x'.repeat(5 * 1024 * 1024)), pending.relayState);
    expect(performance.now() - started).toBeLessThan(4_000);
  });

  test('processing instruction inside NameID → refused (never a truncated identity)', async () => {
    const pending = await h.start();
    const xml = h
      .signed(pending, { nameId: 'admin@corp.test.evil.test', attributes: {} })
      .replace('>admin@corp.test.evil.test<', '>admin@corp.test<?pi x?>.evil.test<');
    expect(xml).toContain('<?pi x?>');
    await h.expectRefused(xml, pending.relayState);
    const members = await h.t.server.db.selectFrom('members').select('email').execute();
    expect(members.map((m) => m.email)).not.toContain('admin@corp.test');
  });
});
