import { OrgAuthError } from '@orgauth/core';
import type { SsoConnectionSummary } from '@orgauth/core/protocol';
import { fixtureAuthenticateResponse, fixtureErrorEnvelope, fixtureOrganization } from '@orgauth/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import '../../define.js';
import { OrgAuthErrorEvent } from '../../events/error.js';
import { recordOrgAuthEvents, typesOf } from '../../events/orgauth-event.fixtures.js';
import { button, find, mount, settle, type, untilStep } from '../../internal/test-helpers.js';
import { OrgAuthLogin } from './login.js';
import {
  CREATE,
  DISCOVERY_AUTHENTICATE,
  EXCHANGE,
  REDIRECT_HREF,
  REVOKE,
  SEND,
  discoveryReply,
  loginWith,
  testClient,
} from './login.fixtures.js';

afterEach(() => document.body.replaceChildren());

const OK = { request_id: 'r', status_code: 200 };
const SEARCH = 'POST /b2b/organizations/search';
const DISCOVER = 'GET /b2b/sso/discovery/connections';
const SEND_CODE = 'POST /b2b/otps/email/discovery/send';
const AUTHENTICATE_CODE = 'POST /b2b/otps/email/discovery/authenticate';
const okta: SsoConnectionSummary = {
  connection_id: 'saml-connection-test-1',
  display_name: 'Okta',
  identity_provider: 'okta',
};
const entra: SsoConnectionSummary = {
  connection_id: 'oidc-connection-test-2',
  display_name: 'Entra ID',
  identity_provider: 'microsoft-entra',
};

async function submit(el: OrgAuthLogin, email: string): Promise<void> {
  find<HTMLInputElement>(el, 'input[name="email"]').value = email;
  find<HTMLFormElement>(el, 'form').requestSubmit();
  await el.updateComplete;
}

describe('orgauth-event from <orgauth-login>', () => {
  it('a magic link: sent, resent, then back to the email step', async () => {
    const { client } = testClient({ replies: { [SEND]: OK } });
    const el = await loginWith(client);
    const events = recordOrgAuthEvents();
    await submit(el, 'ada@acme.test');
    await untilStep(el, 'email-sent');
    button(el, 'Resend').click();
    await settle(el);
    button(el, 'Use a different email').click();
    await untilStep(el, 'email');
    expect(typesOf(events)).toEqual(['step_changed', 'email_sent', 'email_resent', 'step_changed']);
    expect(events[1]).toEqual({ type: 'email_sent', data: { email: 'ada@acme.test' } });
    expect(events[2]).toEqual({ type: 'email_resent', data: { email: 'ada@acme.test', sends: 2 } });
  });

  it('back from the link: organizations discovered, one chosen, signed in, signed out', async () => {
    const events = recordOrgAuthEvents();
    const { client } = testClient({
      href: REDIRECT_HREF,
      replies: {
        [DISCOVERY_AUTHENTICATE]: discoveryReply(['Acme Inc.']),
        [EXCHANGE]: fixtureAuthenticateResponse(),
        [REVOKE]: OK,
      },
    });
    const el = await loginWith(client);
    await untilStep(el, 'choose-organization');
    button(el, 'Acme Inc.').click();
    await untilStep(el, 'signed-in');
    button(el, 'Sign out').click();
    await untilStep(el, 'email');
    expect(typesOf(events)).toEqual([
      'step_changed',
      'step_changed',
      'organizations_discovered',
      'step_changed',
      'signed_in',
      'step_changed',
      'session_ended',
    ]);
    expect(events.filter((d) => d.type === 'step_changed').map((d) => d.data)).toEqual([
      { step: 'authenticating' },
      { step: 'choose-organization' },
      { step: 'signed-in' },
      { step: 'email' },
    ]);
    expect(events.at(-1)).toEqual({ type: 'session_ended', data: { reason: 'signed-out' } });
  });

  it('a code: sent, verified, organizations discovered, an organization created', async () => {
    const acme = fixtureOrganization({ organization_name: 'Acme', organization_slug: 'acme' });
    const test = testClient({
      replies: {
        [SEND_CODE]: OK,
        [AUTHENTICATE_CODE]: discoveryReply([]),
        [CREATE]: fixtureAuthenticateResponse({ organization: acme }),
      },
    });
    const el = new OrgAuthLogin();
    el.client = test.client;
    el.config = { products: ['emailOtp'] };
    await mount(el);
    const events = recordOrgAuthEvents();
    await submit(el, 'ada@acme.test');
    await untilStep(el, 'email-sent');
    type(find<HTMLInputElement>(el, '#code'), '123456');
    await untilStep(el, 'choose-organization');
    button(el, 'Create an organization').click();
    await untilStep(el, 'create-organization');
    type(find<HTMLInputElement>(el, 'input[name="organization_name"]'), 'Acme');
    await el.updateComplete;
    find<HTMLFormElement>(el, 'form').requestSubmit();
    await untilStep(el, 'signed-in');
    expect(typesOf(events)).toEqual([
      'step_changed',
      'code_sent',
      'step_changed',
      'code_verified',
      'organizations_discovered',
      'step_changed',
      'step_changed',
      'organization_created',
      'signed_in',
    ]);
    const created = events.find((d) => d.type === 'organization_created');
    expect(created?.type === 'organization_created' && created.data.organization.organization_slug).toBe('acme');
  });

  it("an organization's page: loaded, then SSO after orgauth-navigate", async () => {
    const acme = fixtureOrganization({ organization_slug: 'acme', sso_active_connections: [okta] });
    const test = testClient({ replies: { [SEARCH]: { ...OK, organization: acme } } });
    const events = recordOrgAuthEvents();
    const el = new OrgAuthLogin();
    el.setAttribute('organization-slug', 'acme');
    el.client = test.client;
    await mount(el);
    await settle(el);
    button(el, 'Continue with Okta').click();
    await untilStep(el, 'sso-redirecting');
    expect(typesOf(events)).toEqual(['organization_page_loaded', 'navigate', 'step_changed', 'sso_started']);
    expect(events[3]).toEqual({ type: 'sso_started', data: { connectionId: okta.connection_id } });
  });

  it('"Continue with SSO" with several connections lists them', async () => {
    const ok = { ...OK, connections: [okta, entra] };
    const el = await loginWith(testClient({ replies: { [DISCOVER]: ok } }).client);
    const events = recordOrgAuthEvents();
    button(el, 'Continue with SSO').click();
    await untilStep(el, 'sso-email');
    await submit(el, 'ada@acme.test');
    await settle(el);
    expect(typesOf(events)).toEqual(['step_changed', 'sso_connections_listed']);
  });

  it('a refused send: error', async () => {
    const el = await loginWith(testClient({ replies: { [SEND]: fixtureErrorEnvelope('too_many_requests', 429) } }));
    const events = recordOrgAuthEvents();
    await submit(el, 'ada@acme.test');
    await settle(el);
    expect(typesOf(events)).toEqual(['error']);
    expect(events[0]?.type === 'error' && events[0].data.error.code).toBe('api_error');
  });

  it('fires no twin for an event of another element passing through it', async () => {
    const el = await loginWith(testClient().client);
    const child = el.appendChild(document.createElement('span'));
    const events = recordOrgAuthEvents();
    child.dispatchEvent(new OrgAuthErrorEvent({ error: new OrgAuthError('network_error', 'offline') }));
    expect(events).toEqual([]);
  });
});
