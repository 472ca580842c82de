import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { signUp } from '../testing/journey.js';
import { createTestServer, latestOtpCode, type TestServer } from '../testing/test-server.js';

// Organization sign-in by code, decided exactly as the organization magic link: members, invites,
// JIT by allowed domain, allowed_auth_methods, and no answer that tells a member from a stranger.

let t: TestServer;
let org: string;
let session: string;
beforeEach(async () => {
  t = await createTestServer({ dev: true, rateLimits: false });
  const signedUp = await signUp(t, 'ada@acme.test', 'acme');
  org = signedUp.organization_id;
  session = signedUp.session_token;
  const jit = await t.api(`/organizations/${org}`, {
    method: 'PUT',
    body: { email_jit_provisioning: 'RESTRICTED', email_allowed_domains: ['acme.test'] },
  });
  expect(jit.status).toBe(200);
});
afterEach(async () => {
  await t.close();
});

const sdkSend = (email: string) =>
  t.sdk('/b2b/otps/email/login_or_signup', { body: { organization_id: org, email_address: email } });
const sdkAuthenticate = (email: string, code: string, extra: { session?: string } = {}) =>
  t.sdk('/b2b/otps/email/authenticate', {
    body: { organization_id: org, email_address: email, code, session_duration_minutes: 60 },
    ...extra,
  });
const memberOf = async (email: string) =>
  (await t.api(`/organizations/${org}/member?email_address=${encodeURIComponent(email)}`)).body.member;
/** The code mails (not invites) sent to `email`. */
const mailsTo = async (email: string) =>
  (await t.server.mailbox.list()).filter((m) => m.to === email && /^\d{6} is your code/.test(m.subject));

async function deletedMember(email: string) {
  const created = await t.api(`/organizations/${org}/members`, { body: { email_address: email } });
  await t.api(`/organizations/${org}/members/${created.body.member_id}`, { method: 'DELETE' });
}

describe('SDK login_or_signup and authenticate: no account enumeration (AUTH-03)', () => {
  test('member, invitee, JIT newcomer, stranger and deleted member get the same answers; only admitted ones get mail', async () => {
    await t.api('/magic_links/email/invite', { body: { organization_id: org, email_address: 'ivy@elsewhere.test' } });
    await deletedMember('del@elsewhere.test');
    const admitted = ['ada@acme.test', 'ivy@elsewhere.test', 'new@acme.test'];
    const refused = ['eve@elsewhere.test', 'del@elsewhere.test'];
    const sends = [];
    for (const email of [...admitted, ...refused]) sends.push(await sdkSend(email));
    for (const res of sends) {
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ data: { status_code: 200, request_id: expect.any(String) } });
    }
    for (const email of admitted) expect(await mailsTo(email)).toHaveLength(1);
    for (const email of refused) expect(await mailsTo(email)).toHaveLength(0);
    // A wrong guess, an expired code and a sixth try read the same for everyone.
    const answers = async (email: string) => {
      const out: string[] = [];
      for (let i = 0; i < 6; i++) {
        const res = await sdkAuthenticate(email, '000000');
        out.push(`${res.status} ${res.body.error_type} ${res.body.error_message}`);
      }
      return out;
    };
    const stranger = await answers('eve@elsewhere.test');
    expect(stranger[0]).toBe('404 otp_code_not_found That code is wrong. 4 attempts left for this code.');
    expect(stranger[5]).toMatch(/^401 too_many_otp_attempts/);
    expect(await answers('del@elsewhere.test')).toEqual(stranger);
    // (The admitted codes are not 000000 with overwhelming probability; skip the one-in-a-million case.)
    for (const email of admitted)
      if ((await latestOtpCode(t.server, email)) !== '000000') expect(await answers(email), email).toEqual(stranger);
    // Without any send: the same "no code" answer for a member and a stranger.
    const none = (email: string) => sdkAuthenticate(email, '123456').then((r) => `${r.status} ${r.body.error_message}`);
    expect(await none('bob@acme.test')).toBe(await none('zed@elsewhere.test'));
  });
});

describe('what a code does in the organization', () => {
  test('an active member signs in, with an otp email factor and method_id = the email id', async () => {
    await sdkSend('ada@acme.test');
    const res = await sdkAuthenticate('ada@acme.test', await latestOtpCode(t.server, 'ada@acme.test'));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const data = res.body.data;
    expect(data).toMatchObject({
      member_authenticated: true,
      organization_id: org,
      intermediate_session_token: '',
      method_id: expect.stringMatching(/^member-email-/),
    });
    expect(data.session_token).toEqual(expect.any(String));
    expect(data.member_session.authentication_factors).toEqual([
      expect.objectContaining({ type: 'otp', delivery_method: 'email', email_factor: expect.any(Object) }),
    ]);
  });

  test('JIT by allowed domain creates a pending member at send, activated and verified by the code', async () => {
    await sdkSend('new@acme.test');
    expect(await memberOf('new@acme.test')).toMatchObject({ status: 'pending', email_address_verified: false });
    const [mail] = await mailsTo('new@acme.test');
    expect(mail?.subject).toMatch(/^\d{6} is your code to join Org acme$/);
    const res = await sdkAuthenticate('new@acme.test', await latestOtpCode(t.server, 'new@acme.test'));
    expect(res.status).toBe(200);
    expect(await memberOf('new@acme.test')).toMatchObject({ status: 'active', email_address_verified: true });
  });

  test('an invitee turns active by the code; a domain the organization does not admit writes no member', async () => {
    await t.api('/magic_links/email/invite', { body: { organization_id: org, email_address: 'ivy@elsewhere.test' } });
    await sdkSend('ivy@elsewhere.test');
    const res = await sdkAuthenticate('ivy@elsewhere.test', await latestOtpCode(t.server, 'ivy@elsewhere.test'));
    expect(res.status).toBe(200);
    expect(await memberOf('ivy@elsewhere.test')).toMatchObject({ status: 'active' });
    await sdkSend('eve@elsewhere.test');
    expect((await t.api(`/organizations/${org}/member?email_address=eve%40elsewhere.test`)).status).toBe(404);
  });

  test('a held session of the same member gets the factor and a new token; another member’s is left beside', async () => {
    await sdkSend('ada@acme.test');
    const res = await sdkAuthenticate('ada@acme.test', await latestOtpCode(t.server, 'ada@acme.test'), { session });
    expect(res.status).toBe(200);
    expect(res.body.data.session_token).not.toBe(session);
    expect(res.body.data.member_session.authentication_factors.map((f: { type: string }) => f.type)).toEqual([
      'magic_link',
      'otp',
    ]);
    // The old token died with the authentication (SES-03).
    expect((await t.api('/sessions/authenticate', { body: { session_token: session } })).status).toBe(404);
  });
});

describe('allowed_auth_methods, as for magic links', () => {
  const restrict = (methods: string[]) =>
    t.api(`/organizations/${org}`, {
      method: 'PUT',
      body: { auth_methods: 'RESTRICTED', allowed_auth_methods: methods },
    });

  test('an organization without email_otp refuses send and authenticate on both APIs, for anyone alike', async () => {
    await sdkSend('ada@acme.test');
    const code = await latestOtpCode(t.server, 'ada@acme.test');
    await restrict(['magic_link', 'sso']);
    for (const email of ['ada@acme.test', 'eve@elsewhere.test']) {
      const sent = await sdkSend(email);
      expect(sent.status).toBe(403);
      expect(sent.body.error_type).toBe('unauthorized_action');
      const backend = await t.api('/otps/email/login_or_signup', {
        body: { organization_id: org, email_address: email },
      });
      expect(backend.body.error_type).toBe('unauthorized_action');
    }
    expect((await sdkAuthenticate('ada@acme.test', code)).body.error_type).toBe('unauthorized_action');
    // The refusal spent no attempt: allowed again, the code still works.
    await restrict(['email_otp']);
    expect((await sdkAuthenticate('ada@acme.test', code)).status).toBe(200);
  });

  test('an organization allowing only email_otp takes codes and refuses magic links', async () => {
    await restrict(['email_otp']);
    expect((await sdkSend('ada@acme.test')).status).toBe(200);
    const link = await t.api('/magic_links/email/login_or_signup', {
      body: { organization_id: org, email_address: 'ada@acme.test' },
    });
    expect(link.body.error_type).toBe('magic_link_not_allowed');
  });
});

describe('the backend API', () => {
  test('says what happened: member_created, refusals by name; authenticate takes explicit sessions and claims', async () => {
    const created = await t.api('/otps/email/login_or_signup', {
      body: { organization_id: 'acme', email_address: 'new@acme.test' },
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ member_created: true, member: { status: 'pending' }, organization: {} });
    expect(created.body.member_id).toBe(created.body.member.member_id);
    const again = await t.api('/otps/email/login_or_signup', {
      body: { organization_id: org, email_address: 'new@acme.test' },
    });
    expect(again.body.member_created).toBe(false);
    const stranger = await t.api('/otps/email/login_or_signup', {
      body: { organization_id: org, email_address: 'eve@elsewhere.test' },
    });
    expect(stranger.body.error_type).toBe('invalid_email_for_jit_provisioning');
    await deletedMember('del@elsewhere.test');
    const deleted = await t.api('/otps/email/login_or_signup', {
      body: { organization_id: org, email_address: 'del@elsewhere.test' },
    });
    expect(deleted.body.error_type).toBe('member_not_found');
    expect(
      await t.server.db.selectFrom('email_otps').select('email').where('email', 'like', '%elsewhere%').execute(),
    ).toEqual([]);

    const code = await latestOtpCode(t.server, 'new@acme.test');
    const body = { organization_id: org, email_address: 'new@acme.test', code, session_duration_minutes: 30 };
    // Another member's session is refused (never merged), and the code survives the refusal.
    expect((await t.api('/otps/email/authenticate', { body: { ...body, session_token: session } })).status).toBe(400);
    const ok = await t.api('/otps/email/authenticate', { body: { ...body, session_custom_claims: { team: 'blue' } } });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ member_authenticated: true, method_id: expect.stringMatching(/^member-email-/) });
    expect(ok.body.member_session.custom_claims).toEqual({ team: 'blue' });
  });
});
