import { X509Certificate, createPrivateKey } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server.js';
import { createSelfSignedCertificate } from './self-signed-cert.js';
import { readChosenUser, renderAutoPost, renderUserChooser } from './user-chooser.js';

describe('self-signed certificate', () => {
  it('parses, verifies with its own key and spans the requested years', async () => {
    const now = Date.parse('2026-06-01T00:00:00Z');
    const { certificatePem, privateKeyPem } = await createSelfSignedCertificate('OrgAuth dev IdP', now, 30);
    const cert = new X509Certificate(certificatePem);
    expect(cert.subject).toBe('CN=OrgAuth dev IdP');
    expect(cert.checkPrivateKey(createPrivateKey(privateKeyPem))).toBe(true);
    // 30 years crosses 2050: GeneralizedTime must be used, or the date would wrap to 1956.
    expect(new Date(cert.validTo).getUTCFullYear()).toBe(2056);
    expect(Date.parse(cert.validFrom)).toBeLessThan(now);
  });
});

describe('certificate serials', () => {
  it('are positive, unique and at most 20 bytes, in every certificate (Node parses each one)', async () => {
    const serials = new Set<string>();
    for (let i = 0; i < 16; i++) {
      const { certificatePem } = await createSelfSignedCertificate(`dev ${i}`, Date.now(), 1);
      const serial = new X509Certificate(certificatePem).serialNumber;
      expect(serial).toMatch(/^[0-7][0-9A-F]{1,39}$/);
      serials.add(serial);
    }
    expect(serials.size).toBe(16);
  });
});

describe('user chooser', () => {
  it('escapes every organization-controlled value', () => {
    const html = renderUserChooser({
      orgName: '<script>alert(1)</script>',
      domain: 'x.test"><b>',
      protocol: 'SAML',
      action: '/dev/idp/saml/c/sso',
      hidden: { RelayState: '"><img src=x>' },
    });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('"><b>');
  });

  it('reads a demo person or typed fields, and refuses a non-address', () => {
    expect(readChosenUser({ person: 'ada@demo-sso.test|Ada|Lovelace' })).toEqual({
      email: 'ada@demo-sso.test',
      firstName: 'Ada',
      lastName: 'Lovelace',
    });
    expect(readChosenUser({ email: ' Bob@Example.TEST ', first_name: 'Bob', last_name: '' })).toEqual({
      email: 'bob@example.test',
      firstName: 'Bob',
      lastName: '',
    });
    expect(readChosenUser({ email: 'not an email' })).toBeUndefined();
    expect(readChosenUser({ email: 'a@b.c<script>' })).toBeUndefined();
  });

  it('auto-post allows its one script by nonce and posts only to the ACS origin', () => {
    const { html, csp } = renderAutoPost(
      'http://localhost:3000/v1/public/sso/saml/c/acs',
      { SAMLResponse: 'abc' },
      'n0nce',
      [],
    );
    expect(csp).toContain("script-src 'nonce-n0nce'");
    expect(csp).toContain('form-action http://localhost:3000');
    expect(html).toContain('<script nonce="n0nce">');
  });
});

describe('dev IdP routes (--dev)', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await createTestServer({ dev: true, publicUrl: 'http://localhost:3000' });
  });
  afterAll(() => t.close());
  // Over the socket (the CLI's listener): the pages' headers are checked as the browser gets them.
  const get = (path: string) => t.http(path);

  it('serves the IdP metadata', async () => {
    const res = await get('/dev/idp/saml/metadata');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('samlmetadata+xml');
    const xml = await res.text();
    expect(xml).toContain('entityID="http://localhost:3000/dev/idp/saml"');
    expect(xml).toContain('Location="http://localhost:3000/dev/idp/saml/sso"');
    expect(xml).toContain('X509Certificate');
  });

  it('answers unknown connections and unusable requests with an escaped page under a strict CSP', async () => {
    expect((await get('/dev/idp/saml/nope/metadata')).status).toBe(404);
    const unknown = await get('/dev/idp/saml/%3Cb%3E/sso?SAMLRequest=x');
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).not.toContain('<b>');
    const garbage = await get('/dev/idp/saml/sso?SAMLRequest=bm90LXhtbA');
    expect(garbage.status).toBe(400);
    expect(garbage.headers.get('content-security-policy')).toContain("default-src 'none'");
  });
});
