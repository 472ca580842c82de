import { B2BClient } from 'stytch';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { rotateSigningKey } from './signing-key-store.js';
import { listen, type Listener } from '../http/listen.js';
import { signUp } from '../testing/journey.js';
import { createTestServer, type TestServer } from '../testing/test-server.js';

// The official `stytch` Node SDK (devDependency, 14.2.0) against our server on a loopback port: the
// proof that a backend written for Stytch verifies our session JWTs offline through our JWKS.
let t: TestServer;
let http: Listener;
let client: B2BClient;

beforeEach(async () => {
  t = await createTestServer({ dev: true });
  // The CLI's listener (http/listen.ts), as in production.
  http = await listen({ fetch: (request, env) => t.server.app.fetch(request, env), port: 0, hostname: '127.0.0.1' });
  client = new B2BClient({
    project_id: t.server.project.project_id,
    secret: t.server.project.secret,
    env: `${http.origin}/`,
  });
});
afterEach(async () => {
  await http.close();
  await t.close();
});

// The test server's clock is frozen in 2030; the SDK compares exp/nbf against current_date.
const at = () => ({ current_date: new Date(t.clock.now()) });

describe('stytch B2BClient sessions against OrgAuth', () => {
  test('authenticateJwtLocal verifies our ES256 JWT offline and maps every claim', async () => {
    const s = await signUp(t, 'ada@example.com', 'acme');
    await client.sessions.authenticate({ session_token: s.session_token, session_custom_claims: { plan: 'pro' } });
    const { session_jwt } = await client.sessions.authenticate({ session_token: s.session_token });
    const local = await client.sessions.authenticateJwtLocal({ session_jwt, ...at() });
    expect(local).toEqual({
      member_session_id: s.member_session.member_session_id,
      member_id: s.member.member_id,
      organization_id: s.organization.organization_id,
      organization_slug: 'acme',
      authentication_factors: s.member_session.authentication_factors,
      started_at: s.member_session.started_at,
      last_accessed_at: expect.any(String),
      expires_at: s.member_session.expires_at,
      custom_claims: { plan: 'pro' },
      roles: ['stytch_member', 'stytch_admin'],
    });
    const viaAuthenticateJwt = await client.sessions.authenticateJwt({ session_jwt, ...at() });
    expect(viaAuthenticateJwt.member_session.member_session_id).toBe(s.member_session.member_session_id);
  });

  test('authenticate, get, exchange and revoke return what the SDK types promise', async () => {
    const s = await signUp(t, 'ada@example.com', 'acme');
    const byToken = await client.sessions.authenticate({
      session_token: s.session_token,
      session_duration_minutes: 90,
    });
    expect(byToken.status_code).toBe(200);
    expect(byToken.member.email_address).toBe('ada@example.com');
    expect(byToken.organization.organization_slug).toBe('acme');
    const byJwt = await client.sessions.authenticate({ session_jwt: byToken.session_jwt });
    expect(byJwt.member_session.member_session_id).toBe(s.member_session.member_session_id);

    const listed = await client.sessions.get({
      organization_id: s.organization.organization_id,
      member_id: s.member.member_id,
    });
    expect(listed.member_sessions.map((m) => m.member_session_id)).toEqual([s.member_session.member_session_id]);

    const other = await signUp(t, 'ada@example.com', 'beta');
    const exchanged = await client.sessions.exchange({
      session_token: s.session_token,
      organization_id: 'beta',
      session_duration_minutes: 60,
    });
    expect(exchanged.member_authenticated).toBe(true);
    expect(exchanged.member_session?.organization_id).toBe(other.organization.organization_id);
    const local = await client.sessions.authenticateJwtLocal({ session_jwt: exchanged.session_jwt, ...at() });
    expect(local.organization_slug).toBe('beta');

    await client.sessions.revoke({ session_token: exchanged.session_token });
    await expect(client.sessions.authenticate({ session_jwt: exchanged.session_jwt })).rejects.toMatchObject({
      error_type: 'session_not_found',
    });
  });

  test('after a key rotation the SDK verifies JWTs of the old and the new key', async () => {
    const s = await signUp(t, 'ada@example.com', 'acme');
    expect((await client.sessions.authenticateJwtLocal({ session_jwt: s.session_jwt, ...at() })).member_id).toBe(
      s.member.member_id,
    );
    const rotation = await rotateSigningKey(
      t.server.db,
      t.server.project.project_id,
      t.clock.now(),
      t.server.secretBox,
    );
    const fresh = await client.sessions.authenticate({ session_token: s.session_token });
    expect(JSON.parse(Buffer.from(fresh.session_jwt.split('.')[0] as string, 'base64url').toString()).kid).toBe(
      rotation.kid,
    );
    // No JWKS refetch needed (jose would refuse one within its 30 s cooldown): the new kid was
    // already in the key set the SDK cached before the rotation.
    expect((await client.sessions.authenticateJwtLocal({ session_jwt: fresh.session_jwt, ...at() })).member_id).toBe(
      s.member.member_id,
    );
    expect((await client.sessions.authenticateJwtLocal({ session_jwt: s.session_jwt, ...at() })).member_id).toBe(
      s.member.member_id,
    );
  });

  test('a tampered JWT fails locally and remotely', async () => {
    const s = await signUp(t, 'ada@example.com', 'acme');
    const [h, p, sig] = s.session_jwt.split('.') as [string, string, string];
    const flipped = `${h}.${p}.${sig.slice(0, 10)}${sig[10] === 'A' ? 'B' : 'A'}${sig.slice(11)}`;
    await expect(client.sessions.authenticateJwtLocal({ session_jwt: flipped, ...at() })).rejects.toMatchObject({
      code: 'jwt_invalid',
    });
    await expect(client.sessions.authenticateJwt({ session_jwt: flipped, ...at() })).rejects.toMatchObject({
      error_type: 'jwt_invalid',
    });
  });
});
