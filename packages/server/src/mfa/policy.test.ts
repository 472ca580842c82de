import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createTestServer, type TestServer } from '../testing/test-server.js';
import { createMfaOrg } from './testing.js';

// The MFA policy as organizations and members hold it (AUTH-15): REQUIRED_FOR_ALL is a policy like
// any other, allowed_mfa_methods names only real methods, and an enrolled member is asked anyway.

let t: TestServer;
beforeEach(async () => {
  t = await createTestServer({ dev: true });
});
afterEach(() => t.close());

describe('MFA policy', () => {
  test('create and update accept REQUIRED_FOR_ALL and allowed_mfa_methods ⊂ {sms_otp, totp}', async () => {
    const created = await t.api('/organizations', {
      body: {
        organization_name: 'M',
        organization_slug: 'mfa-org',
        mfa_policy: 'REQUIRED_FOR_ALL',
        allowed_mfa_methods: ['totp'],
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    expect(created.body.organization).toMatchObject({ mfa_policy: 'REQUIRED_FOR_ALL', allowed_mfa_methods: ['totp'] });
    const id = created.body.organization.organization_id;
    const bad = await t.api(`/organizations/${id}`, { method: 'PUT', body: { allowed_mfa_methods: ['email'] } });
    expect([bad.status, bad.body.error_type]).toEqual([400, 'bad_request']);
    const policy = await t.api(`/organizations/${id}`, { method: 'PUT', body: { mfa_policy: 'ALWAYS' } });
    expect([policy.status, policy.body.error_type]).toEqual([400, 'bad_request']);
    const updated = await t.api(`/organizations/${id}`, { method: 'PUT', body: { mfa_policy: 'OPTIONAL' } });
    expect(updated.body.organization.mfa_policy).toBe('OPTIONAL');
  });

  test('a member with mfa_enrolled is asked for a second factor on an OPTIONAL organization; others are not', async () => {
    const org = await createMfaOrg(t);
    await t.api(`/organizations/${org.orgId}`, { method: 'PUT', body: { mfa_policy: 'OPTIONAL' } });
    const member = await t.api(`/organizations/${org.orgId}/members/${org.memberId}`, {
      method: 'PUT',
      body: { mfa_enrolled: true },
    });
    expect(member.body.member.mfa_enrolled).toBe(true);
    const pending = await org.primarySignIn();
    expect(pending).toMatchObject({ member_authenticated: false, member_session: null, session_token: '' });
    await t.api(`/organizations/${org.orgId}/members/${org.memberId}`, {
      method: 'PUT',
      body: { mfa_enrolled: false },
    });
    await expect(org.primarySignIn()).rejects.toThrow(/not stopped/);
  });

  test('mfa_methods: ALL_ALLOWED allows every method whatever allowed_mfa_methods lists; RESTRICTED only those, breakglass aside', async () => {
    const org = await createMfaOrg(t);
    const put = (body: Record<string, unknown>) => t.api(`/organizations/${org.orgId}`, { method: 'PUT', body });
    const totpCreate = () => t.api('/totp', { body: org.ids() });
    await put({ mfa_methods: 'ALL_ALLOWED', allowed_mfa_methods: ['sms_otp'] });
    expect((await totpCreate()).status).toBe(200);
    await put({ mfa_methods: 'RESTRICTED', allowed_mfa_methods: ['sms_otp'] });
    const refused = await totpCreate();
    expect([refused.status, refused.body.error_type]).toEqual([403, 'mfa_method_not_allowed']);
    // The restriction does not apply to a breakglass member (the `stytch` package's organizations.d.ts).
    await t.api(`/organizations/${org.orgId}/members/${org.memberId}`, {
      method: 'PUT',
      body: { is_breakglass: true },
    });
    expect((await totpCreate()).status).toBe(200);
  });

  test('member_options offers only the factors the organization allows', async () => {
    const org = await createMfaOrg(t);
    await org.enrol();
    await t.server.db
      .updateTable('members')
      .set({ mfa_phone_number: '+14155550177', mfa_phone_number_verified: 1, default_mfa_method: 'totp' })
      .where('id', '=', org.memberId)
      .execute();
    const put = (methods: string[]) =>
      t.api(`/organizations/${org.orgId}`, {
        method: 'PUT',
        body: { mfa_methods: 'RESTRICTED', allowed_mfa_methods: methods },
      });
    await put(['totp']);
    const totpOnly = (await org.primarySignIn()).mfa_required;
    expect(totpOnly.member_options).toEqual({ mfa_phone_number: '', totp_registration_id: expect.any(String) });
    expect(totpOnly.member_options.totp_registration_id).not.toBe('');
    expect(totpOnly.secondary_auth_initiated).toBeNull();
    // SMS only: the TOTP the member prefers cannot answer, so the code is texted at once.
    await put(['sms_otp']);
    expect((await org.primarySignIn()).mfa_required).toEqual({
      member_options: { mfa_phone_number: '+14155550177', totp_registration_id: '' },
      secondary_auth_initiated: 'sms_otp',
    });
    // Both: the member's default (TOTP) is asked for; nothing is texted.
    await put(['sms_otp', 'totp']);
    expect((await org.primarySignIn()).mfa_required.secondary_auth_initiated).toBeNull();
    expect((await t.server.smsOutbox.list()).map((m) => m.to)).toEqual(['+14155550177']);
  });
});
