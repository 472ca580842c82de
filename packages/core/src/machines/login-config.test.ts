import { describe, expect, it } from 'vitest';
import type { MembershipType } from '../protocol/types.js';
import {
  fixtureAuthenticateResponse,
  fixtureDiscoveredOrganization,
  fixtureDiscoveryResponse,
  fixtureOrganization,
} from '../testing/fixtures.js';
import { fixtureErrorEnvelope, type ScriptedReply } from '../testing/scripted-transport.js';
import { createTestClient } from '../testing/test-client.js';
import { directLoginOrganization } from './login-config.js';
import type { CreateLoginOptions } from './login-types.js';

const org = (id: string, type: MembershipType) =>
  fixtureDiscoveredOrganization({
    organization: fixtureOrganization({ organization_id: id, organization_name: id }),
    membership: { type, details: null, member: null },
  });
const DISCOVERY_LINK = 'http://localhost:3000/?stytch_token_type=discovery&token=d';
const EXCHANGE = 'POST /b2b/discovery/intermediate_sessions/exchange';
const CREATE = 'POST /b2b/discovery/organizations/create';

function setup(replies: Record<string, ScriptedReply>, options: CreateLoginOptions, href?: string) {
  const test = createTestClient({ replies, ...(href ? { href } : {}) });
  return { ...test, login: test.client.createLogin(options) };
}

describe('directLoginOrganization', () => {
  const on = { status: true, ignoreInvites: false, ignoreJitProvisioning: false };
  it('enters the only active membership when nothing else counts', () => {
    const one = [org('a', 'active_member')];
    expect(directLoginOrganization(one, on)).toBe(one[0]);
    expect(directLoginOrganization(one, { ...on, status: false })).toBeNull();
    expect(directLoginOrganization(one, undefined)).toBeNull();
    expect(directLoginOrganization([...one, org('b', 'active_member')], on)).toBeNull();
    expect(directLoginOrganization([org('p', 'pending_member')], on)).toBeNull();
  });

  it('counts invites and organizations open by email domain unless told to ignore them', () => {
    const invited = [org('a', 'active_member'), org('i', 'invited_member')];
    const jit = [org('a', 'active_member'), org('j', 'eligible_to_join_by_email_domain')];
    expect(directLoginOrganization(invited, on)).toBeNull();
    expect(directLoginOrganization(invited, { ...on, ignoreInvites: true })?.organization.organization_id).toBe('a');
    expect(directLoginOrganization(jit, on)).toBeNull();
    expect(directLoginOrganization(jit, { ...on, ignoreJitProvisioning: true })?.organization.organization_id).toBe(
      'a',
    );
    expect(directLoginOrganization(jit, { ...on, ignoreInvites: true })).toBeNull();
  });
});

describe('login configuration', () => {
  it('signs an invitee in from the link, with the configured session length, the organization named', async () => {
    const acme = fixtureOrganization({ organization_name: 'Acme' });
    const { login, transport, platform } = setup(
      { 'POST /b2b/magic_links/authenticate': fixtureAuthenticateResponse({ organization: acme }) },
      { sessionOptions: { sessionDurationMinutes: 600 } },
      'http://localhost:3000/?stytch_token_type=multi_tenant_magic_links&token=invite-1',
    );
    await login.start();
    expect(login.getState()).toMatchObject({ step: 'signed-in', organization: { organization_name: 'Acme' } });
    expect(transport.requests[0]!.body).toEqual({ magic_links_token: 'invite-1', session_duration_minutes: 600 });
    expect(platform.location.href()).toBe('http://localhost:3000/');
  });

  it('a used or expired invite is an error step whose "start over" leads to email sign-in', async () => {
    const { login } = setup(
      { 'POST /b2b/magic_links/authenticate': fixtureErrorEnvelope('magic_link_not_found', 404) },
      {},
      'http://localhost:3000/?stytch_token_type=multi_tenant_magic_links&token=used',
    );
    await login.start();
    expect(login.getState()).toMatchObject({ step: 'error', error: { errorType: 'magic_link_not_found' } });
    await login.reset();
    expect(login.getState()).toMatchObject({ step: 'email', email: '' });
  });

  it('directLoginForSingleMembership enters the one organization without the chooser', async () => {
    const { login, transport } = setup(
      {
        'POST /b2b/magic_links/discovery/authenticate': fixtureDiscoveryResponse({
          discovered_organizations: [org('organization-test-one', 'active_member')],
        }),
        [EXCHANGE]: fixtureAuthenticateResponse(),
      },
      {
        directLoginForSingleMembership: { status: true, ignoreInvites: false, ignoreJitProvisioning: false },
        sessionOptions: { sessionDurationMinutes: 30 },
      },
      DISCOVERY_LINK,
    );
    await login.start();
    expect(login.getState().step).toBe('signed-in');
    expect(transport.requests[1]!.body).toMatchObject({
      organization_id: 'organization-test-one',
      session_duration_minutes: 30,
    });
  });

  it('directCreateOrganizationForNoMembership creates one named after the domain; disableCreateOrganization refuses', async () => {
    const none = {
      'POST /b2b/magic_links/discovery/authenticate': fixtureDiscoveryResponse({ discovered_organizations: [] }),
    };
    const direct = setup(
      { ...none, [CREATE]: fixtureAuthenticateResponse() },
      { directCreateOrganizationForNoMembership: true },
      DISCOVERY_LINK,
    );
    await direct.login.start();
    expect(direct.login.getState().step).toBe('signed-in');
    expect(direct.transport.requests[1]!.body).toMatchObject({
      organization_name: 'acme.test',
      organization_slug: 'acme.test',
    });

    const disabled = setup(
      none,
      { directCreateOrganizationForNoMembership: true, disableCreateOrganization: true },
      DISCOVERY_LINK,
    );
    await disabled.login.start();
    disabled.login.startCreate();
    expect(disabled.login.getState()).toMatchObject({ step: 'choose-organization', organizations: [] });
    expect(disabled.transport.requests).toHaveLength(1);
    expect(disabled.login.config.disableCreateOrganization).toBe(true);
  });

  it('authFlowType decides the flow; products decide what is offered', async () => {
    const discovery = setup({}, { organizationSlug: 'acme', authFlowType: 'Discovery' });
    await discovery.login.start();
    expect(discovery.login.getState()).toMatchObject({ step: 'email', flow: null });
    expect(discovery.transport.requests).toEqual([]);
    expect(discovery.login.config).toMatchObject({ authFlowType: 'Discovery', products: ['emailMagicLinks', 'sso'] });

    const nameless = setup({}, { authFlowType: 'Organization', products: ['emailOtp'] });
    await nameless.login.start();
    expect(nameless.login.getState()).toMatchObject({
      step: 'organization-login',
      error: { errorType: 'organization_not_found' },
    });
    expect(nameless.transport.requests).toEqual([]);
    nameless.login.openSsoEmail();
    expect(nameless.login.getState().step).toBe('organization-login');
  });
});
