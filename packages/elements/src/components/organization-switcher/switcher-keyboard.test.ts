import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../account.js';
import { find, settle, textOf } from '../../internal/test-helpers.js';
import type { OrgAuthOrganizationSwitcher } from './organization-switcher.js';
import { buttonKey, menuKey, TYPEAHEAD_MS, typeahead } from './switcher-keys.js';
import { press, signedInClient, switcherWith } from './switcher.fixtures.js';

afterEach(() => document.body.replaceChildren());

const focusedName = (el: OrgAuthOrganizationSwitcher) =>
  textOf((el.shadowRoot?.activeElement as HTMLElement | null)?.querySelector('.name'));

/** Presses `key` on whatever has focus inside the element. */
const key = (el: OrgAuthOrganizationSwitcher, name: string, init?: KeyboardEventInit) =>
  press(el.shadowRoot?.activeElement ?? el, name, init);

async function opened(open = 'ArrowDown') {
  const el = await switcherWith(signedInClient());
  const button = find(el, '#button');
  button.focus();
  press(button, open);
  await settle(el);
  return { el, button };
}

describe('menu-button keyboard (WAI-ARIA)', () => {
  it.each([
    ['Enter', 'Acme Inc.'],
    [' ', 'Acme Inc.'],
    ['ArrowDown', 'Acme Inc.'],
    ['ArrowUp', 'Sign out'],
  ])('%j on the button opens on %s', async (open, first) => {
    const { el } = await opened(open);
    expect(el.open).toBe(true);
    expect(focusedName(el)).toBe(first);
  });

  it('arrows move and wrap, Home and End jump', async () => {
    const { el } = await opened();
    const walk = ['ArrowDown', 'ArrowDown', 'ArrowDown', 'End', 'ArrowDown', 'ArrowUp', 'Home', 'ArrowUp'].map((k) => {
      key(el, k);
      return focusedName(el);
    });
    expect(walk).toEqual([
      'Umbrella',
      'Globex Corporation',
      'Initech',
      'Sign out',
      'Acme Inc.',
      'Sign out',
      'Acme Inc.',
      'Sign out',
    ]);
  });

  it('type-ahead finds items by their first letters', async () => {
    const { el } = await opened();
    key(el, 'u');
    expect(focusedName(el)).toBe('Umbrella');
    key(el, 'm');
    expect(focusedName(el)).toBe('Umbrella');
    key(el, 'x');
    expect(focusedName(el)).toBe('Umbrella');
    // After a pause a letter starts a new search.
    vi.spyOn(Date, 'now').mockReturnValue(Date.now() + TYPEAHEAD_MS + 1);
    key(el, 's');
    expect(focusedName(el)).toBe('Sign out');
    vi.restoreAllMocks();
  });

  it('Escape closes and returns focus to the button', async () => {
    const { el, button } = await opened();
    const pressed = key(el, 'Escape');
    await el.updateComplete;
    expect(pressed.defaultPrevented).toBe(true);
    expect(el.open).toBe(false);
    expect(find(el, '#panel').hidden).toBe(true);
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(el.shadowRoot?.activeElement).toBe(button);
  });

  it('Tab closes, with focus on the button so the browser moves on from there', async () => {
    const { el, button } = await opened();
    const tab = key(el, 'Tab');
    await el.updateComplete;
    expect(tab.defaultPrevented).toBe(false);
    expect(el.open).toBe(false);
    expect(el.shadowRoot?.activeElement).toBe(button);
  });

  it('focus never stays outside the open panel: leaving closes it; a press outside closes it', async () => {
    const outside = document.createElement('button');
    document.body.append(outside);
    const { el } = await opened();
    outside.focus();
    await el.updateComplete;
    expect(el.open).toBe(false);

    const button = find(el, '#button');
    button.focus();
    press(button, 'Enter');
    await settle(el);
    expect(el.open).toBe(true);
    outside.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(el.open).toBe(false);
  });

  it('a click on the button toggles the menu', async () => {
    const el = await switcherWith(signedInClient());
    const button = find(el, '#button');
    button.click();
    await settle(el);
    expect(el.open).toBe(true);
    expect(focusedName(el)).toBe('Acme Inc.');
    button.click();
    await el.updateComplete;
    expect(el.open).toBe(false);
  });
});

describe('key decisions', () => {
  it('only the opening keys open', () => {
    expect(['Enter', ' ', 'ArrowDown', 'ArrowUp', 'a', 'Tab'].map(buttonKey)).toEqual([
      'first',
      'first',
      'first',
      'last',
      null,
      null,
    ]);
  });

  it('modified letters are not type-ahead', () => {
    expect(menuKey({ key: 'a', ctrlKey: true, altKey: false, metaKey: false }, 0, 3)).toBeNull();
    expect(menuKey({ key: 'a', ctrlKey: false, altKey: false, metaKey: false }, 0, 3)).toEqual({
      kind: 'type',
      char: 'a',
    });
  });

  it('type-ahead: longer searches, and one letter repeated cycles', () => {
    const labels = ['Acme', 'Alpha', 'Beta', 'Almond'];
    expect(typeahead(labels, 'a', 0)).toBe(1);
    expect(typeahead(labels, 'aa', 1)).toBe(3);
    expect(typeahead(labels, 'alm', 1)).toBe(3);
    expect(typeahead(labels, 'b', 3)).toBe(2);
    expect(typeahead(labels, 'z', 0)).toBe(-1);
  });
});
