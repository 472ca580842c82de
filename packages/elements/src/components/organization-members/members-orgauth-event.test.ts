import { fixtureErrorEnvelope } from '@orgauth/core/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../account.js';
import { recordOrgAuthEvents, typesOf } from '../../events/orgauth-event.fixtures.js';
import {
  INVITE,
  SEARCH,
  accountClient,
  member,
  memberPath,
  memberReply,
  page,
} from '../../internal/account.fixtures.js';
import { button, find, findAll, mount, settle, type } from '../../internal/test-helpers.js';
import { OrgAuthOrganizationMembers } from './organization-members.js';

afterEach(() => document.body.replaceChildren());

const ADA = member(1, { roles: ['stytch_member', 'stytch_admin'] });
const GRACE = member(2, { name: 'Grace Hopper', email_address: 'grace@acme.test' });
const INVITED = member(3, { status: 'invited' });
const GONE = member(4, { status: 'deleted' });
const NEW = member(5, { status: 'invited', email_address: 'new@acme.test' });
const deleted = (m: typeof ADA) => ({ request_id: 'r', status_code: 200, member_id: m.member_id });

async function adminPanel(replies = {}) {
  const test = accountClient(['stytch_member', 'stytch_admin'], {
    [SEARCH]: page([ADA, GRACE, INVITED, GONE]),
    ...replies,
  });
  const el = new OrgAuthOrganizationMembers();
  el.client = test.client;
  await mount(el);
  await vi.waitFor(() => expect(findAll(el, 'tbody tr')).toHaveLength(4));
  await settle(el);
  return el;
}

const inRow = (el: OrgAuthOrganizationMembers, n: number, part: string) =>
  findAll(el, 'tbody tr')[n]!.querySelector<HTMLButtonElement>(`[part~="${part}"]`)!;

describe('orgauth-event from <orgauth-organization-members>', () => {
  it('invited, invite resent, roles changed, reactivated, invite revoked, removed', async () => {
    const el = await adminPanel({
      [INVITE]: (r: { body: unknown }) =>
        memberReply((r.body as { email_address: string }).email_address === NEW.email_address ? NEW : INVITED),
      [memberPath(GRACE, 'PUT')]: memberReply({ ...GRACE, roles: ['stytch_member', 'viewer'] }),
      [memberPath(GONE, 'PUT', '/reactivate')]: memberReply({ ...GONE, status: 'active' }),
      [memberPath(INVITED, 'DELETE')]: deleted(INVITED),
      [memberPath(GRACE, 'DELETE')]: deleted(GRACE),
    });
    const events = recordOrgAuthEvents();
    const next = async (count: number) => {
      await vi.waitFor(() => expect(events).toHaveLength(count));
      await settle(el);
    };
    button(el, 'Invite member').click();
    await settle(el);
    type(find<HTMLInputElement>(el, '#invite-email'), NEW.email_address);
    find<HTMLFormElement>(el, '[part~="invite-form"]').requestSubmit();
    await next(1);
    inRow(el, 2, 'resend-button').click();
    await next(2);
    inRow(el, 1, 'roles-button').click();
    await settle(el);
    find<HTMLInputElement>(el, '[part~="role-editor"] input[value="viewer"]').click();
    find<HTMLButtonElement>(el, '[part~="save-roles-button"]').click();
    await next(3);
    inRow(el, 3, 'reactivate-button').click();
    await next(4);
    inRow(el, 2, 'revoke-button').click();
    await settle(el);
    find<HTMLButtonElement>(el, '[part~="confirm-button"]').click();
    await next(5);
    inRow(el, 1, 'remove-button').click();
    await settle(el);
    find<HTMLButtonElement>(el, '[part~="confirm-button"]').click();
    await next(6);
    expect(typesOf(events)).toEqual([
      'member_invited',
      'invite_resent',
      'member_roles_changed',
      'member_reactivated',
      'invite_revoked',
      'member_removed',
    ]);
    expect(events.map((d) => 'member' in d.data && d.data.member.member_id)).toEqual(
      [NEW, INVITED, GRACE, GONE, INVITED, GRACE].map((m) => m.member_id),
    );
  });

  it('a refused change: error', async () => {
    const el = await adminPanel({ [INVITE]: fixtureErrorEnvelope('duplicate_member_email', 400) });
    const events = recordOrgAuthEvents();
    inRow(el, 2, 'resend-button').click();
    await vi.waitFor(() => expect(typesOf(events)).toEqual(['error']));
  });
});
