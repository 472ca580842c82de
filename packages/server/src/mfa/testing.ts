import { signUp } from '../testing/journey.js';
import { latestMagicLinkToken, type TestResponse, type TestServer } from '../testing/test-server.js';

/** A wire answer's data, as the tests read it. */
type Data = TestResponse['body'];
import { totpCode } from './totp.js';

/** An organization requiring MFA with one member, and the steps of its sign-in (tests only). */
export interface MfaOrg {
  orgId: string;
  memberId: string;
  email: string;
  /** `organization_id` and `member_id`, as factor calls send them. */
  ids(): { organization_id: string; member_id: string };
  /** A magic-link sign-in stopped at the gate: its SDK answer (IST, `mfa_required`). */
  primarySignIn(): Promise<Data>;
  /** Signs in and enrols a TOTP with its first code; the secret and recovery codes shown once. */
  enrol(): Promise<{ secret: string; codes: string[]; created: Data; done: Data }>;
}

/** Signs `email` up into a new organization `slug` and sets its `mfa_policy` to REQUIRED_FOR_ALL. */
export async function createMfaOrg(t: TestServer, email = 'ada@acme.test', slug = 'acme'): Promise<MfaOrg> {
  const data = await signUp(t, email, slug);
  const orgId: string = data.organization.organization_id;
  const memberId: string = data.member_id;
  await t.api(`/organizations/${orgId}`, { method: 'PUT', body: { mfa_policy: 'REQUIRED_FOR_ALL' } });
  const ids = () => ({ organization_id: orgId, member_id: memberId });
  const primarySignIn = async () => {
    await t.api('/magic_links/email/send', { body: { organization_id: orgId, email_address: email } });
    const token = (await latestMagicLinkToken(t.server, email)).token;
    const res = await t.sdk('/b2b/magic_links/authenticate', { body: { magic_links_token: token } });
    if (res.body.data?.member_authenticated !== false) throw new Error(`not stopped: ${JSON.stringify(res.body)}`);
    return res.body.data;
  };
  const enrol = async () => {
    const ist = (await primarySignIn()).intermediate_session_token;
    const created = await t.sdk('/b2b/totp', { body: { ...ids(), intermediate_session_token: ist } });
    if (created.status !== 200) throw new Error(`totp create: ${JSON.stringify(created.body)}`);
    const { secret, recovery_codes: codes } = created.body.data;
    const done = await t.sdk('/b2b/totp/authenticate', {
      body: {
        ...ids(),
        intermediate_session_token: ist,
        code: totpCode(secret, t.clock.now()),
        session_duration_minutes: 60,
        set_mfa_enrollment: 'enroll',
        set_default_mfa: true,
      },
    });
    if (done.status !== 200) throw new Error(`totp authenticate: ${JSON.stringify(done.body)}`);
    return { secret, codes, created: created.body.data, done: done.body.data };
  };
  return { orgId, memberId, email, ids, primarySignIn, enrol };
}
