import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createOAuthFixture, type OAuthFixture, redirected } from '../oauth/testing/oauth-flow.js';
import {
  samlSignIn,
  SDK_SSO_START,
  sdkSsoAuthenticate,
  setupSamlConnection,
  ssoTokenOf,
} from '../sso/saml/testing/saml-flow.js';
import { setPassword } from '../passwords/store.js';
import { discover, signUp } from '../testing/journey.js';
import {
  latestMagicLinkToken,
  latestOtpCode,
  latestSmsCode,
  type TestResponse,
  type TestServer,
} from '../testing/test-server.js';

// AUTH-02 / AUTH-15: every primary sign-in path passes the one MFA gate (mfa/gate.ts). On an
// organization with `mfa_policy: REQUIRED_FOR_ALL` each answers an IST with
// `member_authenticated: false` and writes no session row; on OPTIONAL each gives a session.

let f: OAuthFixture;
let t: TestServer;
beforeEach(async () => {
  f = await createOAuthFixture({ dev: true });
  t = f.t;
  f.fake.person = { ...f.fake.person, email: EMAIL };
  await f.configure('google');
});
afterEach(() => f.close());

const EMAIL = 'ada@other.example';
const PHONE = '+14155550123';
type Policy = 'REQUIRED_FOR_ALL' | 'OPTIONAL';
/** A prepared sign-in: the organization it enters and the one request that authenticates. */
interface Prepared {
  orgId: string;
  call: () => Promise<TestResponse>;
}

const setPolicy = (orgId: string, policy: Policy) =>
  t.server.db.updateTable('organizations').set({ mfa_policy: policy }).where('id', '=', orgId).execute();
const orgOf = async (slug: string) => (await signUp(t, EMAIL, slug)).organization.organization_id as string;
const payload = (res: TestResponse) => res.body.data ?? res.body;
const sessionRows = async () => (await t.server.db.selectFrom('sessions').select('id').execute()).length;

async function magicLink(api: boolean): Promise<Prepared> {
  const orgId = await orgOf('acme');
  await t.api('/magic_links/email/send', { body: { organization_id: orgId, email_address: EMAIL } });
  const body = { magic_links_token: (await latestMagicLinkToken(t.server, EMAIL)).token, session_duration_minutes: 60 };
  return {
    orgId,
    call: () => (api ? t.api('/magic_links/authenticate', { body }) : t.sdk('/b2b/magic_links/authenticate', { body })),
  };
}

async function emailOtp(api: boolean): Promise<Prepared> {
  const orgId = await orgOf('acme');
  await t.api('/otps/email/login_or_signup', { body: { organization_id: orgId, email_address: EMAIL } });
  const code = await latestOtpCode(t.server, EMAIL);
  const body = { organization_id: orgId, email_address: EMAIL, code, session_duration_minutes: 60 };
  return {
    orgId,
    call: () => (api ? t.api('/otps/email/authenticate', { body }) : t.sdk('/b2b/otps/email/authenticate', { body })),
  };
}

async function sso(api: boolean): Promise<Prepared> {
  const setup = await setupSamlConnection(t, { slug: 'sso-co' });
  const token = await ssoTokenOf(await samlSignIn(t, setup, 'ada@sso-co.test', {}, api ? undefined : SDK_SSO_START));
  const body = { sso_token: token, session_duration_minutes: 60 };
  return {
    orgId: setup.organizationId,
    call: () => (api ? t.api('/sso/authenticate', { body }) : sdkSsoAuthenticate(t, token)),
  };
}

async function oauth(): Promise<Prepared> {
  const orgId = await orgOf('acme');
  const token = redirected(await f.signIn('google', { slug: 'acme' })).get('token');
  return {
    orgId,
    call: () => t.api('/oauth/authenticate', { body: { oauth_token: token, session_duration_minutes: 60 } }),
  };
}

async function istExchange(api: boolean): Promise<Prepared> {
  const orgId = await orgOf('acme');
  const { ist } = await discover(t, EMAIL);
  const body = { intermediate_session_token: ist, organization_id: orgId, session_duration_minutes: 60 };
  const path = '/discovery/intermediate_sessions/exchange';
  return { orgId, call: () => (api ? t.api(path, { body }) : t.sdk(`/b2b${path}`, { body })) };
}

async function sessionExchange(api: boolean): Promise<Prepared> {
  const orgId = await orgOf('acme');
  const beta = await signUp(t, EMAIL, 'beta');
  const body = { organization_id: orgId, session_duration_minutes: 60 };
  return {
    orgId,
    call: () =>
      api
        ? t.api('/sessions/exchange', { body: { ...body, session_token: beta.session_token } })
        : t.sdk('/b2b/sessions/exchange', { session: beta.session_token, body }),
  };
}

const PASSWORD = 'violet-harbor-quantum-47';
async function withPassword(): Promise<string> {
  const orgId = await orgOf('acme');
  await setPassword(t.server.db, t.server.project.project_id, EMAIL, PASSWORD, t.clock.now());
  return orgId;
}

async function password(api: boolean): Promise<Prepared> {
  const orgId = await withPassword();
  const body = { organization_id: orgId, email_address: EMAIL, password: PASSWORD, session_duration_minutes: 60 };
  const path = '/passwords/authenticate';
  return { orgId, call: () => (api ? t.api(path, { body }) : t.sdk(`/b2b${path}`, { body })) };
}

async function passwordReset(api: boolean): Promise<Prepared> {
  const orgId = await withPassword();
  await t.api('/passwords/email/reset/start', { body: { organization_id: orgId, email_address: EMAIL } });
  const token = (await latestMagicLinkToken(t.server, EMAIL)).token;
  const body = { password_reset_token: token, password: 'amber-lantern-orbit-93', session_duration_minutes: 60 };
  const path = '/passwords/email/reset';
  return { orgId, call: () => (api ? t.api(path, { body }) : t.sdk(`/b2b${path}`, { body })) };
}

async function existingPasswordReset(): Promise<Prepared> {
  const orgId = await withPassword();
  const body = {
    organization_id: orgId,
    email_address: EMAIL,
    existing_password: PASSWORD,
    new_password: 'amber-lantern-orbit-93',
    session_duration_minutes: 60,
  };
  return { orgId, call: () => t.sdk('/b2b/passwords/existing_password/reset', { body }) };
}

const PATHS: [string, () => Promise<Prepared>][] = [
  ['SDK magic link', () => magicLink(false)],
  ['backend magic link', () => magicLink(true)],
  ['SDK email code', () => emailOtp(false)],
  ['backend email code', () => emailOtp(true)],
  ['SDK SSO (SAML)', () => sso(false)],
  ['backend SSO (SAML)', () => sso(true)],
  ['backend OAuth (Google)', oauth],
  ['SDK discovery exchange', () => istExchange(false)],
  ['backend discovery exchange', () => istExchange(true)],
  ['SDK session exchange', () => sessionExchange(false)],
  ['backend session exchange', () => sessionExchange(true)],
  ['SDK password', () => password(false)],
  ['backend password', () => password(true)],
  ['SDK password reset by email', () => passwordReset(false)],
  ['backend password reset by email', () => passwordReset(true)],
  ['SDK password reset by existing password', existingPasswordReset],
];

describe('the MFA gate on every primary path (AUTH-02, AUTH-15)', () => {
  test.each(PATHS)(
    '%s: REQUIRED_FOR_ALL answers an IST and writes no session; the IST is no session (SES-15)',
    async (_name, prepare) => {
      const { orgId, call } = await prepare();
      await setPolicy(orgId, 'REQUIRED_FOR_ALL');
      const before = await sessionRows();
      const res = await call();
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const data = payload(res);
      expect(data).toMatchObject({
        organization_id: orgId,
        member_session: null,
        session_token: '',
        session_jwt: '',
        member_authenticated: false,
        mfa_required: { member_options: null, secondary_auth_initiated: null },
        primary_required: null,
      });
      expect(data.intermediate_session_token).toMatch(/^[\w-]{40,}$/);
      expect(data.member.member_id).toBe(data.member_id);
      expect(data.organization.mfa_policy).toBe('REQUIRED_FOR_ALL');
      expect(await sessionRows()).toBe(before);
      const asSession = await t.sdk('/b2b/sessions/authenticate', {
        session: data.intermediate_session_token,
        body: {},
      });
      expect(asSession.status).toBeGreaterThanOrEqual(400);
      const ist = await t.server.db
        .selectFrom('intermediate_sessions')
        .selectAll()
        .where('member_id', '=', data.member_id)
        .executeTakeFirstOrThrow();
      expect(ist.organization_id).toBe(orgId);
    },
  );

  test.each(PATHS)('%s: OPTIONAL gives a session', async (_name, prepare) => {
    const { orgId, call } = await prepare();
    await setPolicy(orgId, 'OPTIONAL');
    const before = await sessionRows();
    const res = await call();
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(payload(res)).toMatchObject({ organization_id: orgId, member_authenticated: true, mfa_required: null });
    expect(await sessionRows()).toBe(before + 1);
  });

  test.each(PATHS)(
    '%s: a member whose method is SMS gets the code at once, secondary_auth_initiated sms_otp',
    async (_name, prepare) => {
      const { orgId, call } = await prepare();
      await setPolicy(orgId, 'REQUIRED_FOR_ALL');
      await t.server.db
        .updateTable('members')
        .set({ mfa_phone_number: PHONE, mfa_phone_number_verified: 1, default_mfa_method: 'sms_otp' })
        .where('organization_id', '=', orgId)
        .execute();
      await t.server.smsOutbox.clear();
      const res = await call();
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(payload(res)).toMatchObject({
        member_authenticated: false,
        mfa_required: {
          member_options: { mfa_phone_number: PHONE, totp_registration_id: '' },
          secondary_auth_initiated: 'sms_otp',
        },
      });
      const texts = await t.server.smsOutbox.list();
      expect(texts.map((m) => m.to)).toEqual([PHONE]);
      // The code sent answers the IST: the sign-in completes with it.
      const done = await t.sdk('/b2b/otps/sms/authenticate', {
        body: {
          organization_id: orgId,
          member_id: payload(res).member_id,
          code: await latestSmsCode(t.server, PHONE),
          intermediate_session_token: payload(res).intermediate_session_token,
        },
      });
      expect(done.status, JSON.stringify(done.body)).toBe(200);
      expect(done.body.data.member_authenticated).toBe(true);
    },
  );

  test('the texted code speaks the locale the authenticate request names', async () => {
    const orgId = await orgOf('acme');
    await setPolicy(orgId, 'REQUIRED_FOR_ALL');
    await t.server.db
      .updateTable('members')
      .set({ mfa_phone_number: PHONE, mfa_phone_number_verified: 1 })
      .where('organization_id', '=', orgId)
      .execute();
    await t.api('/otps/email/login_or_signup', { body: { organization_id: orgId, email_address: EMAIL } });
    const code = await latestOtpCode(t.server, EMAIL);
    const body = { organization_id: orgId, email_address: EMAIL, code, locale: 'de' };
    const res = await t.sdk('/b2b/otps/email/authenticate', { body });
    expect(res.body.data?.mfa_required?.secondary_auth_initiated, JSON.stringify(res.body)).toBe('sms_otp');
    const [text] = await t.server.smsOutbox.list();
    expect(text?.body).toMatch(/^[0-9]{6} ist Ihr Bestätigungscode für /);
  });

  test('discovery create with mfa_policy REQUIRED_FOR_ALL answers an IST for the creator, no session', async () => {
    const { ist } = await discover(t, EMAIL);
    const before = await sessionRows();
    const body = {
      intermediate_session_token: ist,
      organization_name: 'Mfa',
      organization_slug: 'mfa',
      mfa_policy: 'REQUIRED_FOR_ALL',
    };
    const res = await t.sdk('/b2b/discovery/organizations/create', { body });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data).toMatchObject({ member_authenticated: false, member_session: null, session_token: '' });
    expect(res.body.data.organization.mfa_policy).toBe('REQUIRED_FOR_ALL');
    expect(res.body.data.member.roles).toContain('stytch_admin');
    expect(await sessionRows()).toBe(before);
  });

  test('a primary authenticate carrying the member’s pending IST adds its factor to a new IST, spending the old', async () => {
    const { orgId, call } = await magicLink(false);
    await setPolicy(orgId, 'REQUIRED_FOR_ALL');
    const first = payload(await call()).intermediate_session_token;
    await t.api('/otps/email/login_or_signup', { body: { organization_id: orgId, email_address: EMAIL } });
    const code = await latestOtpCode(t.server, EMAIL);
    const body = { organization_id: orgId, email_address: EMAIL, code, intermediate_session_token: first };
    const second = payload(await t.sdk('/b2b/otps/email/authenticate', { body }));
    expect(second.member_authenticated).toBe(false);
    const rows = await t.server.db
      .selectFrom('intermediate_sessions')
      .selectAll()
      .where('member_id', '=', second.member_id)
      .execute();
    const summary = rows.map((r) => ({
      spent: r.used_at !== null,
      factors: JSON.parse(r.factors).map((f: { type: string }) => f.type),
    }));
    expect(summary).toHaveLength(2);
    expect(summary).toEqual(
      expect.arrayContaining([
        { spent: true, factors: ['magic_link'] },
        { spent: false, factors: ['magic_link', 'otp'] },
      ]),
    );
  });
});
