import axe from 'axe-core';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import '../../account.js';
import { SEARCH, accountClient, member, memberPath, page } from '../../internal/account.fixtures.js';
import { find, findAll, mount, settle, textOf } from '../../internal/test-helpers.js';
import { OrgAuthOrganizationMembers } from './organization-members.js';

// As packages/elements/src/components/login/login-a11y.test.ts: contrast needs layout, which happy-dom lacks.
const AXE_OPTIONS: axe.RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  rules: { 'color-contrast': { enabled: false } },
};

beforeAll(() => {
  document.documentElement.lang = 'en';
  document.title = 'Members';
});
afterEach(() => document.body.replaceChildren());

const GRACE = member(2, { name: 'Grace Hopper', email_address: 'grace@acme.test' });
const INVITED = member(3, { status: 'invited' });
const DELETED = { request_id: 'r', status_code: 200, member_id: GRACE.member_id };

async function adminPanel() {
  const test = accountClient(['stytch_admin'], {
    [SEARCH]: page([member(1), GRACE, INVITED]),
    [memberPath(GRACE, 'DELETE')]: DELETED,
    [memberPath(INVITED, 'DELETE')]: { ...DELETED, member_id: INVITED.member_id },
  });
  const el = new OrgAuthOrganizationMembers();
  el.client = test.client;
  await mount(el);
  await vi.waitFor(() => expect(findAll(el, 'tbody tr')).toHaveLength(3));
  await settle(el);
  return { el, ...test };
}

const removeButton = (el: OrgAuthOrganizationMembers, n: number) =>
  findAll(el, 'tbody tr')[n]!.querySelector<HTMLButtonElement>('[part~="remove-button"], [part~="revoke-button"]')!;
const press = (target: Element, key: string, shiftKey = false) =>
  target.dispatchEvent(
    new KeyboardEvent('keydown', { key, shiftKey, bubbles: true, composed: true, cancelable: true }),
  );
const deletes = (transport: { requests: { method: string; path: string }[] }) =>
  transport.requests.filter((r) => r.method === 'DELETE');

describe('confirmation before a destructive step', () => {
  it('asks in a modal dialog with Cancel focused; nothing is deleted until confirmed', async () => {
    const { el, transport } = await adminPanel();
    const opener = removeButton(el, 1);
    opener.focus();
    opener.click();
    await settle(el);
    const dialog = find<HTMLDialogElement>(el, 'dialog');
    expect(dialog.open).toBe(true);
    expect(textOf(find(el, '#confirm-heading'))).toBe('Remove Grace Hopper?');
    expect(textOf(find(el, '#confirm-body'))).toContain('grace@acme.test loses access to Acme Inc.');
    expect(dialog.getAttribute('aria-labelledby')).toBe('confirm-heading');
    expect(el.shadowRoot!.activeElement).toBe(find(el, '[part~="cancel-button"]'));
    expect(deletes(transport)).toEqual([]);
    find<HTMLButtonElement>(el, '[part~="confirm-button"]').click();
    await vi.waitFor(() => expect(textOf(find(el, '[role="status"]'))).toBe('grace@acme.test was removed.'));
    expect(deletes(transport).map((r) => `${r.method} ${r.path}`)).toEqual([memberPath(GRACE, 'DELETE')]);
    expect(dialog.open).toBe(false);
  });

  it('revoking an invite is confirmed too, and deletes the invited member', async () => {
    const { el, transport } = await adminPanel();
    removeButton(el, 2).click();
    await settle(el);
    expect(textOf(find(el, '#confirm-heading'))).toBe(`Revoke the invitation to ${INVITED.email_address}?`);
    find<HTMLButtonElement>(el, '[part~="confirm-button"]').click();
    await vi.waitFor(() => expect(deletes(transport)).toHaveLength(1));
    expect(deletes(transport)[0]?.path).toBe(`/b2b/organizations/members/${INVITED.member_id}`);
  });

  it('keyboard: Tab and Shift+Tab stay in the dialog, Escape cancels and returns focus to the opener', async () => {
    const { el, transport } = await adminPanel();
    const opener = removeButton(el, 1);
    opener.focus();
    opener.click();
    await settle(el);
    const cancel = find<HTMLButtonElement>(el, '[part~="cancel-button"]');
    const confirm = find<HTMLButtonElement>(el, '[part~="confirm-button"]');
    press(cancel, 'Tab', true);
    expect(el.shadowRoot!.activeElement).toBe(confirm);
    press(confirm, 'Tab');
    expect(el.shadowRoot!.activeElement).toBe(cancel);
    press(cancel, 'Escape');
    await settle(el);
    expect(find<HTMLDialogElement>(el, 'dialog').open).toBe(false);
    expect(el.shadowRoot!.activeElement).toBe(opener);
    expect(deletes(transport)).toEqual([]);
  });

  it('Cancel closes it the same way', async () => {
    const { el, transport } = await adminPanel();
    const opener = removeButton(el, 1);
    opener.focus();
    opener.click();
    await settle(el);
    find<HTMLButtonElement>(el, '[part~="cancel-button"]').click();
    await settle(el);
    expect(find<HTMLDialogElement>(el, 'dialog').open).toBe(false);
    expect(el.shadowRoot!.activeElement).toBe(opener);
    expect(deletes(transport)).toEqual([]);
  });
});

describe('axe finds nothing', () => {
  it('on the admin list, the invite form and the open dialog', async () => {
    const { el } = await adminPanel();
    const violations = async () =>
      (await axe.run(document, AXE_OPTIONS)).violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.html}`));
    expect(await violations()).toEqual([]);
    find<HTMLButtonElement>(el, '[part~="invite-button"]').click();
    await settle(el);
    expect(await violations()).toEqual([]);
    removeButton(el, 1).click();
    await settle(el);
    expect(await violations()).toEqual([]);
  });
});

describe('while the confirmed step runs', () => {
  it('keeps focus in the dialog and ignores further clicks until the server answers', async () => {
    let answer: (value: object) => void = () => {};
    const test = accountClient(['stytch_admin'], {
      [SEARCH]: page([member(1), GRACE]),
      [memberPath(GRACE, 'DELETE')]: () => new Promise<object>((resolve) => (answer = resolve)),
    });
    const el = new OrgAuthOrganizationMembers();
    el.client = test.client;
    await mount(el);
    await vi.waitFor(() => expect(findAll(el, 'tbody tr')).toHaveLength(2));
    await settle(el);
    removeButton(el, 1).click();
    await settle(el);
    const confirm = find<HTMLButtonElement>(el, '[part~="confirm-button"]');
    confirm.focus();
    confirm.click();
    await settle(el);
    expect(confirm.getAttribute('aria-disabled')).toBe('true');
    expect(el.shadowRoot!.activeElement).toBe(confirm);
    confirm.click();
    press(confirm, 'Escape');
    await settle(el);
    expect(find<HTMLDialogElement>(el, 'dialog').open).toBe(true);
    expect(deletes(test.transport)).toHaveLength(1);
    answer(DELETED);
    await vi.waitFor(() => expect(find<HTMLDialogElement>(el, 'dialog').open).toBe(false));
  });
});
