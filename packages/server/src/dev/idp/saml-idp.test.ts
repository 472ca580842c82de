import { deflateRawSync } from 'node:zlib';
import { SAML } from '@node-saml/node-saml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server.js';
import { createDevIdpStore } from './idp-store.js';
import { createDevSamlIdp, type DevSamlIdp } from './saml-idp.js';
import { validateSamlXml } from './strict-xml.js';

const PUBLIC = 'http://localhost:3999';
const ACS = `${PUBLIC}/v1/public/sso/saml/acs/conn-1`;
const SP_ENTITY = `${PUBLIC}/v1/public/sso/saml/metadata/conn-1`;

let t: TestServer;
let idp: DevSamlIdp;
beforeAll(async () => {
  t = await createTestServer();
  idp = createDevSamlIdp(createDevIdpStore(t.server.db, Date.now, t.server.secretBox), PUBLIC);
});
afterAll(() => t.close());

const sp = async () =>
  new SAML({
    callbackUrl: ACS,
    issuer: SP_ENTITY,
    audience: SP_ENTITY,
    entryPoint: idp.ssoUrl('conn-1'),
    idpCert: await idp.certificate(),
    idpIssuer: idp.entityId,
    wantAssertionsSigned: true,
    wantAuthnResponseSigned: true,
    validateInResponseTo: 'always' as never,
  });

const samlRequestOf = (url: string) => new URL(url).searchParams.get('SAMLRequest') ?? '';
const encode = (xml: string) => deflateRawSync(Buffer.from(xml)).toString('base64');

describe('dev SAML IdP', () => {
  it('answers a node-saml AuthnRequest with a Response node-saml accepts (InResponseTo, audience, recipient)', async () => {
    const saml = await sp();
    const url = await saml.getAuthorizeUrlAsync('relay-1', undefined, {});
    const request = await idp.parseRequest(samlRequestOf(url));
    expect(request.acsUrl).toBe(ACS);
    expect(request.issuer).toBe(SP_ENTITY);
    const response = await idp.createResponse(request, {
      email: 'ada@demo-sso.test',
      firstName: 'Ada',
      lastName: 'Lovelace <&>',
    });
    const xml = Buffer.from(response, 'base64').toString('utf8');
    expect(xml).toContain(`InResponseTo="${request.id}"`);
    expect(xml).toContain(`Destination="${ACS}"`);
    const { profile } = await saml.validatePostResponseAsync({ SAMLResponse: response });
    expect(profile?.nameID).toBe('ada@demo-sso.test');
    expect(profile?.inResponseTo).toBe(request.id);
    expect(profile?.first_name).toBe('Ada');
    expect(profile?.last_name).toBe('Lovelace <&>');
  });

  it('keeps one signing key across store instances (restart)', async () => {
    const again = createDevSamlIdp(createDevIdpStore(t.server.db, Date.now, t.server.secretBox), PUBLIC);
    expect(await again.certificate()).toBe(await idp.certificate());
  });

  it('serves metadata with entity id, SSO URL and certificate', async () => {
    const xml = await idp.metadata('conn-1');
    expect(xml).toContain(`entityID="${PUBLIC}/dev/idp/saml"`);
    expect(xml).toContain(`Location="${PUBLIC}/dev/idp/saml/conn-1/sso"`);
    const body = (await idp.certificate()).replace(/-----[A-Z ]+-----|\s/g, '');
    expect(xml.replace(/\s/g, '')).toContain(body);
  });

  it('refuses an AuthnRequest that asks to post to another origin (no signing oracle)', async () => {
    const xml = `<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_x" Version="2.0" IssueInstant="2026-01-01T00:00:00Z" AssertionConsumerServiceURL="https://evil.example/acs"><saml:Issuer>sp</saml:Issuer></samlp:AuthnRequest>`;
    await expect(idp.parseRequest(encode(xml))).rejects.toThrow(/only posts to/);
  });

  it('refuses DTDs, entity declarations and non-SAML roots', async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_x" Version="2.0">&x;</samlp:AuthnRequest>`;
    await expect(validateSamlXml(xxe)).rejects.toThrow(/DTD/);
    await expect(idp.parseRequest(encode(xxe))).rejects.toThrow();
    await expect(validateSamlXml('<foo ID="a" Version="2.0"/>')).rejects.toThrow(/protocol/);
    await expect(
      validateSamlXml('<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="a" Version="2.0">'),
    ).rejects.toThrow();
  });
});
