import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { SDK_SSO_START, sdkSsoAuthenticate } from '../saml/testing/saml-flow.js';
import { createOidcFixture, type CallbackResult, type OidcFixture } from './testing/oidc-flow.js';

// docs/security.md §3 O8 (missing `aud`), O14 (missing `iat`), O12 (`kid` absent with a single-key JWKS:
// accept) and O13 (the IdP rotates its key: the JWKS is fetched again, the new key accepted, the
// removed one no longer). The ID tokens come from the test OP's token endpoint, as in a real flow.

let f: OidcFixture;
beforeEach(async () => {
  f = await createOidcFixture();
});
afterEach(async () => {
  await f.close();
});

const identityRows = async () => ({
  members: await f.t.server.db
    .selectFrom('members')
    .select('id')
    .where('organization_id', '=', f.organizationId)
    .execute(),
  sessions: await f.t.server.db.selectFrom('sessions').select('id').execute(),
  identities: await f.t.server.db.selectFrom('sso_identities').select('subject').execute(),
  tokens: await f.t.server.db.selectFrom('one_time_tokens').select('hash').where('kind', '=', 'sso').execute(),
});

/** Signs in and expects an `oidc_response_invalid` page with nothing written that signs anyone in. */
async function expectRefused(): Promise<CallbackResult> {
  const before = await identityRows();
  const res = await f.signIn();
  expect(res.status, res.text).toBe(400);
  expect(res.errorType).toBe('oidc_response_invalid');
  expect(res.location).toBeNull();
  expect(await identityRows()).toEqual(before);
  return res;
}

/** Signs in as the browser SDK does (PKCE challenge at the start), expects the `sso` token redirect; redeems it and returns the member id. */
async function expectAccepted(): Promise<string> {
  const res = await f.callback(await f.authorize(await f.start(SDK_SSO_START)));
  expect(res.status, res.text).toBe(303);
  const location = new URL(res.location ?? 'about:blank');
  expect(location.searchParams.get('stytch_token_type')).toBe('sso');
  const session = await sdkSsoAuthenticate(f.t, location.searchParams.get('token') ?? '');
  expect(session.status, JSON.stringify(session.body)).toBe(200);
  return session.body.data.member_id as string;
}

/** The key set the OP publishes right now (what our server fetches). */
const publishedJwks = async (): Promise<{ keys: JWK[] }> =>
  (await fetch(`${f.op.issuer}/jwks`)).json() as Promise<{ keys: JWK[] }>;

/**
 * Rotates the OP to a fresh RSA key: its JWKS then holds ONLY the new key (`jwksKid`, or none), and
 * its ID tokens are signed by it with header `kid` = `tokenKid` (absent when undefined). The OP
 * serves `op.publicJwk` by reference, so rewriting that object in place replaces the published key;
 * the callers check the published set, so a fixture that stops doing so fails loudly.
 */
async function rotateKey(jwksKid: string | undefined, tokenKid: string | undefined): Promise<void> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk: JWK = {
    ...(await exportJWK(publicKey)),
    alg: 'RS256',
    use: 'sig',
    ...(jwksKid === undefined ? {} : { kid: jwksKid }),
  };
  const published = f.op.publicJwk as Record<string, unknown>;
  for (const name of Object.keys(published)) delete published[name];
  Object.assign(published, jwk);
  f.op.idToken = (claims) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', ...(tokenKid === undefined ? {} : { kid: tokenKid }) })
      .sign(privateKey);
}

describe('required claims', () => {
  test('control: the untampered ID token is accepted', async () => {
    await expectAccepted();
  });

  test('O8: an ID token without `aud` is refused', async () => {
    f.op.claims = ({ aud: _aud, ...rest }) => rest;
    await expectRefused();
  });

  test('O14: an ID token without `iat` is refused', async () => {
    f.op.claims = ({ iat: _iat, ...rest }) => rest;
    await expectRefused();
  });
});

describe('O12: `kid` absent', () => {
  for (const jwksKid of ['op-key-solo', undefined]) {
    test(`single-key JWKS (key ${jwksKid === undefined ? 'without a kid' : 'with a kid'}) and an ID token without \`kid\` → accepted`, async () => {
      await rotateKey(jwksKid, undefined);
      const { keys } = await publishedJwks();
      expect(keys).toHaveLength(1);
      expect(keys[0]?.kid).toBe(jwksKid);
      await expectAccepted();
    });
  }
});

describe('O13: signing-key rotation', () => {
  test('the OP replaces its key (new kid, old key removed) between two sign-ins → the second is accepted; the old key no longer verifies', async () => {
    const first = await expectAccepted();
    expect((await publishedJwks()).keys.map((k) => k.kid)).toEqual(['op-key-1']);
    await rotateKey('op-key-2', 'op-key-2');
    expect((await publishedJwks()).keys.map((k) => k.kid)).toEqual(['op-key-2']);
    expect(await expectAccepted()).toBe(first);
    // The retired key (the OP's original signer, kid op-key-1) is refused: our JWKS is the new one.
    f.op.idToken = undefined;
    await expectRefused();
  });
});
