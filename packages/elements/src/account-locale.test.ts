import { afterEach, describe, expect, it, vi } from 'vitest';
import './account.js';
import { OrgAuthOrganizationMembers } from './components/organization-members/organization-members.js';
import { OrgAuthOrganizationSettings } from './components/organization-settings/organization-settings.js';
import { signedInClient, switcherWith } from './components/organization-switcher/switcher.fixtures.js';
import { arXB } from './i18n/locales/ar-XB.js';
import { de } from './i18n/locales/de.js';
import { fr } from './i18n/locales/fr.js';
import { SEARCH, accountClient, member, page } from './internal/account.fixtures.js';
import { find, findAll, mount, settle, textOf } from './internal/test-helpers.js';

afterEach(() => document.body.replaceChildren());

describe('account elements: locale', () => {
  it('members: German words, the count in its plural, lang and dir on the card', async () => {
    const el = new OrgAuthOrganizationMembers();
    el.client = accountClient(['stytch_member', 'stytch_admin'], { [SEARCH]: page([member(1)]) }).client;
    el.locale = de;
    await mount(el);
    await vi.waitFor(() => find(el, 'table'));
    await settle(el);
    expect(findAll(el, 'thead th').map(textOf)).toEqual(['Name', 'E-Mail', 'Rollen', 'Status', 'Aktionen']);
    expect(textOf(find(el, '[part~="count"]'))).toBe('1 von 1 Mitglied angezeigt');
    const card = find(el, '[part~="card"]');
    expect([card.lang, card.dir]).toEqual(['de', 'ltr']);
    el.messages = { 'members.heading': 'Team' }; // the override still wins
    await settle(el);
    expect(textOf(find(el, 'h2'))).toBe('Team');
  });

  it('settings: French words on a French card', async () => {
    const el = new OrgAuthOrganizationSettings();
    el.client = accountClient(['stytch_member']).client;
    el.locale = fr;
    await mount(el);
    await settle(el);
    expect(textOf(find(el, 'h2'))).toBe('Paramètres de l’organisation');
    expect(find(el, '[part~="card"]').lang).toBe('fr');
  });

  it('switcher: a right-to-left pack turns the button and the menu right-to-left', async () => {
    const el = await switcherWith(signedInClient());
    el.locale = arXB;
    await settle(el);
    const button = find(el, '#button');
    expect([button.dir, button.lang]).toEqual(['rtl', 'ar-XB']);
    expect(find(el, '#menu').closest('[dir]')?.getAttribute('dir')).toBe('rtl');
    expect(el.hasAttribute('dir')).toBe(false);
  });
});
