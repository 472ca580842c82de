import {
  createTestClient,
  fixtureAuthenticateResponse,
  fixtureBootstrapResponse,
  fixtureDiscoveredOrganization,
  fixtureDiscoveryResponse,
  fixtureMember,
  fixtureMemberSession,
  fixtureOrganization,
} from '@orgauth/core/testing';
import type { OrgAuthEvent, OrgAuthEventType } from '@orgauth/elements';
import { act, cleanup, render, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { OrganizationMembers, OrganizationSettings, OrganizationSwitcher } from './account.js';
import { Login } from './components.js';

afterEach(cleanup);

const OK = { request_id: 'r', status_code: 200 };
const acme = fixtureOrganization();
const globex = fixtureOrganization({
  organization_id: 'organization-test-00000000-0000-4000-8000-000000000002',
  organization_name: 'Globex Corporation',
  organization_slug: 'globex',
});
const admin = { actions: ['*'] };
/** Ada signed in to Acme as an admin, her server answering `replies`. */
const signedIn = (replies: Record<string, unknown>) =>
  createTestClient({
    state: {
      status: 'signed-in',
      member: fixtureMember(),
      organization: acme,
      session: fixtureMemberSession({ roles: ['stytch_member', 'stytch_admin'] }),
      fromCache: false,
    },
    replies: {
      'GET /projects/bootstrap/public-token-test-00000000-0000-4000-8000-000000000000': fixtureBootstrapResponse({
        rbac_policy: {
          roles: [
            {
              role_id: 'stytch_admin',
              description: 'Admin.',
              permissions: [
                { resource_id: 'stytch.organization', ...admin },
                { resource_id: 'stytch.member', ...admin },
              ],
            },
          ],
          resources: [],
          scopes: [],
        },
      }),
      ...replies,
    },
  });

/** An `onEvent` prop that keeps the types it receives; typed as the components declare it. */
function onEvent() {
  const types: OrgAuthEventType[] = [];
  const handler = (event: OrgAuthEvent) => types.push(event.detail.type);
  return { types, handler };
}
const shadow = (container: HTMLElement, tag: string) => container.querySelector(tag)!.shadowRoot!;
const shown = <T extends Element>(root: ShadowRoot, selector: string) =>
  waitFor(() => {
    const found = root.querySelector<T>(selector);
    if (!found) throw new Error(`no ${selector} yet`);
    return found;
  });

describe('onEvent', () => {
  it('<Login> gets each step: the screen change, then the email sent', async () => {
    const { client } = createTestClient({ replies: { 'POST /b2b/magic_links/email/discovery/send': OK } });
    const { types, handler } = onEvent();
    const { container } = render(<Login client={client} onEvent={handler} />);
    const root = shadow(container, 'orgauth-login');
    const email = await shown<HTMLInputElement>(root, 'input[name="email"]');
    email.value = 'ada@acme.test';
    await act(async () => root.querySelector('form')!.requestSubmit());
    await waitFor(() => expect(types).toEqual(['step_changed', 'email_sent']));
  });

  it('<OrganizationSwitcher> gets the opening and the switch', async () => {
    const { client } = signedIn({
      'POST /b2b/discovery/organizations': fixtureDiscoveryResponse({
        intermediate_session_token: '',
        discovered_organizations: [
          fixtureDiscoveredOrganization(),
          fixtureDiscoveredOrganization({ organization: globex }),
        ],
      }),
      'POST /b2b/sessions/exchange': fixtureAuthenticateResponse({ organization: globex }),
    });
    const { types, handler } = onEvent();
    const { container } = render(<OrganizationSwitcher client={client} onEvent={handler} />);
    const root = shadow(container, 'orgauth-organization-switcher');
    const button = await shown<HTMLElement>(root, '#button');
    await act(async () => button.click());
    const item = await shown<HTMLElement>(root, `[data-organization-id="${globex.organization_id}"]`);
    await act(async () => item.click());
    await waitFor(() => expect(types).toEqual(['switcher_opened', 'organization_switched']));
  });

  it('<OrganizationMembers> gets the invitation', async () => {
    const invited = fixtureMember({
      member_id: 'member-test-invited',
      email_address: 'new@acme.test',
      status: 'invited',
    });
    const { client } = signedIn({
      'POST /b2b/organizations/me/members/search': {
        ...OK,
        members: [fixtureMember()],
        results_metadata: { total: 1, next_cursor: null },
        organizations: {},
      },
      'POST /b2b/magic_links/email/invite': {
        ...OK,
        member_id: invited.member_id,
        member: invited,
        organization: acme,
      },
    });
    const { types, handler } = onEvent();
    const { container } = render(<OrganizationMembers client={client} onEvent={handler} />);
    const root = shadow(container, 'orgauth-organization-members');
    await act(async () => (await shown<HTMLElement>(root, '[part~="invite-button"]')).click());
    const email = await shown<HTMLInputElement>(root, '#invite-email');
    email.value = 'new@acme.test';
    email.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await act(async () => root.querySelector<HTMLFormElement>('[part~="invite-form"]')!.requestSubmit());
    await waitFor(() => expect(types).toEqual(['member_invited']));
  });

  it('<OrganizationSettings> gets the save', async () => {
    const { client } = signedIn({
      'GET /b2b/organizations/me': { ...OK, organization: acme },
      'PUT /b2b/organizations/me': { ...OK, organization: { ...acme, organization_name: 'Acme Corp' } },
    });
    const { types, handler } = onEvent();
    const { container } = render(<OrganizationSettings client={client} onEvent={handler} />);
    const root = shadow(container, 'orgauth-organization-settings');
    const name = await shown<HTMLInputElement>(root, '#name');
    await waitFor(() => expect(name.value).toBe('Acme Inc.'));
    name.value = 'Acme Corp';
    name.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await act(async () => root.querySelector('form')!.requestSubmit());
    await waitFor(() => expect(types).toEqual(['organization_updated']));
  });
});
