import {
  createTestClient,
  fixtureBootstrapResponse,
  fixtureMember,
  fixtureMemberSession,
  fixtureOrganization,
} from '@orgauth/core/testing';
import {
  OrgAuthMemberChangeEvent,
  OrgAuthOrganizationMembers,
  type OrgAuthOrganizationSettings,
  OrgAuthOrganizationUpdatedEvent,
} from '@orgauth/elements/account';
import { cleanup, render, waitFor } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OrganizationMembers, OrganizationSettings } from './account.js';
import { OrgAuthProvider } from './provider.js';

afterEach(cleanup);

const TOKEN = 'public-token-test-00000000-0000-4000-8000-000000000000';
const ADMIN_POLICY = {
  roles: [
    {
      role_id: 'stytch_admin',
      description: 'Admin.',
      permissions: ['stytch.organization', 'stytch.member'].map((resource_id) => ({ resource_id, actions: ['*'] })),
    },
  ],
  resources: [],
  scopes: [],
};

/** A client signed in as an admin, whose server lists Ada and answers the organization. */
function adminClient() {
  const organization = fixtureOrganization();
  return createTestClient({
    state: {
      status: 'signed-in',
      member: fixtureMember(),
      organization,
      session: fixtureMemberSession({ roles: ['stytch_member', 'stytch_admin'] }),
      fromCache: false,
    },
    replies: {
      [`GET /projects/bootstrap/${TOKEN}`]: fixtureBootstrapResponse({ rbac_policy: ADMIN_POLICY }),
      'POST /b2b/organizations/me/members/search': {
        request_id: 'r',
        status_code: 200,
        members: [fixtureMember()],
        results_metadata: { total: 1, next_cursor: null },
        organizations: {},
      },
      'GET /b2b/organizations/me': { request_id: 'r', status_code: 200, organization },
    },
  });
}

const elementIn = <T extends Element>(container: HTMLElement, tag: string) => {
  const el = container.querySelector(tag);
  if (!el) throw new Error(`no <${tag}> rendered`);
  return el as T;
};

describe('<OrganizationMembers> and <OrganizationSettings>', () => {
  it('render the registered elements with the provider’s client, and show the panels', async () => {
    const { client } = adminClient();
    const { container } = render(
      <OrgAuthProvider client={client}>
        <OrganizationMembers theme="dark" pageSize={5} />
        <OrganizationSettings />
      </OrgAuthProvider>,
    );
    const members = elementIn<OrgAuthOrganizationMembers>(container, 'orgauth-organization-members');
    const settings = elementIn<OrgAuthOrganizationSettings>(container, 'orgauth-organization-settings');
    expect(members).toBeInstanceOf(OrgAuthOrganizationMembers);
    expect(members.client).toBe(client);
    expect(members.pageSize).toBe(5);
    expect(settings.client).toBe(client);
    await waitFor(() => expect(members.shadowRoot?.querySelector('[part~="invite-button"]')).not.toBeNull());
    expect(members.getAttribute('theme')).toBe('dark');
    await waitFor(() => expect(settings.shadowRoot?.querySelector<HTMLInputElement>('#name')?.value).toBe('Acme Inc.'));
  });

  it('an explicit client wins, refs reach the elements, and events map to on* props', () => {
    const own = createTestClient().client;
    const membersRef = { current: null as OrgAuthOrganizationMembers | null };
    const onMemberChange = vi.fn();
    const onOrganizationUpdated = vi.fn();
    const { container } = render(
      <OrgAuthProvider client={createTestClient().client}>
        <OrganizationMembers ref={membersRef} client={own} onMemberChange={onMemberChange} />
        <OrganizationSettings client={own} onOrganizationUpdated={onOrganizationUpdated} />
      </OrgAuthProvider>,
    );
    expect(membersRef.current?.client).toBe(own);
    const change = new OrgAuthMemberChangeEvent({ change: 'invited', member: fixtureMember() });
    membersRef.current!.dispatchEvent(change);
    expect(onMemberChange).toHaveBeenCalledWith(change);
    const updated = new OrgAuthOrganizationUpdatedEvent({
      organization: fixtureOrganization(),
      changed: ['organization_name'],
    });
    elementIn(container, 'orgauth-organization-settings').dispatchEvent(updated);
    expect(onOrganizationUpdated).toHaveBeenCalledWith(updated);
  });

  it('server HTML marks both as awaiting their client', () => {
    const { client } = createTestClient();
    const html = renderToString(
      <OrgAuthProvider client={client}>
        <OrganizationMembers />
        <OrganizationSettings />
      </OrgAuthProvider>,
    );
    expect(html).toMatch(/<orgauth-organization-members[^>]*\sawaiting-client=""/);
    expect(html).toMatch(/<orgauth-organization-settings[^>]*\sawaiting-client=""/);
  });
});
