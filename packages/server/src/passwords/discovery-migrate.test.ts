import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { signUp } from '../testing/journey.js';
import { createTestServer, type TestServer } from '../testing/test-server.js';
import { findPassword, setPassword } from './store.js';

// Discovery by password (an intermediate session and the organizations of the email) and the
// backend's migrate of hashes from another system, each checked and upgraded at first sign-in.
const PASSWORD = 'violet-harbor-quantum-47';
let t: TestServer;
let org: string;
beforeEach(async () => {
  t = await createTestServer({ dev: true, rateLimits: false });
  org = (await signUp(t, 'ada@acme.test', 'acme')).organization_id;
});
afterEach(async () => {
  await t.close();
});

describe('discovery authenticate', () => {
  test('answers an intermediate session and the organizations judged against password', async () => {
    const beta = (await signUp(t, 'ada@acme.test', 'beta')).organization_id;
    await t.api(`/organizations/${beta}`, {
      method: 'PUT',
      body: { auth_methods: 'RESTRICTED', allowed_auth_methods: ['magic_link'] },
    });
    await setPassword(t.server.db, t.server.project.project_id, 'ada@acme.test', PASSWORD, t.clock.now());
    const res = await t.sdk('/b2b/passwords/discovery/authenticate', {
      body: { email_address: 'ADA@acme.test', password: PASSWORD },
    });
    expect(res.status).toBe(200);
    const data = res.body.data;
    expect(data).toMatchObject({ email_address: 'ada@acme.test', intermediate_session_token: expect.any(String) });
    const byId = Object.fromEntries(
      data.discovered_organizations.map((d: { organization: { organization_id: string } }) => [
        d.organization.organization_id,
        d,
      ]),
    );
    expect(byId[org]).toMatchObject({ member_authenticated: true, primary_required: null });
    expect(byId[beta]).toMatchObject({ member_authenticated: false });
    const exchanged = await t.sdk('/b2b/discovery/intermediate_sessions/exchange', {
      body: {
        intermediate_session_token: data.intermediate_session_token,
        organization_id: org,
        session_duration_minutes: 60,
      },
    });
    expect(exchanged.status).toBe(200);
    expect(exchanged.body.data.member_session.authentication_factors[0]).toMatchObject({
      type: 'password',
      delivery_method: 'knowledge',
    });
    const backend = await t.api('/passwords/discovery/authenticate', {
      body: { email_address: 'ada@acme.test', password: PASSWORD },
    });
    expect(backend.body.discovered_organizations).toHaveLength(2);
  });

  test('a wrong password and an email without one answer alike', async () => {
    await setPassword(t.server.db, t.server.project.project_id, 'ada@acme.test', PASSWORD, t.clock.now());
    const wrong = await t.sdk('/b2b/passwords/discovery/authenticate', {
      body: { email_address: 'ada@acme.test', password: 'wrong-password-entirely' },
    });
    const none = await t.sdk('/b2b/passwords/discovery/authenticate', {
      body: { email_address: 'eve@acme.test', password: PASSWORD },
    });
    expect(wrong.status).toBe(401);
    expect({ ...wrong.body, request_id: '' }).toEqual({ ...none.body, request_id: '' });
  });
});

describe('migrate', () => {
  const migrate = (email: string, fields: Record<string, unknown>) =>
    t.api('/passwords/migrate', { body: { organization_id: org, email_address: email, ...fields } });
  const signIn = (email: string, password: string) =>
    t.sdk('/b2b/passwords/authenticate', {
      body: { organization_id: org, email_address: email, password, session_duration_minutes: 60 },
    });

  test('every supported hash type is stored, verified at sign-in, then upgraded to scrypt', async () => {
    const b64 = (text: string) => Buffer.from(text).toString('base64');
    const cases: Array<[string, string, Record<string, unknown>]> = [
      [
        'b@x.test',
        'U*U',
        { hash_type: 'bcrypt', hash: '$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW' },
      ],
      [
        'a@x.test',
        'password',
        {
          hash_type: 'argon_2id',
          hash: '$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc',
        },
      ],
      [
        'i@x.test',
        'password',
        {
          hash_type: 'argon_2i',
          hash: 'wWKIMhR9lyDFvRz9YTZweHKfbftvj+qf+YFY4NeBbtA=',
          argon_2_config: { salt: 'somesalt', iteration_amount: 2, memory: 65536, threads: 1, key_length: 32 },
        },
      ],
      [
        's@x.test',
        'correct horse',
        {
          hash_type: 'scrypt',
          hash: 'Ky4Ort7PlY7xMppXYKvsQX4WtPmd8e8/T5viCFbplAU=',
          scrypt_config: {
            salt: b64('pepper-salt'),
            n_parameter: 1024,
            r_parameter: 8,
            p_parameter: 1,
            key_length: 32,
          },
        },
      ],
      [
        'p@x.test',
        'correct horse',
        {
          hash_type: 'pbkdf_2',
          hash: 'vCowWi1dB0WkHn96blKCnL2OG83kjxRxvy4fTd6Hm28=',
          pbkdf_2_config: { salt: 'c2FsdHNhbHQxMjM0', iteration_amount: 1000, key_length: 32, algorithm: 'sha256' },
        },
      ],
    ];
    for (const [email, password, fields] of cases) {
      const res = await migrate(email, { ...fields, name: 'Imported' });
      expect(res.status, email).toBe(200);
      expect(res.body).toMatchObject({
        member_created: true,
        member: { email_address: email, email_address_verified: true, name: 'Imported', status: 'active' },
        organization: { organization_id: org },
      });
      expect(JSON.stringify(res.body)).not.toContain(String(fields.hash).slice(10, 30));
      const stored = await findPassword(t.server.db, t.server.project.project_id, email);
      expect(res.body.member.member_password_id).toBe(stored?.id);
      expect((await signIn(email, `${password}!`)).status, email).toBe(401);
      expect((await signIn(email, password)).status, email).toBe(200);
      const row = await findPassword(t.server.db, t.server.project.project_id, email);
      expect(row?.hash, email).toMatch(/^\$scrypt\$ln=4,r=8,p=1\$/);
      expect((await signIn(email, password)).status, email).toBe(200);
    }
  });

  test('an existing member keeps its row (member_created false); unsupported or malformed hashes are 400', async () => {
    const res = await migrate('ada@acme.test', {
      hash_type: 'bcrypt',
      hash: '$2b$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW',
    });
    expect(res.body.member_created).toBe(false);
    const bad: Array<Record<string, unknown>> = [
      { hash_type: 'md_5', hash: 'abc', md_5_config: { prepend_salt: '', append_salt: '' } },
      { hash_type: 'bcrypt', hash: '$2a$05$short' },
      { hash_type: 'argon_2id', hash: 'AAAA' },
      {
        hash_type: 'argon_2id',
        hash: '$argon2id$v=19$m=9999999,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc',
      },
      {
        hash_type: 'scrypt',
        hash: 'AAAA',
        scrypt_config: { salt: 'AAAA', n_parameter: 1000, r_parameter: 8, p_parameter: 1, key_length: 3 },
      },
      {
        hash_type: 'pbkdf_2',
        hash: 'AAAA',
        pbkdf_2_config: { salt: 'AAAA', iteration_amount: 1, key_length: 3, algorithm: 'md5' },
      },
      { hash_type: 'bcrypt' },
    ];
    for (const fields of bad) expect((await migrate('new@x.test', fields)).status, JSON.stringify(fields)).toBe(400);
    expect(await findPassword(t.server.db, t.server.project.project_id, 'new@x.test')).toBeUndefined();
  });
});
