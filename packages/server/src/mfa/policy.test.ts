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
});
