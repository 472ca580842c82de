import { OrgAuthApiError } from '@orgauth/core';
import { otpWrongCodeMessage } from '@orgauth/core/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import '../../define.js';
import { resolveMessages } from '../../i18n/messages.js';
import { arXB } from '../../i18n/locales/ar-XB.js';
import { de } from '../../i18n/locales/de.js';
import { ja } from '../../i18n/locales/ja.js';
import { find, findAll, textOf, untilStep } from '../../internal/test-helpers.js';
import { DISCOVERY_AUTHENTICATE, REDIRECT_HREF, discoveryReply, loginWith, testClient } from './login.fixtures.js';
import { codeErrorMessage } from './steps/code-step.js';

afterEach(() => document.body.replaceChildren());

const wrongCode = (left: number) => new OrgAuthApiError('otp_code_not_found', 404, 'r', otpWrongCodeMessage(left));

describe('<orgauth-login> locale', () => {
  it('a German pack renders German words, and its lang and dir go on the card, not the host', async () => {
    const el = await loginWith(testClient());
    el.locale = de;
    await el.updateComplete;
    expect(textOf(find(el, 'h2'))).toBe('Anmelden oder Organisation erstellen');
    expect(textOf(find(el, 'button[type="submit"]'))).toBe('Weiter mit E-Mail');
    const card = find(el, '[part~="card"]');
    expect([card.lang, card.dir]).toEqual(['de', 'ltr']);
    expect(el.hasAttribute('lang') || el.hasAttribute('dir')).toBe(false);

    el.locale = undefined; // back to the defaults, and to the page's language and direction
    await el.updateComplete;
    expect(textOf(find(el, 'h2'))).toBe('Sign in or create an organization');
    expect(card.hasAttribute('lang') || card.hasAttribute('dir')).toBe(false);
  });

  it('a right-to-left pack sets dir=rtl on the card', async () => {
    const el = await loginWith(testClient());
    el.locale = arXB;
    await el.updateComplete;
    const card = find(el, '[part~="card"]');
    expect([card.lang, card.dir]).toEqual(['ar-XB', 'rtl']);
    expect(textOf(find(el, 'h2'))).toBe('\u202eSign in or create an organization\u202c');
  });

  it('a messages override wins over the pack, key by key, errors included', async () => {
    const el = await loginWith(testClient());
    el.locale = de;
    el.messages = { 'email.heading': 'Willkommen bei Acme', errors: { too_many_requests: 'Langsam.' } };
    await el.updateComplete;
    expect(textOf(find(el, 'h2'))).toBe('Willkommen bei Acme');
    expect(textOf(find(el, 'button[type="submit"]'))).toBe('Weiter mit E-Mail');
    const m = resolveMessages(el.messages, de);
    expect([m.errors.too_many_requests, m.errors.network_error]).toEqual(['Langsam.', de.errors.network_error]);
  });

  it('the tries left read in the pack’s plural: one, other, and Japanese’s single form', () => {
    const m = resolveMessages(undefined, de);
    expect(codeErrorMessage(wrongCode(1), m)).toBe('Dieser Code ist nicht korrekt. Noch 1 Versuch für diesen Code.');
    expect(codeErrorMessage(wrongCode(3), m)).toBe('Dieser Code ist nicht korrekt. Noch 3 Versuche für diesen Code.');
    expect(codeErrorMessage(wrongCode(1), resolveMessages())).toBe('That code is not right. 1 try left for this code.');
    expect(codeErrorMessage(wrongCode(2), resolveMessages(undefined, ja))).toBe(
      'コードが正しくありません。このコードで試せる残り回数: 2 回',
    );
  });

  it('hostile values and hostile words stay text under a pack', async () => {
    const evil = '<img src=x onerror="globalThis.pwned=1">';
    const { client } = testClient({
      href: REDIRECT_HREF,
      replies: { [DISCOVERY_AUTHENTICATE]: discoveryReply([evil]) },
    });
    const el = await loginWith(client);
    el.locale = { ...de, messages: { ...de.messages, 'chooseOrganization.heading': `${evil} {x}` } };
    await untilStep(el, 'choose-organization');
    await el.updateComplete;
    expect(textOf(find(el, 'h2'))).toBe(`${evil} {x}`);
    expect(textOf(findAll(el, '[part~="org-button"]')[0])).toContain(evil);
    expect(el.shadowRoot?.querySelector('img')).toBeNull();
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
  });
});
