import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { discover, signUp } from '../testing/journey.js';
import { createTestServer, type TestServer } from '../testing/test-server.js';

// Discovery lists, per organization, the second factor entering it would owe (Stytch's
// DiscoveredOrganization `mfa_required`, by the gate's rule: mfa/policy.ts), and never texts a code
// while listing (AUTH-15: the listing is no sign-in; the exchange into the organization is).

let t: TestServer;
beforeEach(async () => {
  t = await createTestServer({ dev: true });
});
afterEach(async () => {
  await t.close();
});

const EMAIL = 'ada@acme.test';
const PHONE = '+14155550142';

type Listed = { organization: { organization_slug: string }; member_authenticated: boolean; mfa_required: unknown };
const bySlug = (list: Listed[]) => Object.fromEntries(list.map((o) => [o.organization.organization_slug, o]));

async function setUp() {
  const orgs: Record<string, { orgId: string; memberId: string }> = {};
  for (const slug of ['plain', 'strict', 'enrolled']) {
    const data = await signUp(t, EMAIL, slug);
    orgs[slug] = { orgId: data.organization_id, memberId: data.member_id };
  }
  const put = (slug: string, body: Record<string, unknown>) =>
    t.api(`/organizations/${orgs[slug]?.orgId}`, { method: 'PUT', body });
  await put('strict', { mfa_policy: 'REQUIRED_FOR_ALL' });
  // An OPTIONAL organization whose member enrolled: a verified phone, and TOTP left out by RESTRICTED.
  await put('enrolled', { mfa_methods: 'RESTRICTED', allowed_mfa_methods: ['sms_otp'] });
  await t.server.db
    .updateTable('members')
    .set({
      mfa_enrolled: 1,
      mfa_phone_number: PHONE,
      mfa_phone_number_verified: 1,
      totp_registration_id: 'member-totp-test-listed',
    })
    .where('id', '=', orgs.enrolled?.memberId ?? '')
    .execute();
  // One the email may join by its domain, requiring MFA of everyone.
  const joinable = await t.api('/organizations', {
    body: {
      organization_name: 'Joinable',
      organization_slug: 'joinable',
      email_allowed_domains: ['acme.test'],
      email_jit_provisioning: 'RESTRICTED',
      mfa_policy: 'REQUIRED_FOR_ALL',
    },
  });
  expect(joinable.status, JSON.stringify(joinable.body)).toBe(200);
  await t.server.smsOutbox.clear();
  return orgs;
}

describe('discovery listings carry each organization’s mfa_required', () => {
  test('authenticate and organizations list: null where none is owed, the member’s options elsewhere', async () => {
    await setUp();
    const { ist, data } = await discover(t, EMAIL);
    const listed = await t.sdk('/b2b/discovery/organizations', { body: { intermediate_session_token: ist } });
    expect(listed.status, JSON.stringify(listed.body)).toBe(200);
    for (const list of [data.discovered_organizations, listed.body.data.discovered_organizations]) {
      const orgs = bySlug(list);
      expect(Object.keys(orgs).sort()).toEqual(['enrolled', 'joinable', 'plain', 'strict']);
      expect(orgs.plain).toMatchObject({ member_authenticated: true, mfa_required: null });
      expect(orgs.strict).toMatchObject({
        member_authenticated: false,
        mfa_required: { member_options: null, secondary_auth_initiated: null },
      });
      expect(orgs.enrolled).toMatchObject({
        member_authenticated: false,
        mfa_required: {
          member_options: { mfa_phone_number: PHONE, totp_registration_id: '' },
          secondary_auth_initiated: null,
        },
      });
      expect(orgs.joinable).toMatchObject({
        membership: { type: 'eligible_to_join_by_email_domain' },
        member_authenticated: false,
        mfa_required: { member_options: null, secondary_auth_initiated: null },
      });
    }
    // Listing texts nothing, though SMS is the enrolled member's method.
    expect(await t.server.smsOutbox.list()).toEqual([]);
  });

  test('the backend list answers the same', async () => {
    await setUp();
    const { ist } = await discover(t, EMAIL);
    const res = await t.api('/discovery/organizations', { body: { intermediate_session_token: ist } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const orgs = bySlug(res.body.discovered_organizations);
    expect(orgs.plain?.mfa_required).toBeNull();
    expect(orgs.strict?.mfa_required).toEqual({ member_options: null, secondary_auth_initiated: null });
    expect(orgs.enrolled?.member_authenticated).toBe(false);
  });
});
