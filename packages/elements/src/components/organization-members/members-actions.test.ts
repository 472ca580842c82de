import { fixtureErrorEnvelope } from '@orgauth/core/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../account.js';
import type { OrgAuthMemberChangeEvent } from '../../events/member-change.js';
import {
  INVITE,
  SEARCH,
  accountClient,
  member,
  memberPath,
  memberReply,
  page,
} from '../../internal/account.fixtures.js';
import { button, find, findAll, mount, recordEvents, settle, textOf, type } from '../../internal/test-helpers.js';
import { OrgAuthOrganizationMembers } from './organization-members.js';

afterEach(() => document.body.replaceChildren());

const ADA = member(1, { roles: ['stytch_member', 'stytch_admin'] });
const GRACE = member(2, { name: 'Grace Hopper', email_address: 'grace@acme.test' });
const INVITED = member(3, { status: 'invited' });
const GONE = member(4, { status: 'deleted' });

async function adminPanel(replies = {}) {
  const test = accountClient(['stytch_member', 'stytch_admin'], {
    [SEARCH]: page([ADA, GRACE, INVITED, GONE]),
    ...replies,
  });
  const el = new OrgAuthOrganizationMembers();
  el.client = test.client;
  const events = recordEvents(el, ['orgauth-member-change', 'orgauth-error']);
  await mount(el);
  await vi.waitFor(() => expect(findAll(el, 'tbody tr')).toHaveLength(4));
  await settle(el);
  return { el, events, ...test };
}

const rowOf = (el: OrgAuthOrganizationMembers, n: number) => findAll(el, 'tbody tr')[n]!;
const inRow = (el: OrgAuthOrganizationMembers, n: number, part: string) =>
  rowOf(el, n).querySelector<HTMLButtonElement>(`[part~="${part}"]`)!;
const sent = (transport: { requests: { method: string; path: string; body: unknown }[] }, key: string) =>
  transport.requests.filter((r) => `${r.method} ${r.path}` === key).map((r) => r.body);

describe('members actions call the client with the right body', () => {
  it('invites by email with the roles chosen, announces it and lists again', async () => {
    const { el, transport, events } = await adminPanel({
      [INVITE]: memberReply(member(5, { status: 'invited', email_address: 'new@acme.test' })),
    });
    button(el, 'Invite member').click();
    await settle(el);
    expect(el.shadowRoot!.activeElement?.id).toBe('invite-email');
    expect(findAll(el, '[part~="role-picker"] input').map((i) => (i as HTMLInputElement).value)).toEqual([
      'stytch_admin',
      'viewer',
    ]);
    find<HTMLFormElement>(el, '[part~="invite-form"]').requestSubmit();
    await settle(el);
    expect(textOf(find(el, '#invite-email-error'))).toBe('Enter a valid email address, like colleague@company.com.');
    expect(sent(transport, INVITE)).toEqual([]);
    type(find<HTMLInputElement>(el, '#invite-email'), ' new@acme.test ');
    find<HTMLInputElement>(el, '[part~="role-picker"] input[value="stytch_admin"]').click();
    find<HTMLFormElement>(el, '[part~="invite-form"]').requestSubmit();
    await vi.waitFor(() => expect(textOf(find(el, '[role="status"]'))).toBe('Invitation sent to new@acme.test.'));
    expect(sent(transport, INVITE)).toEqual([{ email_address: 'new@acme.test', roles: ['stytch_admin'] }]);
    expect(sent(transport, SEARCH)).toHaveLength(2);
    expect((events[0] as OrgAuthMemberChangeEvent).detail.change).toBe('invited');
  });

  it('resends an invite by inviting the same address again', async () => {
    const { el, transport } = await adminPanel({ [INVITE]: memberReply(INVITED) });
    inRow(el, 2, 'resend-button').click();
    await vi.waitFor(() =>
      expect(textOf(find(el, '[role="status"]'))).toBe(`Invitation sent again to ${INVITED.email_address}.`),
    );
    expect(sent(transport, INVITE)).toEqual([{ email_address: INVITED.email_address }]);
  });

  it('changes roles with members.update({ member_id, roles })', async () => {
    const updated = { ...GRACE, roles: ['stytch_member', 'viewer'] };
    const { el, transport } = await adminPanel({ [memberPath(GRACE, 'PUT')]: memberReply(updated) });
    inRow(el, 1, 'roles-button').click();
    await settle(el);
    const editor = rowOf(el, 1).querySelector('[part~="role-editor"]')!;
    expect(el.shadowRoot!.activeElement).toBe(editor.querySelector('input'));
    editor.querySelector<HTMLInputElement>('input[value="viewer"]')!.click();
    editor.querySelector<HTMLButtonElement>('[part~="save-roles-button"]')!.click();
    await vi.waitFor(() => expect(textOf(rowOf(el, 1))).toContain('Member, viewer'));
    expect(sent(transport, memberPath(GRACE, 'PUT'))).toEqual([{ member_id: GRACE.member_id, roles: ['viewer'] }]);
    await settle(el);
    expect(el.shadowRoot!.activeElement).toBe(inRow(el, 1, 'roles-button'));
  });

  it('reactivates a removed member', async () => {
    const { el, transport } = await adminPanel({
      [memberPath(GONE, 'PUT', '/reactivate')]: memberReply({ ...GONE, status: 'active' }),
    });
    inRow(el, 3, 'reactivate-button').click();
    await vi.waitFor(() => expect(textOf(rowOf(el, 3))).toContain('Active'));
    expect(sent(transport, memberPath(GONE, 'PUT', '/reactivate'))).toHaveLength(1);
  });

  it('searches by member_email_fuzzy once typing pauses, and pages with the cursor', async () => {
    const { el, transport } = await adminPanel();
    transport.reply(SEARCH, (r) =>
      (r.body as { cursor?: string }).cursor ? page([GONE], 2) : page([GRACE], 2, 'cursor-2'),
    );
    const search = find<HTMLInputElement>(el, '#member-search');
    type(search, 'gr');
    type(search, 'grace');
    await vi.waitFor(() => expect(findAll(el, 'tbody tr')).toHaveLength(1));
    const bodies = sent(transport, SEARCH);
    expect(bodies).toHaveLength(2);
    expect(bodies[1]).toEqual({
      limit: 20,
      query: { operator: 'AND', operands: [{ filter_name: 'member_email_fuzzy', filter_value: 'grace' }] },
    });
    button(el, 'Load more').click();
    await vi.waitFor(() => expect(findAll(el, 'tbody tr')).toHaveLength(2));
    expect(sent(transport, SEARCH)[2]).toMatchObject({
      cursor: 'cursor-2',
      query: { operands: [{ filter_value: 'grace' }] },
    });
    expect(findAll(el, '[part~="load-more"]')).toHaveLength(0);
  });

  it('a refused change is shown in words and reported', async () => {
    const { el, events } = await adminPanel({ [INVITE]: fixtureErrorEnvelope('duplicate_member_email', 400) });
    inRow(el, 2, 'resend-button').click();
    await vi.waitFor(() =>
      expect(textOf(find(el, '[role="alert"]'))).toBe('A member with that email already exists in this organization.'),
    );
    expect(events.map((e) => e.type)).toEqual(['orgauth-error']);
  });
});
