import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createTestServer, type TestServer } from '../testing/test-server.js';
import { createMfaOrg, type MfaOrg } from './testing.js';
import { totpCode } from './totp.js';

// Backend `totps.migrate` (docs/wire-protocol.md §5.2): an existing TOTP secret and recovery codes
// imported, stored as created ones are (sealed secret, keyed digests: AUTH-07), then usable at once.

let t: TestServer;
let org: MfaOrg;
beforeEach(async () => {
  t = await createTestServer({ dev: true });
  org = await createMfaOrg(t);
});
afterEach(() => t.close());

// RFC 6238's SHA-1 test key ("12345678901234567890"), shown in groups as apps often print it.
const SECRET = 'GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ';
const NORMALIZED = SECRET.replaceAll(' ', '');
const migrate = (body: Record<string, unknown>) => t.api('/totp/migrate', { body: { ...org.ids(), ...body } });

describe('POST /v1/b2b/totp/migrate', () => {
  test('imports the secret and codes: the next sign-in asks for the app code, each code works once', async () => {
    const codes = ['ABCD-EFGH-1234', 'wxyz-0000-9876', 'legacy code 3'];
    const res = await migrate({ secret: SECRET.toLowerCase(), recovery_codes: codes });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const id = res.body.totp_registration_id;
    expect(id).toMatch(/^member-totp-test-/);
    expect(res.body).toMatchObject({ member_id: org.memberId, recovery_codes: codes });
    expect(res.body.member).toMatchObject({ totp_registration_id: id, mfa_enrolled: false });
    expect(res.body.organization.organization_id).toBe(org.orgId);
    expect(res.body).not.toHaveProperty('secret');

    // At rest: the secret sealed, the codes as digests and sealed copies; none in clear.
    const rows = JSON.stringify([
      await t.server.db.selectFrom('member_totps').selectAll().execute(),
      await t.server.db.selectFrom('member_recovery_codes').selectAll().execute(),
    ]);
    for (const clear of [NORMALIZED, ...codes]) expect(rows).not.toContain(clear);

    const stopped = await org.primarySignIn();
    expect(stopped.mfa_required.member_options.totp_registration_id).toBe(id);
    const done = await t.sdk('/b2b/totp/authenticate', {
      body: {
        ...org.ids(),
        intermediate_session_token: stopped.intermediate_session_token,
        code: totpCode(NORMALIZED, t.clock.now()),
      },
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.data.member_authenticated).toBe(true);

    const recover = async (code: string) =>
      t.sdk('/b2b/recovery_codes/recover', {
        body: {
          ...org.ids(),
          intermediate_session_token: (await org.primarySignIn()).intermediate_session_token,
          recovery_code: code,
        },
      });
    const first = await recover(' abcd-efgh-1234 ');
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.data.recovery_codes_remaining).toBe(2);
    expect((await recover('ABCD-EFGH-1234')).body.error_type).toBe('recovery_code_not_found');
    const left = await t.api(`/recovery_codes/${org.orgId}/${org.memberId}`);
    expect([...left.body.recovery_codes].sort()).toEqual(codes.slice(1).sort());

    const again = await migrate({ secret: NORMALIZED, recovery_codes: [] });
    expect([again.status, again.body.error_type]).toEqual([400, 'active_totp_exists']);
  });

  test('without recovery codes, ten are minted; an unverified registration is replaced', async () => {
    const pending = await t.sdk('/b2b/totp', {
      body: { ...org.ids(), intermediate_session_token: (await org.primarySignIn()).intermediate_session_token },
    });
    expect(pending.status).toBe(200);
    const res = await migrate({ secret: `${NORMALIZED}==` });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.recovery_codes).toHaveLength(10);
    expect(res.body.totp_registration_id).not.toBe(pending.body.data.totp_registration_id);
    const registrations = await t.server.db.selectFrom('member_totps').select(['id', 'verified']).execute();
    expect(registrations).toEqual([{ id: res.body.totp_registration_id, verified: 1 }]);
    const codes = await t.api(`/recovery_codes/${org.orgId}/${org.memberId}`);
    expect([...codes.body.recovery_codes].sort()).toEqual([...res.body.recovery_codes].sort());
  });

  test('a secret that is not base32, too short or missing, and bad codes, are a 400 that stores nothing', async () => {
    for (const [body, words] of [
      [{ secret: 'not base32 at all!' }, 'base32'],
      [{ secret: 'GEZDGNBVGY3TQOJ1' }, 'base32'], // 1 is not in the alphabet
      [{ secret: 'GEZDGNBVGY3TQOJ' }, '80 to 512 bits'], // 75 bits
      [{ secret: 'A'.repeat(120) }, '80 to 512 bits'],
      [{}, 'secret is required'],
      [{ secret: 42 }, 'secret must be a string'],
      [{ secret: NORMALIZED, recovery_codes: 'abc' }, 'recovery_codes'],
      [{ secret: NORMALIZED, recovery_codes: ['a-b', ' A-B'] }, 'repeat'],
      [{ secret: NORMALIZED, recovery_codes: [''] }, 'non-empty'],
      [{ secret: NORMALIZED, recovery_codes: Array.from({ length: 33 }, (_, i) => `code-${i}`) }, 'at most 32'],
    ] as const) {
      const res = await migrate(body);
      expect([res.status, res.body.error_type], JSON.stringify(body)).toEqual([400, 'bad_request']);
      expect(res.body.error_message).toContain(words);
    }
    expect(await t.server.db.selectFrom('member_totps').selectAll().execute()).toEqual([]);
    expect(await t.server.db.selectFrom('member_recovery_codes').selectAll().execute()).toEqual([]);
  });

  test('an organization without TOTP, and an unknown member, are refused', async () => {
    await t.api(`/organizations/${org.orgId}`, {
      method: 'PUT',
      body: { mfa_methods: 'RESTRICTED', allowed_mfa_methods: ['sms_otp'] },
    });
    const refused = await migrate({ secret: NORMALIZED });
    expect([refused.status, refused.body.error_type]).toEqual([403, 'mfa_method_not_allowed']);
    const unknown = await migrate({
      secret: NORMALIZED,
      member_id: 'member-test-00000000-0000-4000-8000-000000000000',
    });
    expect([unknown.status, unknown.body.error_type]).toEqual([404, 'member_not_found']);
  });
});
