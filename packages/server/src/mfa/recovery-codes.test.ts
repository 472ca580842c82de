import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createTestServer, type TestServer } from '../testing/test-server.js';
import { createMfaOrg, type MfaOrg } from './testing.js';

// Recovery codes: ten per member, single-use, rotatable; at rest a keyed digest plus a sealed copy,
// never the code itself (AUTH-07).

let t: TestServer;
let org: MfaOrg;
beforeEach(async () => {
  t = await createTestServer({ dev: true });
  org = await createMfaOrg(t);
});
afterEach(() => t.close());

const recover = (ist: string, code: string) =>
  t.sdk('/b2b/recovery_codes/recover', {
    body: { ...org.ids(), intermediate_session_token: ist, recovery_code: code, session_duration_minutes: 60 },
  });

describe('recovery codes', () => {
  test('a code completes the sign-in once; the next use is refused; the count goes down', async () => {
    const { codes } = await org.enrol();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$/);
    const first = (await org.primarySignIn()).intermediate_session_token;
    const used = await recover(first, ` ${codes[0]?.toUpperCase()} `);
    expect(used.status, JSON.stringify(used.body)).toBe(200);
    expect(used.body.data).toMatchObject({ member_authenticated: true, recovery_codes_remaining: 9 });
    const factors = used.body.data.member_session.authentication_factors;
    expect(factors.map((f: { type: string }) => f.type)).toEqual(['magic_link', 'recovery_code']);
    const again = await recover((await org.primarySignIn()).intermediate_session_token, codes[0] ?? '');
    expect([again.status, again.body.error_type]).toEqual([404, 'recovery_code_not_found']);
  });

  test('get serves the unused codes to the member’s session; rotate replaces all of them', async () => {
    const { codes, done } = await org.enrol();
    await recover((await org.primarySignIn()).intermediate_session_token, codes[3] ?? '');
    const got = await t.sdk('/b2b/recovery_codes', { method: 'GET', session: done.session_token });
    expect(got.status, JSON.stringify(got.body)).toBe(200);
    expect([...got.body.data.recovery_codes].sort()).toEqual(codes.filter((_, i) => i !== 3).sort());
    const rotated = await t.sdk('/b2b/recovery_codes/rotate', { session: done.session_token, body: {} });
    const fresh: string[] = rotated.body.data.recovery_codes;
    expect(fresh).toHaveLength(10);
    expect(fresh.some((c) => codes.includes(c))).toBe(false);
    const old = await recover((await org.primarySignIn()).intermediate_session_token, codes[0] ?? '');
    expect(old.body.error_type).toBe('recovery_code_not_found');
    const ok = await recover((await org.primarySignIn()).intermediate_session_token, fresh[0] ?? '');
    expect(ok.body.data.recovery_codes_remaining).toBe(9);
    expect((await t.sdk('/b2b/recovery_codes', { method: 'GET' })).body.error_type).toBe('session_not_found');
  });

  test('no column holds an issued code or the TOTP secret (AUTH-07)', async () => {
    const { codes, secret } = await org.enrol();
    const rows = [
      ...(await t.server.db.selectFrom('member_recovery_codes').selectAll().execute()),
      ...(await t.server.db.selectFrom('member_totps').selectAll().execute()),
    ];
    expect(rows.length).toBe(11);
    for (const row of rows)
      for (const value of Object.values(row)) {
        const text = String(value).toLowerCase();
        for (const code of codes) expect(text).not.toContain(code);
        expect(text).not.toContain(secret.toLowerCase());
      }
  });

  test('backend: get by ids, rotate by ids, recover with the IST (stytch Node SDK paths)', async () => {
    const { codes } = await org.enrol();
    const got = await t.api(`/recovery_codes/${org.orgId}/${org.memberId}`, { method: 'GET' });
    expect([...got.body.recovery_codes].sort()).toEqual([...codes].sort());
    const ist = (await org.primarySignIn()).intermediate_session_token;
    const res = await t.api('/recovery_codes/recover', {
      body: { ...org.ids(), intermediate_session_token: ist, recovery_code: codes[1] },
    });
    expect(res.body).toMatchObject({ member_authenticated: true, recovery_codes_remaining: 9 });
    const rotated = await t.api('/recovery_codes/rotate', { body: org.ids() });
    expect(rotated.body.recovery_codes).toHaveLength(10);
    const none = await t.api('/recovery_codes/recover', {
      body: { ...org.ids(), recovery_code: rotated.body.recovery_codes[0] },
    });
    expect([none.status, none.body.error_type]).toEqual([400, 'bad_request']);
  });
});
