import { afterEach, describe, expect, test } from 'vitest';
import { acsUrl, spEntityId } from './saml/sp.js';
import { OTHER_CERT, OTHER_KEY } from './saml/testing/saml-fixtures.js';
import {
  samlSignIn as samlSignInRaw,
  SDK_SSO_START,
  sdkSsoAuthenticate,
  setupSamlConnection,
  ssoTokenOf,
  TEST_PUBLIC_URL,
  type SamlSetup,
} from './saml/testing/saml-flow.js';
import { snapshot } from '../testing/db-snapshot.js';
import { createOidcFixture, type OidcFixture } from './oidc/testing/oidc-flow.js';
import { createTestServer, type TestServer } from '../testing/test-server.js';

// docs/security.md AUTH-12: an identity is (connection, subject). A second IdP of the organization (B)
// asserting the email — or the very NameID — of a member another connection (A) already vouches for
// is refused with `sso_identity_conflict`, not signed in as that member. What stays: the same
// (connection, subject) finds its member after an email change, and a member with no SSO identity yet
// (invited / created by the API) is linked by email on its first SSO sign-in.

const IDP_B = 'https://idp-b.example.test/saml';
let t: TestServer;
let oidc: OidcFixture | undefined;
afterEach(async () => {
  if (oidc !== undefined) await oidc.close();
  else await t.close();
  oidc = undefined;
});

/** A SAML connection in `organizationId` to IdP B: another entity id and signing key than `setupSamlConnection`'s IdP. */
async function addIdpB(organizationId: string): Promise<SamlSetup> {
  const created = await t.api(`/sso/saml/${organizationId}`, { body: { display_name: 'IdP B' } });
  const connectionId: string = created.body.connection.connection_id;
  const put = await t.api(`/sso/saml/${organizationId}/connections/${connectionId}`, {
    method: 'PUT',
    body: { idp_entity_id: IDP_B, idp_sso_url: `${IDP_B}/sso`, x509_certificate: OTHER_CERT, attribute_mapping: {} },
  });
  if (put.body.connection?.status !== 'active') throw new Error(`IdP B: ${JSON.stringify(put.body)}`);
  return {
    organizationId,
    connectionId,
    audience: spEntityId(TEST_PUBLIC_URL, connectionId),
    acs: acsUrl(TEST_PUBLIC_URL, connectionId),
  };
}
/** A browser sign-in through the SDK (PKCE challenge at the start) at IdP A of `setupSamlConnection`. */
const samlSignIn = (_t: TestServer, setup: SamlSetup, nameId: string) =>
  samlSignInRaw(t, setup, nameId, {}, SDK_SSO_START);
const viaB = (setup: SamlSetup, nameId: string, email?: string) =>
  samlSignInRaw(
    t,
    setup,
    nameId,
    {
      issuer: IDP_B,
      privateKey: OTHER_KEY,
      embeddedCertificate: OTHER_CERT,
      ...(email === undefined ? {} : { attributes: { email } }),
    },
    SDK_SSO_START,
  );

/** Redeems the `sso` token of an accepted ACS answer through the SDK; returns the member id it signs in. */
async function accepted(res: Response): Promise<string> {
  const session = await sdkSsoAuthenticate(t, await ssoTokenOf(res));
  expect(session.status, JSON.stringify(session.body)).toBe(200);
  return session.body.data.member_id as string;
}

const IDENTITY_TABLES = ['members', 'sessions', 'sso_identities', 'one_time_tokens', 'intermediate_sessions'];
const identityRows = async () => {
  const all = await snapshot(t.server.db);
  return IDENTITY_TABLES.map((name) => all[name]);
};

/** Runs `signIn` and expects 409 `sso_identity_conflict` with no redirect and no identity row written. */
async function expectConflict(
  signIn: () => Promise<{ status: number; errorType: string | null; location: string | null }>,
): Promise<void> {
  const before = await identityRows();
  const res = await signIn();
  expect({ status: res.status, errorType: res.errorType, location: res.location }).toEqual({
    status: 409,
    errorType: 'sso_identity_conflict',
    location: null,
  });
  expect(await identityRows()).toEqual(before);
}
const acs = async (p: Promise<Response>) => {
  const res = await p;
  return {
    status: res.status,
    errorType: res.headers.get('x-orgauth-error-type'),
    location: res.headers.get('location'),
  };
};

describe('two SAML connections (A, B) in one organization', () => {
  test('B asserting the same NameID / email as the member A linked → refused; A still signs Ada in', async () => {
    t = await createTestServer();
    const a = await setupSamlConnection(t);
    const b = await addIdpB(a.organizationId);
    const ada = await accepted(await samlSignIn(t, a, 'ada@acme.test'));
    await expectConflict(() => acs(viaB(b, 'ada@acme.test')));
    await expectConflict(() => acs(viaB(b, 'b-subject-0001', 'Ada@Acme.test')));
    expect(await accepted(await samlSignIn(t, a, 'ada@acme.test'))).toBe(ada);
    const links = await t.server.db
      .selectFrom('sso_identities')
      .select(['connection_id', 'subject', 'member_id'])
      .execute();
    expect(links).toEqual([{ connection_id: a.connectionId, subject: 'ada@acme.test', member_id: ada }]);
  });

  test('a member with no SSO identity (created by the API) is linked by email through B; A then cannot claim it', async () => {
    t = await createTestServer();
    const a = await setupSamlConnection(t);
    const b = await addIdpB(a.organizationId);
    const created = await t.api(`/organizations/${a.organizationId}/members`, {
      body: { email_address: 'carol@acme.test' },
    });
    expect(created.status).toBe(200);
    expect(await accepted(await viaB(b, 'b-carol', 'carol@acme.test'))).toBe(created.body.member_id);
    await expectConflict(() => acs(samlSignIn(t, a, 'carol@acme.test')));
    expect(await accepted(await viaB(b, 'b-carol', 'carol@acme.test'))).toBe(created.body.member_id);
  });

  test('the same (connection, subject) finds its member after the email changed, with another connection present', async () => {
    t = await createTestServer();
    const a = await setupSamlConnection(t);
    const b = await addIdpB(a.organizationId);
    const dan = await accepted(await viaB(b, 'b-dan', 'dan@acme.test'));
    expect(await accepted(await viaB(b, 'b-dan', 'daniel@acme.test'))).toBe(dan);
  });

  test('deleting connection A drops its identities: Ada can then be linked through B', async () => {
    t = await createTestServer();
    const a = await setupSamlConnection(t);
    const b = await addIdpB(a.organizationId);
    const ada = await accepted(await samlSignIn(t, a, 'ada@acme.test'));
    expect((await t.api(`/sso/${a.organizationId}/connections/${a.connectionId}`, { method: 'DELETE' })).status).toBe(
      200,
    );
    expect(await accepted(await viaB(b, 'b-ada', 'ada@acme.test'))).toBe(ada);
  });
});

test('SAML A then OIDC B asserting the same verified email under its own subject → refused', async () => {
  oidc = await createOidcFixture();
  t = oidc.t;
  const a = await addIdpB(oidc.organizationId); // here the SAML IdP is "A", the OIDC one "B"
  const ada = await accepted(await viaB(a, 'saml-ada', oidc.op.user.email));
  expect(oidc.op.user.email_verified).toBe(true);
  await expectConflict(() => oidc!.signIn());
  const links = await t.server.db.selectFrom('sso_identities').select(['connection_id', 'member_id']).execute();
  expect(links).toEqual([{ connection_id: a.connectionId, member_id: ada }]);
});
