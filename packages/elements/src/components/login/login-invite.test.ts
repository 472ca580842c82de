import {
  fixtureAuthenticateResponse,
  fixtureErrorEnvelope,
  fixtureMember,
  fixtureOrganization,
} from '@orgauth/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import '../../define.js';
import type { OrgAuthSessionCreatedEvent } from '../../events/session-created.js';
import { button, find, recordEvents, textOf, untilStep } from '../../internal/test-helpers.js';
import { loginWith, testClient } from './login.fixtures.js';

afterEach(() => document.body.replaceChildren());

const INVITE_HREF = 'http://localhost:3000/join?stytch_token_type=multi_tenant_magic_links&token=invite-token-test';
const AUTHENTICATE = 'POST /b2b/magic_links/authenticate';

const globex = fixtureOrganization({
  organization_id: 'organization-test-00000000-0000-4000-8000-000000000002',
  organization_name: 'Globex Corporation',
  organization_slug: 'globex',
});

describe('an invite link', () => {
  it('signs the invitee in, names the organization, and fires orgauth-session-created', async () => {
    const member = fixtureMember({ email_address: 'grace@globex.test', organization_id: globex.organization_id });
    const { client, transport } = testClient({
      href: INVITE_HREF,
      replies: { [AUTHENTICATE]: fixtureAuthenticateResponse({ member, organization: globex }) },
    });
    const el = await loginWith(client);
    const events = recordEvents(el, ['orgauth-session-created']);
    await untilStep(el, 'signed-in');
    expect(transport.requests.find((r) => `${r.method} ${r.path}` === AUTHENTICATE)?.body).toMatchObject({
      magic_links_token: 'invite-token-test',
    });
    expect(textOf(find(el, '.intro'))).toBe('grace@globex.test in Globex Corporation');
    expect(textOf(find(el, '.intro .organization'))).toBe('Globex Corporation');
    expect(events).toHaveLength(1);
    const { detail } = events[0] as OrgAuthSessionCreatedEvent;
    expect(detail.organization.organization_name).toBe('Globex Corporation');
    expect(detail.member.email_address).toBe('grace@globex.test');
  });

  it('used or expired: says so in words and offers to sign in by email instead', async () => {
    const { client, transport } = testClient({
      href: INVITE_HREF,
      replies: { [AUTHENTICATE]: fixtureErrorEnvelope('magic_link_not_found', 404, 'server words') },
    });
    const el = await loginWith(client);
    const events = recordEvents(el, ['orgauth-session-created']);
    await untilStep(el, 'error');
    expect(textOf(find(el, '[role="alert"]'))).toBe(
      'This invite or sign-in link has expired or was already used. Sign in with your email instead.',
    );
    const again = button(el, 'Sign in with email instead');
    expect(again.getAttribute('part')).toBe('submit-button');
    expect(el.shadowRoot?.activeElement).toBe(find(el, 'h2'));
    again.click();
    await untilStep(el, 'email');
    expect(find(el, 'input[name="email"]')).toBeTruthy();
    expect(events).toHaveLength(0);
    expect(transport.requests.filter((r) => `${r.method} ${r.path}` === AUTHENTICATE)).toHaveLength(1);
  });

  it('other failures keep "Start over"', async () => {
    const { client } = testClient({
      href: INVITE_HREF,
      replies: { [AUTHENTICATE]: fixtureErrorEnvelope('invalid_email_for_jit_provisioning', 403, 'x') },
    });
    const el = await loginWith(client);
    await untilStep(el, 'error');
    button(el, 'Start over');
  });
});
