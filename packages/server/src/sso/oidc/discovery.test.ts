import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { TEST_PKCE } from '../../testing/journey.js';
import { createOidcFixture, type OidcFixture } from './testing/oidc-flow.js';

// docs/security.md TEN-10: an OIDC IdP's email counts as proven for discovery only with
// `email_verified: true`; the browser binding of the OIDC flow holds for discovery starts too.

let f: OidcFixture;
beforeEach(async () => {
  f = await createOidcFixture();
});
afterEach(async () => {
  await f.close();
});

/** `GET /v1/public/sso/discovery/start` in the fixture's browser → the OP authorize URL. */
async function discoveryStart(): Promise<URL> {
  const q = new URLSearchParams({
    public_token: f.t.server.project.public_token,
    connection_id: f.connectionId,
    pkce_code_challenge: TEST_PKCE.challenge,
  });
  const res = await f.t.http(`/v1/public/sso/discovery/start?${q}`);
  f.jar.take(res);
  expect(res.status).toBe(302);
  return new URL(res.headers.get('location') ?? '');
}

describe('OIDC SSO discovery', () => {
  test('a verified email ends in a discovery_sso token that lists the organization as authenticated', async () => {
    const done = await f.callback(await f.authorize(await discoveryStart()));
    expect(done.status).toBe(303);
    const url = new URL(done.location ?? '');
    expect(url.searchParams.get('stytch_token_type')).toBe('discovery_sso');
    const res = await f.t.sdk('/b2b/sso/discovery/authenticate', {
      body: { discovery_sso_token: url.searchParams.get('token'), pkce_code_verifier: TEST_PKCE.verifier },
    });
    expect(res.status).toBe(200);
    expect(res.body.data.email_address).toBe('ada@oidc.example');
    expect(res.body.data.discovered_organizations).toEqual([
      expect.objectContaining({
        organization: expect.objectContaining({ organization_id: f.organizationId }),
        member_authenticated: true,
        primary_required: null,
      }),
    ]);
  });

  test('a linked member whose IdP no longer verifies the email is signed in to the organization only', async () => {
    await f.callback(await f.authorize(await discoveryStart()));
    f.op.user = { ...f.op.user, email_verified: false };
    const done = await f.callback(await f.authorize(await discoveryStart()));
    expect(new URL(done.location ?? '').searchParams.get('stytch_token_type')).toBe('sso');
  });

  test('the callback of a discovery start refuses another browser', async () => {
    const callback = await f.authorize(await discoveryStart());
    const res = await f.callback(callback, '');
    expect(res.status).toBe(400);
    expect(res.location).toBeNull();
    const tokens = await f.t.server.db.selectFrom('one_time_tokens').select('kind').execute();
    expect(tokens).toEqual([]);
  });
});
