import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { standInClient, standInEndpoints } from '../../oauth/index.js';
import { createTestServer, type TestServer } from '../../testing/test-server.js';
import { authorizeAs, pathOf, pkcePair, postForm } from './stand-in-flow.js';

// GitHub, Slack and HubSpot stand-ins driven like a relying party with plain fetch (their user APIs
// are not OpenID), and the refusals every stand-in's token endpoint shares.

const PUBLIC = 'http://localhost:3000';
const CALLBACK = `${PUBLIC}/v1/public/oauth/callback`;
let t: TestServer;

beforeAll(async () => {
  t = await createTestServer({ dev: true, publicUrl: PUBLIC });
});
afterAll(() => t.close());

const bearerGet = (url: string, token: string) =>
  t.http(pathOf(url), { headers: { authorization: `Bearer ${token}` } });

describe('GitHub stand-in', () => {
  const gh = standInEndpoints(PUBLIC, 'github');

  async function tokenFor(subject: string): Promise<string> {
    const back = await authorizeAs(t, 'github', subject, {
      publicUrl: PUBLIC,
      redirectUri: CALLBACK,
      scope: 'read:user user:email read:org',
      state: 'st',
    });
    expect(back.searchParams.get('state')).toBe('st');
    const res = await postForm(
      t,
      gh.tokenUrl,
      { code: back.searchParams.get('code') ?? '', redirect_uri: CALLBACK },
      'post',
      { accept: 'application/json' },
    );
    const body = await res.json();
    expect(body).toMatchObject({ token_type: 'bearer', scope: 'read:user,user:email,read:org' });
    return body.access_token;
  }

  it('answers the user, emails and organizations APIs for the person picked', async () => {
    const token = await tokenFor('1002');
    expect(await (await bearerGet(gh.apis.user ?? '', token)).json()).toMatchObject({
      id: 1002,
      login: 'grace-h',
      email: 'grace@acme.test',
    });
    expect(await (await bearerGet(gh.apis.emails ?? '', token)).json()).toContainEqual({
      email: 'grace@acme.test',
      primary: true,
      verified: true,
      visibility: 'private',
    });
    expect(await (await bearerGet(gh.apis.orgs ?? '', token)).json()).toEqual([
      expect.objectContaining({ id: 5001, login: 'acme-corp' }),
      expect.objectContaining({ id: 5002, login: 'globex-inc' }),
    ]);
  });

  it('has a person whose primary email is unverified', async () => {
    const emails = await (await bearerGet(gh.apis.emails ?? '', await tokenFor('1005'))).json();
    expect(emails.find((e: { primary: boolean }) => e.primary)).toMatchObject({
      email: 'mallory@acme.test',
      verified: false,
    });
  });

  it('answers form-encoded without Accept: application/json, and refuses APIs without a valid token', async () => {
    const back = await authorizeAs(t, 'github', '1001', { publicUrl: PUBLIC, redirectUri: CALLBACK });
    const res = await postForm(t, gh.tokenUrl, { code: back.searchParams.get('code') ?? '' });
    expect(res.headers.get('content-type')).toContain('application/x-www-form-urlencoded');
    expect(new URLSearchParams(await res.text()).get('token_type')).toBe('bearer');
    const refused = await bearerGet(gh.apis.user ?? '', 'not-a-token');
    expect([refused.status, (await refused.json()).message]).toEqual([401, 'Bad credentials']);
  });
});

describe('Slack stand-in', () => {
  it('exchanges a code and answers openid.connect.userInfo with the team', async () => {
    const slack = standInEndpoints(PUBLIC, 'slack');
    const back = await authorizeAs(t, 'slack', 'U0ALAN0001', {
      publicUrl: PUBLIC,
      redirectUri: CALLBACK,
      scope: 'openid email profile',
    });
    const token = await (
      await postForm(
        t,
        slack.tokenUrl,
        { grant_type: 'authorization_code', code: back.searchParams.get('code') ?? '', redirect_uri: CALLBACK },
        'post',
      )
    ).json();
    expect(token).toMatchObject({ ok: true, token_type: 'Bearer' });
    expect(await (await bearerGet(slack.apis.userinfo ?? '', token.access_token)).json()).toMatchObject({
      ok: true,
      sub: 'U0ALAN0001',
      email: 'alan@globex.test',
      email_verified: true,
      name: 'Alan Turing',
      'https://slack.com/team_id': 'T0GLOBEX01',
      'https://slack.com/team_name': 'Globex',
    });
    expect(await (await bearerGet(slack.apis.userinfo ?? '', 'nope')).json()).toEqual({
      ok: false,
      error: 'invalid_auth',
    });
  });
});

describe('HubSpot stand-in', () => {
  it('exchanges a code and describes the access token with the portal', async () => {
    const hs = standInEndpoints(PUBLIC, 'hubspot');
    const back = await authorizeAs(t, 'hubspot', '2003', {
      publicUrl: PUBLIC,
      redirectUri: CALLBACK,
      scope: 'oauth crm.objects.contacts.read',
    });
    const token = await (
      await postForm(
        t,
        hs.tokenUrl,
        { grant_type: 'authorization_code', code: back.searchParams.get('code') ?? '', redirect_uri: CALLBACK },
        'post',
      )
    ).json();
    expect(token).toMatchObject({ token_type: 'bearer', expires_in: 3600 });
    expect(token.refresh_token).toBeTruthy();
    const info = await t.http(pathOf((hs.apis.tokenInfo ?? '').replace('{token}', token.access_token)));
    expect(await info.json()).toMatchObject({
      user: 'alan@globex.test',
      user_id: 2003,
      hub_id: 7654321,
      hub_domain: 'globex.test',
      scopes: ['oauth', 'crm.objects.contacts.read'],
      token_type: 'access',
    });
    expect((await t.http(pathOf((hs.apis.tokenInfo ?? '').replace('{token}', 'unknown')))).status).toBe(404);
  });
});

describe('every stand-in token endpoint', () => {
  const google = standInEndpoints(PUBLIC, 'google');
  const codeFor = async (challenge?: string) =>
    (
      await authorizeAs(t, 'google', '100000000000000000002', {
        publicUrl: PUBLIC,
        redirectUri: CALLBACK,
        ...(challenge ? { challenge } : {}),
      })
    ).searchParams.get('code') ?? '';
  const exchange = (params: Record<string, string>, auth?: Parameters<typeof postForm>[3]) =>
    postForm(t, google.tokenUrl, { grant_type: 'authorization_code', redirect_uri: CALLBACK, ...params }, auth);

  it('takes a code once', async () => {
    const code = await codeFor();
    expect((await exchange({ code })).status).toBe(200);
    const again = await exchange({ code });
    expect([again.status, (await again.json()).error]).toEqual([400, 'invalid_grant']);
  });

  it('checks the S256 verifier when a challenge was sent, and refuses a verifier without one', async () => {
    const { verifier, challenge } = pkcePair();
    const wrong = await exchange({ code: await codeFor(challenge), code_verifier: pkcePair().verifier });
    expect([wrong.status, (await wrong.json()).error]).toEqual([400, 'invalid_grant']);
    const missing = await exchange({ code: await codeFor(challenge) });
    expect(missing.status).toBe(400);
    expect((await exchange({ code: await codeFor(), code_verifier: verifier })).status).toBe(400);
    expect((await exchange({ code: await codeFor(challenge), code_verifier: verifier })).status).toBe(200);
  });

  it('refuses a wrong client secret (basic and post) and a different redirect_uri', async () => {
    const wrong = { id: standInClient('google').clientId, secret: 'guess' };
    const basic = await exchange({ code: await codeFor() }, wrong);
    expect([basic.status, (await basic.json()).error]).toEqual([401, 'invalid_client']);
    const body = new URLSearchParams({
      grant_type: 'authorization_code',
      code: await codeFor(),
      redirect_uri: CALLBACK,
      client_id: wrong.id,
      client_secret: 'guess',
    });
    const post = await t.http(pathOf(google.tokenUrl), { method: 'POST', body });
    expect(post.status).toBe(401);
    const moved = await exchange({ code: await codeFor(), redirect_uri: `${PUBLIC}/elsewhere` });
    expect([moved.status, (await moved.json()).error]).toEqual([400, 'invalid_grant']);
  });

  it('refreshes with a refresh token', async () => {
    const first = await (await exchange({ code: await codeFor() })).json();
    const refreshed = await postForm(t, google.tokenUrl, {
      grant_type: 'refresh_token',
      refresh_token: first.refresh_token,
    });
    const body = await refreshed.json();
    expect(body.access_token).not.toBe(first.access_token);
    expect(body.id_token).toBeTruthy();
  });
});
