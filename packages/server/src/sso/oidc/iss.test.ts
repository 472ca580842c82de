import { afterEach, describe, expect, test } from 'vitest';
import { createOidcFixture, type OidcFixture } from './testing/oidc-flow.js';

// docs/security.md O7 / RFC 9207: the authorization response's `iss` names the IdP that answered, so a
// code from another connection's (attacker's) IdP cannot be passed off as this one's (mix-up).

let f: OidcFixture;
afterEach(async () => {
  await f.close();
});

const ADVERTISED = { discovery: { authorization_response_iss_parameter_supported: true } };

const storedFlag = async () =>
  (
    await f.t.server.db
      .selectFrom('sso_connections')
      .select('oidc_iss_parameter_supported')
      .where('id', '=', f.connectionId)
      .executeTakeFirstOrThrow()
  ).oidc_iss_parameter_supported;

/** The callback refused as an invalid IdP answer, before the code was redeemed; nothing written. */
async function expectRefused(url: URL) {
  const res = await f.callback(url);
  expect(res.status, res.text).toBe(400);
  expect(res.errorType).toBe('oidc_response_invalid');
  expect(res.location).toBeNull();
  expect(await f.t.server.db.selectFrom('sessions').select('id').execute()).toHaveLength(0);
  expect(
    await f.t.server.db.selectFrom('members').select('id').where('organization_id', '=', f.organizationId).execute(),
  ).toHaveLength(0);
  expect(
    await f.t.server.db.selectFrom('one_time_tokens').select('hash').where('kind', '=', 'sso').execute(),
  ).toHaveLength(0);
  return res;
}

describe('RFC 9207 iss authorization-response parameter', () => {
  test('discovery advertising the flag is stored with the connection; with iss the sign-in succeeds', async () => {
    f = await createOidcFixture('ALL_ALLOWED', ADVERTISED);
    expect(await storedFlag()).toBe(1);
    expect((await f.signIn()).status).toBe(303);
  });

  test('advertised and the response lacks iss: refused', async () => {
    f = await createOidcFixture('ALL_ALLOWED', ADVERTISED);
    const url = await f.authorize(await f.start());
    url.searchParams.delete('iss');
    const res = await expectRefused(url);
    expect(res.text).toContain('iss');
  });

  test('advertised and the response carries an empty iss: refused', async () => {
    f = await createOidcFixture('ALL_ALLOWED', ADVERTISED);
    const url = await f.authorize(await f.start());
    url.searchParams.set('iss', '');
    await expectRefused(url);
  });

  test('advertised and iss names another issuer: refused', async () => {
    f = await createOidcFixture('ALL_ALLOWED', ADVERTISED);
    f.op.authResponse = { iss: 'https://attacker-idp.example' };
    await expectRefused(await f.authorize(await f.start()));
  });

  test('not advertised, iss of another issuer: still refused', async () => {
    f = await createOidcFixture();
    expect(await storedFlag()).toBe(0);
    f.op.authResponse = { iss: `${f.op.issuer}/` };
    await expectRefused(await f.authorize(await f.start()));
  });

  test('not advertised and no iss: accepted (IdPs without RFC 9207)', async () => {
    f = await createOidcFixture();
    const url = await f.authorize(await f.start());
    url.searchParams.delete('iss');
    const res = await f.callback(url);
    expect(res.status, res.text).toBe(303);
  });

  test('a new issuer configured by hand (no discovery) drops the flag learnt from the old one', async () => {
    f = await createOidcFixture('ALL_ALLOWED', ADVERTISED);
    const path = `/sso/oidc/${f.organizationId}/connections/${f.connectionId}`;
    // Same issuer, endpoints by hand: the flag stays (it still describes this IdP).
    const same = {
      issuer: f.op.issuer,
      authorization_url: `${f.op.issuer}/authorize`,
      token_url: `${f.op.issuer}/token`,
      jwks_url: `${f.op.issuer}/jwks`,
    };
    expect((await f.t.api(path, { method: 'PUT', body: same })).status).toBe(200);
    expect(await storedFlag()).toBe(1);
    const other = 'http://127.0.0.1:9/other-op';
    const res = await f.t.api(path, {
      method: 'PUT',
      body: {
        issuer: other,
        authorization_url: `${other}/authorize`,
        token_url: `${other}/token`,
        jwks_url: `${other}/jwks`,
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await storedFlag()).toBe(0);
  });
});
