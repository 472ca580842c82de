import {
  createTestClient,
  fixtureAuthenticateResponse,
  fixtureDiscoveredOrganization,
  fixtureDiscoveryResponse,
  fixtureMember,
  fixtureMemberSession,
  fixtureOrganization,
} from '@orgauth/core/testing';
import { OrgAuthOrganizationSwitcher } from '@orgauth/elements/account';
import { act, cleanup, render, waitFor } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OrganizationSwitcher } from './account.js';
import { useOrganization } from './hooks.js';
import { OrgAuthProvider } from './provider.js';

afterEach(cleanup);

const acme = fixtureOrganization();
const globex = fixtureOrganization({
  organization_id: 'organization-test-00000000-0000-4000-8000-000000000002',
  organization_name: 'Globex Corporation',
  organization_slug: 'globex',
});

/** Ada signed in to Acme; her server lists Acme and Globex and lets her switch to Globex. */
const signedIn = () =>
  createTestClient({
    state: {
      status: 'signed-in',
      member: fixtureMember(),
      organization: acme,
      session: fixtureMemberSession(),
      fromCache: false,
    },
    replies: {
      'POST /b2b/discovery/organizations': fixtureDiscoveryResponse({
        intermediate_session_token: '',
        discovered_organizations: [
          fixtureDiscoveredOrganization(),
          fixtureDiscoveredOrganization({ organization: globex }),
        ],
      }),
      'POST /b2b/sessions/exchange': fixtureAuthenticateResponse({ organization: globex }),
    },
  });

const switcherIn = (container: HTMLElement) => {
  const el = container.querySelector('orgauth-organization-switcher');
  if (!el) throw new Error('no <orgauth-organization-switcher> rendered');
  return el;
};

function OrganizationName() {
  return <p data-testid="organization">{useOrganization()?.organization_name}</p>;
}

describe('<OrganizationSwitcher>', () => {
  it('renders the registered element with the provider’s client', async () => {
    const { client } = signedIn();
    const { container } = render(
      <OrgAuthProvider client={client}>
        <OrganizationSwitcher theme="dark" />
      </OrgAuthProvider>,
    );
    const el = switcherIn(container);
    expect(el).toBeInstanceOf(OrgAuthOrganizationSwitcher);
    expect(el.client).toBe(client);
    await el.updateComplete;
    expect(el.getAttribute('theme')).toBe('dark');
    expect(el.shadowRoot?.querySelector('#button')?.textContent).toContain('Acme Inc.');
  });

  it('switching calls onOrganizationSwitched, and the hooks see the new organization', async () => {
    const { client } = signedIn();
    const onOrganizationSwitched = vi.fn();
    const { container, getByTestId } = render(
      <OrgAuthProvider client={client}>
        <OrganizationSwitcher onOrganizationSwitched={onOrganizationSwitched} />
        <OrganizationName />
      </OrgAuthProvider>,
    );
    const el = switcherIn(container);
    await el.updateComplete;
    const button = el.shadowRoot!.querySelector<HTMLElement>('#button')!;
    await act(async () => button.click());
    const globexItem = await waitFor(() => {
      const item = el.shadowRoot!.querySelector<HTMLElement>(`[data-organization-id="${globex.organization_id}"]`);
      if (!item) throw new Error('Globex not listed yet');
      return item;
    });
    await act(async () => globexItem.click());
    await waitFor(() => expect(onOrganizationSwitched).toHaveBeenCalledTimes(1));
    expect(onOrganizationSwitched.mock.calls[0]?.[0].detail.organization.organization_name).toBe('Globex Corporation');
    expect(getByTestId('organization').textContent).toBe('Globex Corporation');
  });

  it('server HTML marks the element as awaiting its client', () => {
    const { client } = signedIn();
    const html = renderToString(
      <OrgAuthProvider client={client}>
        <OrganizationSwitcher />
      </OrgAuthProvider>,
    );
    expect(html).toMatch(/<orgauth-organization-switcher[^>]*\sawaiting-client=""/);
  });
});
