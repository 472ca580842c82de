import { createRemoteJWKSet, jwtVerify } from 'jose';
import * as oauth from 'oauth4webapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { standInClient, standInEndpoints, standInUrl } from '../../oauth/index.js';
import { createTestServer, type TestServer } from '../../testing/test-server.js';
import { STAND_IN_TENANTS } from './people.js';
import { authorizeAs, pathOf, pkcePair, postForm } from './stand-in-flow.js';

// The Google and Microsoft stand-ins driven by a relying party (oauth4webapi, as the server's own
// sign-in code uses it): discovery, picker, code exchange, ID token verified with the stand-in's JWKS.

const PUBLIC = 'http://localhost:3000';
const CALLBACK = `${PUBLIC}/v1/public/oauth/callback`;
let t: TestServer;
let origin: string;

/** oauth4webapi's requests go to the test listener (the public URL's port is not listening). */
const onListener = () => ({
  [oauth.customFetch]: (url: string, init: oauth.CustomFetchOptions<string, unknown>) =>
    fetch(url.replace(PUBLIC, origin), init as RequestInit),
  [oauth.allowInsecureRequests]: true,
});

beforeAll(async () => {
  t = await createTestServer({ dev: true, publicUrl: PUBLIC });
  const probe = await t.http('/dev/mailbox.json');
  origin = new URL(probe.url).origin;
});
afterAll(() => t.close());

async function googleServer(): Promise<oauth.AuthorizationServer> {
  const issuer = new URL(standInUrl(PUBLIC, 'google', 'https://accounts.google.com'));
  return oauth.processDiscoveryResponse(
    issuer,
    await oauth.discoveryRequest(issuer, { ...onListener(), algorithm: 'oidc' }),
  );
}

describe('Google stand-in', () => {
  it('serves discovery on the stand-in issuer with stand-in endpoints and S256 only', async () => {
    const as = await googleServer();
    expect(as.issuer).toBe(`${PUBLIC}/dev/oauth/google/accounts.google.com`);
    expect(as.authorization_endpoint).toBe(standInEndpoints(PUBLIC, 'google').authorizationUrl);
    expect(as.token_endpoint).toBe(standInEndpoints(PUBLIC, 'google').tokenUrl);
    expect(as.jwks_uri).toBe(`${PUBLIC}/dev/oauth/google/www.googleapis.com/oauth2/v3/certs`);
    expect(as.code_challenge_methods_supported).toEqual(['S256']);
  });

  for (const auth of ['basic', 'post'] as const) {
    it(`signs in a Workspace person (client_secret_${auth}): verified ID token with hd and nonce, userinfo`, async () => {
      const as = await googleServer();
      const client: oauth.Client = {
        client_id: standInClient('google').clientId,
        [oauth.clockSkew]: Math.round((t.clock.now() - Date.now()) / 1000),
      };
      const { verifier, challenge } = pkcePair();
      const [state, nonce] = [oauth.generateRandomState(), oauth.generateRandomNonce()];
      const back = await authorizeAs(t, 'google', '100000000000000000001', {
        publicUrl: PUBLIC,
        redirectUri: CALLBACK,
        state,
        nonce,
        challenge,
      });
      const params = oauth.validateAuthResponse(as, client, back, state);
      const secret = standInClient('google').clientSecret;
      const clientAuth = auth === 'basic' ? oauth.ClientSecretBasic(secret) : oauth.ClientSecretPost(secret);
      const res = await oauth.authorizationCodeGrantRequest(
        as,
        client,
        clientAuth,
        params,
        CALLBACK,
        verifier,
        onListener(),
      );
      const tokens = await oauth.processAuthorizationCodeResponse(as, client, res, {
        expectedNonce: nonce,
        requireIdToken: true,
      });
      const claims = oauth.getValidatedIdTokenClaims(tokens);
      expect(claims).toMatchObject({
        iss: as.issuer,
        aud: client.client_id,
        sub: '100000000000000000001',
        email: 'ada@acme.test',
        email_verified: true,
        hd: 'acme.test',
        nonce,
        name: 'Ada Lovelace',
        given_name: 'Ada',
        family_name: 'Lovelace',
      });
      expect(typeof claims?.picture).toBe('string');
      expect(tokens.refresh_token).toMatch(/^[\w-]{43}$/);
      // The signature itself, against the published keys (oauth4webapi leaves it to the caller).
      const jwks = createRemoteJWKSet(new URL(`${origin}${pathOf(as.jwks_uri ?? '')}`));
      await jwtVerify(tokens.id_token ?? '', jwks, {
        issuer: as.issuer,
        audience: client.client_id,
        currentDate: new Date(t.clock.now()),
      });
      const info = await oauth.userInfoRequest(as, client, tokens.access_token, onListener());
      expect(await oauth.processUserInfoResponse(as, client, '100000000000000000001', info)).toMatchObject({
        email: 'ada@acme.test',
        hd: 'acme.test',
      });
    });
  }

  it('gives a consumer account no hd, and says when an email is unverified', async () => {
    const claimsOf = async (subject: string) => {
      const back = await authorizeAs(t, 'google', subject, { publicUrl: PUBLIC, redirectUri: CALLBACK });
      const res = await postForm(t, standInEndpoints(PUBLIC, 'google').tokenUrl, {
        grant_type: 'authorization_code',
        code: back.searchParams.get('code') ?? '',
        redirect_uri: CALLBACK,
      });
      const body = await res.json();
      return JSON.parse(Buffer.from(body.id_token.split('.')[1], 'base64url').toString());
    };
    const consumer = await claimsOf('100000000000000000004');
    expect(consumer.email).toBe('katherine.johnson@gmail.test');
    expect(consumer).not.toHaveProperty('hd');
    expect(await claimsOf('100000000000000000005')).toMatchObject({ email_verified: false });
  });
});

describe('Microsoft stand-in', () => {
  it("publishes the multi-tenant issuer template and signs tokens with the person's tenant as issuer", async () => {
    const discovery = await (await t.http(pathOf(standInEndpoints(PUBLIC, 'microsoft').discoveryUrl ?? ''))).json();
    expect(discovery.issuer).toBe(`${PUBLIC}/dev/oauth/microsoft/login.microsoftonline.com/{tenantid}/v2.0`);
    expect(discovery.issuer).toBe(standInEndpoints(PUBLIC, 'microsoft').issuer);
    expect(discovery.authorization_endpoint).toBe(standInEndpoints(PUBLIC, 'microsoft').authorizationUrl);
    const jwks = createRemoteJWKSet(new URL(`${origin}${pathOf(discovery.jwks_uri)}`));
    const verified = async (subject: string) => {
      const { verifier, challenge } = pkcePair();
      const back = await authorizeAs(t, 'microsoft', subject, {
        publicUrl: PUBLIC,
        redirectUri: CALLBACK,
        nonce: 'n-1',
        challenge,
        state: 's',
      });
      const res = await postForm(
        t,
        discovery.token_endpoint,
        {
          grant_type: 'authorization_code',
          code: back.searchParams.get('code') ?? '',
          redirect_uri: CALLBACK,
          code_verifier: verifier,
        },
        'post',
      );
      const body = await res.json();
      return (
        await jwtVerify(body.id_token, jwks, {
          audience: standInClient('microsoft').clientId,
          currentDate: new Date(t.clock.now()),
        })
      ).payload;
    };
    const ada = await verified('ms-sub-ada');
    expect(ada).toMatchObject({
      tid: STAND_IN_TENANTS.acme,
      email: 'ada@acme.test',
      preferred_username: 'ada@acme.test',
      xms_edov: true,
      nonce: 'n-1',
      sub: 'ms-sub-ada',
    });
    expect(ada.iss).toBe(discovery.issuer.replace('{tenantid}', STAND_IN_TENANTS.acme));
    expect(typeof ada.oid).toBe('string');
    const pat = await verified('ms-sub-pat');
    expect(pat).toMatchObject({ tid: STAND_IN_TENANTS.globex, email: 'pat@acme.test' });
    expect(pat).not.toHaveProperty('xms_edov');
    expect(pat.iss).toBe(discovery.issuer.replace('{tenantid}', STAND_IN_TENANTS.globex));
  });
});
