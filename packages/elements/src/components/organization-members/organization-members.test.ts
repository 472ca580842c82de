import { fixtureErrorEnvelope } from '@orgauth/core/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../account.js';
import { SEARCH, accountClient, member, page } from '../../internal/account.fixtures.js';
import { button, find, findAll, mount, settle, textOf } from '../../internal/test-helpers.js';
import { OrgAuthOrganizationMembers } from './organization-members.js';

afterEach(() => document.body.replaceChildren());

const MEMBERS = [
  member(1, { roles: ['stytch_member', 'stytch_admin'] }),
  member(2),
  member(3, { status: 'invited' }),
  member(4, { status: 'deleted' }),
];

/** The panel for a session with `roles`, its list answering `MEMBERS` unless scripted otherwise. */
async function panel(roles: string[], replies = {}) {
  const test = accountClient(roles, { [SEARCH]: page(MEMBERS), ...replies });
  const el = new OrgAuthOrganizationMembers();
  el.client = test.client;
  await mount(el);
  await vi.waitFor(() => {
    if (!el.shadowRoot?.querySelector('table, [part~="empty"], [part~="retry-button"]')) throw new Error('not loaded');
  });
  await settle(el);
  return { el, ...test };
}

const rowText = (el: OrgAuthOrganizationMembers, n: number) => textOf(findAll(el, 'tbody tr')[n]);

describe('<orgauth-organization-members> by role', () => {
  it('an admin sees every member with name, email, roles and status, and every action', async () => {
    const { el, transport } = await panel(['stytch_member', 'stytch_admin']);
    expect(transport.requests.find((r) => r.path.endsWith('/members/search'))?.body).toEqual({ limit: 20 });
    expect(findAll(el, 'thead th').map(textOf)).toEqual(['Name', 'Email', 'Roles', 'Status', 'Actions']);
    expect(rowText(el, 0)).toContain('Ada Lovelace (you) ada@acme.test Member, Admin Active');
    expect(rowText(el, 2)).toMatch(/^Person 3 person3@acme.test Member Invited Resend invite\s?Revoke invite$/);
    expect(rowText(el, 3)).toContain('Removed Reactivate');
    expect(button(el, 'Invite member')).toBeDefined();
    expect(findAll(el, '[part~="remove-button"]')).toHaveLength(2);
    expect(findAll(el, '[part~="roles-button"]')).toHaveLength(2);
    expect(textOf(find(el, '[part~="count"]'))).toBe('Showing 4 of 4 members');
  });

  it('a member who may only list sees the list without any control', async () => {
    const { el } = await panel(['stytch_member', 'viewer']);
    expect(findAll(el, 'tbody tr')).toHaveLength(4);
    expect(findAll(el, 'thead th').map(textOf)).toEqual(['Name', 'Email', 'Roles', 'Status']);
    expect(findAll(el, 'button')).toHaveLength(0);
  });

  it('a plain member is told the list is not for their role, and nothing is asked of the server', async () => {
    const { el, transport } = await panel(['stytch_member']);
    expect(textOf(find(el, '[part~="empty"]'))).toBe(
      'Your role does not let you see the members of this organization.',
    );
    expect(transport.requests.some((r) => r.path.includes('/members'))).toBe(false);
  });
});

describe('<orgauth-organization-members> states', () => {
  it('says it is loading while the first page is on its way', async () => {
    const test = accountClient(['stytch_admin'], { [SEARCH]: () => new Promise(() => {}) });
    const el = new OrgAuthOrganizationMembers();
    el.client = test.client;
    await mount(el);
    await vi.waitFor(() => expect(textOf(find(el, '[role="status"]'))).toBe('Loading members…'));
  });

  it('an empty organization and an empty search say so in words', async () => {
    const { el } = await panel(['stytch_admin'], { [SEARCH]: page([]) });
    expect(textOf(find(el, '[part~="empty"]'))).toBe('No members yet. Invite someone to get started.');
  });

  it('a failed list shows the error in words and tries again', async () => {
    const { el, transport } = await panel(['stytch_admin'], {
      [SEARCH]: fixtureErrorEnvelope('unauthorized_action', 403),
    });
    expect(textOf(find(el, '[role="alert"]'))).toBe('You are not allowed to do that.');
    transport.reply(SEARCH, page(MEMBERS));
    button(el, 'Try again').click();
    await vi.waitFor(() => expect(findAll(el, 'tbody tr')).toHaveLength(4));
    expect(textOf(find(el, '[role="alert"]'))).toBe('');
  });
});

describe('<orgauth-organization-members> follows the session', () => {
  it('lists again for another organization, and says so when signed out', async () => {
    const { el, client, transport } = await panel(['stytch_admin']);
    const state = client.store.getState();
    if (state.status !== 'signed-in') throw new Error('signed in');
    const globex = { ...state.organization, organization_id: 'organization-test-globex', organization_name: 'Globex' };
    transport.reply(SEARCH, page([member(9, { organization_id: globex.organization_id })]));
    client.store.setState({ ...state, organization: globex }, true);
    await vi.waitFor(() => expect(findAll(el, 'tbody tr')).toHaveLength(1));
    expect(el.shadowRoot?.querySelector('[part~="card"]')?.getAttribute('aria-label')).toBe('People in Globex');
    client.store.setState({ status: 'signed-out' }, true);
    await vi.waitFor(() =>
      expect(textOf(find(el, '[part~="empty"]'))).toBe('Sign in to see the members of your organization.'),
    );
  });

  it('without any client, says how to fix the page', async () => {
    const el = new OrgAuthOrganizationMembers();
    const reportError = vi.fn();
    vi.stubGlobal('reportError', reportError);
    await mount(el);
    expect(textOf(find(el, '[role="alert"]'))).toContain('<orgauth-organization-members> has no client');
    expect(reportError).toHaveBeenCalledOnce();
    vi.unstubAllGlobals();
  });
});
