import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { signUp } from '../testing/journey.js';
import { createTestServer, type TestResponse, type TestServer } from '../testing/test-server.js';
import { findPassword, setPassword } from './store.js';

// Password sign-in into an organization, SDK and backend (docs/wire-protocol.md §2.8): the factor,
// member_password_id, no enumeration (AUTH-03), allowed_auth_methods (AUTH-02), the hash never leaves.
const PASSWORD = 'violet-harbor-quantum-47';
let t: TestServer;
let org: string;
let project: string;
const seen: string[] = [];
beforeEach(async () => {
  t = await createTestServer({ dev: true, rateLimits: false });
  project = t.server.project.project_id;
  org = (await signUp(t, 'ada@acme.test', 'acme')).organization_id;
  await setPassword(t.server.db, project, 'ada@acme.test', PASSWORD, t.clock.now());
});
afterEach(async () => {
  // AUTH-07: no answer of any test here carried a stored hash.
  const hashes = (await t.server.db.selectFrom('member_passwords').select('hash').execute()).map((r) => r.hash);
  // Nor did the event log, which records every one of these requests.
  await t.server.flushEvents();
  const events = await t.server.db.selectFrom('events').selectAll().execute();
  expect(events.some((e) => e.action === 'PasswordsAuthenticate')).toBe(true);
  for (const text of [...seen.splice(0), JSON.stringify(events)]) {
    expect(text).not.toMatch(/\$scrypt\$|\$2[aby]\$|\$argon2|\$pbkdf2/);
    for (const hash of hashes) expect(text).not.toContain(hash);
  }
  await t.close();
});

const keep = (res: TestResponse) => {
  seen.push(JSON.stringify(res.body));
  return res;
};
const sdkAuth = (email: string, password: string, organization = org) =>
  t
    .sdk('/b2b/passwords/authenticate', {
      body: { organization_id: organization, email_address: email, password, session_duration_minutes: 60 },
    })
    .then(keep);
const apiAuth = (email: string, password: string, organization = org) =>
  t
    .api('/passwords/authenticate', {
      body: { organization_id: organization, email_address: email, password, session_duration_minutes: 60 },
    })
    .then(keep);

describe('password authenticate', () => {
  test('signs the member in with a password factor and shows member_password_id', async () => {
    const res = await sdkAuth('Ada@Acme.test', PASSWORD);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const data = res.body.data;
    const row = await findPassword(t.server.db, project, 'ada@acme.test');
    expect(data).toMatchObject({
      member_authenticated: true,
      organization_id: org,
      intermediate_session_token: '',
      session_token: expect.any(String),
      session_jwt: expect.any(String),
      member: { email_address: 'ada@acme.test', member_password_id: row?.id },
    });
    expect(data.member_session.authentication_factors).toEqual([
      expect.objectContaining({
        type: 'password',
        delivery_method: 'knowledge',
        email_factor: { email_id: data.member.email_id ?? expect.any(String), email_address: 'ada@acme.test' },
      }),
    ]);
    const backend = await apiAuth('ada@acme.test', PASSWORD);
    expect(backend.status).toBe(200);
    expect(backend.body.member_session.authentication_factors[0].type).toBe('password');
    // The members API shows the same id.
    const member = await t.api(`/organizations/${org}/member?email_address=ada%40acme.test`);
    expect(member.body.member.member_password_id).toBe(row?.id);
  });

  test('wrong password, unknown email, member without password, non-member and deleted member answer alike', async () => {
    const beta = (await signUp(t, 'bob@beta.test', 'beta')).organization_id;
    await setPassword(t.server.db, project, 'bob@beta.test', PASSWORD, t.clock.now());
    await t.api(`/organizations/${org}/members`, { body: { email_address: 'cy@acme.test' } });
    const del = await t.api(`/organizations/${org}/members`, { body: { email_address: 'del@acme.test' } });
    await setPassword(t.server.db, project, 'del@acme.test', PASSWORD, t.clock.now());
    await t.api(`/organizations/${org}/members/${del.body.member_id}`, { method: 'DELETE' });
    const cases: Array<[string, string]> = [
      ['ada@acme.test', 'wrong-password-entirely'],
      ['eve@acme.test', PASSWORD],
      ['cy@acme.test', PASSWORD],
      ['bob@beta.test', PASSWORD],
      ['del@acme.test', PASSWORD],
    ];
    const shape = (r: TestResponse) => JSON.stringify({ ...r.body, request_id: '' });
    for (const call of [sdkAuth, apiAuth]) {
      const answers = [];
      for (const [email, password] of cases) answers.push(await call(email, password));
      for (const res of answers) {
        expect(res.status).toBe(401);
        expect(res.body.error_type).toBe('unauthorized_credentials');
        expect(shape(res)).toBe(shape(answers[0] as TestResponse));
      }
    }
    expect((await sdkAuth('bob@beta.test', PASSWORD, beta)).status).toBe(200);
  });

  test('an invited member is activated by signing in; a held session of the member gets the factor', async () => {
    await t.api('/magic_links/email/invite', { body: { organization_id: org, email_address: 'ivy@else.test' } });
    await setPassword(t.server.db, project, 'ivy@else.test', PASSWORD, t.clock.now());
    expect((await sdkAuth('ivy@else.test', PASSWORD)).status).toBe(200);
    const ivy = await t.api(`/organizations/${org}/member?email_address=ivy%40else.test`);
    expect(ivy.body.member.status).toBe('active');
    const first = (await sdkAuth('ada@acme.test', PASSWORD)).body.data;
    const again = await t
      .sdk('/b2b/passwords/authenticate', {
        body: {
          organization_id: org,
          email_address: 'ada@acme.test',
          password: PASSWORD,
          session_duration_minutes: 60,
        },
        session: first.session_token,
      })
      .then(keep);
    expect(again.body.data.member_session.member_session_id).toBe(first.member_session.member_session_id);
    expect(again.body.data.session_token).not.toBe(first.session_token);
  });

  test('an organization restricting its methods without password refuses, for anyone alike (AUTH-02)', async () => {
    const restrict = (methods: string[]) =>
      t.api(`/organizations/${org}`, {
        method: 'PUT',
        body: { auth_methods: 'RESTRICTED', allowed_auth_methods: methods },
      });
    await restrict(['magic_link', 'email_otp']);
    for (const [email, password] of [
      ['ada@acme.test', PASSWORD],
      ['ada@acme.test', 'wrong-password-entirely'],
      ['eve@acme.test', PASSWORD],
    ] as const) {
      for (const res of [await sdkAuth(email, password), await apiAuth(email, password)]) {
        expect(res.status).toBe(403);
        expect(res.body.error_type).toBe('unauthorized_action');
      }
    }
    await restrict(['password']);
    expect((await sdkAuth('ada@acme.test', PASSWORD)).status).toBe(200);
  });

  test('malformed input is a 400 before any check', async () => {
    for (const password of ['', 123, null, 'x'.repeat(257)]) {
      const res = await t.sdk('/b2b/passwords/authenticate', {
        body: { organization_id: org, email_address: 'ada@acme.test', password, session_duration_minutes: 60 },
      });
      expect(res.status).toBe(400);
    }
  });
});
