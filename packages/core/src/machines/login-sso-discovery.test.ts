import { describe, expect, it } from 'vitest';
import type { SsoConnectionSummary } from '../protocol/sso-types.js';
import {
  fixtureAuthenticateResponse,
  fixtureDiscoveredOrganization,
  fixtureDiscoveryResponse,
  fixtureOrganization,
} from '../testing/fixtures.js';
import type { ScriptedReply } from '../testing/scripted-transport.js';
import { createTestClient } from '../testing/test-client.js';
import type { CreateLoginOptions } from './login-types.js';

const DISCOVER = 'GET /b2b/sso/discovery/connections';
const AUTH = 'POST /b2b/sso/discovery/authenticate';
const EXCHANGE = 'POST /b2b/discovery/intermediate_sessions/exchange';
const PKCE_KEY = 'stytch_sdk_state_public-token-test-00000000-0000-4000-8000-000000000000::PKCE_VERIFIER:sso';
const LINK = 'http://localhost:3000/?stytch_token_type=discovery_sso&token=dsso-tok';
const okta: SsoConnectionSummary = {
  connection_id: 'saml-connection-test-1',
  display_name: 'Okta',
  identity_provider: 'okta',
};
const acme = fixtureOrganization({ organization_id: 'organization-test-acme', organization_slug: 'acme' });
const other = fixtureOrganization({ organization_id: 'organization-test-other', organization_slug: 'other' });
const answer = fixtureDiscoveryResponse({
  discovered_organizations: [
    fixtureDiscoveredOrganization({ organization: acme, member_authenticated: true }),
    fixtureDiscoveredOrganization({ organization: other, primary_required: { allowed_auth_methods: ['magic_link'] } }),
  ],
});

function setup(replies: Record<string, ScriptedReply>, href?: string, options?: CreateLoginOptions) {
  const test = createTestClient({ replies, ...(href ? { href } : {}) });
  test.platform.storageMap.set(PKCE_KEY, JSON.stringify({ code_challenge: 'c', code_verifier: 'v'.repeat(64) }));
  return { ...test, login: test.client.createLogin(options) };
}

describe('login machine: SSO from discovery', () => {
  it('Continue with SSO on the discovery page starts SSO in discovery mode', async () => {
    const { login, platform } = setup({ [DISCOVER]: { request_id: 'r', status_code: 200, connections: [okta] } });
    login.openSsoEmail();
    await login.submitSsoEmail('ada@acme.test');
    expect(login.getState()).toMatchObject({ step: 'sso-redirecting', connectionId: okta.connection_id });
    expect(new URL(platform.navigations[0]!).pathname).toBe('/v1/public/sso/discovery/start');
  });

  it('the discovery_sso token leads to the chooser of every organization found', async () => {
    const { login, transport } = setup({ [AUTH]: answer }, LINK);
    await login.start();
    expect(transport.requests[0]!.path).toBe('/b2b/sso/discovery/authenticate');
    expect(login.getState()).toMatchObject({
      step: 'choose-organization',
      email: 'ada@acme.test',
      organizations: answer.discovered_organizations,
    });
  });

  it('directLoginForSingleMembership enters the one organization at once', async () => {
    const single = fixtureDiscoveryResponse({
      discovered_organizations: [fixtureDiscoveredOrganization({ organization: acme, member_authenticated: true })],
    });
    const { login, transport } = setup({ [AUTH]: single, [EXCHANGE]: fixtureAuthenticateResponse() }, LINK, {
      directLoginForSingleMembership: { status: true, ignoreInvites: false, ignoreJitProvisioning: false },
    });
    await login.start();
    expect(login.getState().step).toBe('signed-in');
    expect(transport.requests[1]!.body).toMatchObject({ organization_id: 'organization-test-acme' });
  });
});
