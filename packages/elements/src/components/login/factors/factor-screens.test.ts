import { OrgAuthApiError } from '@orgauth/core';
import axe from 'axe-core';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { de } from '../../../i18n/locales/de.js';
import { button, find, findAll, mount, textOf, type } from '../../../internal/test-helpers.js';
import { CODES, FactorScreenPreview, QR_PNG, SECRET, scriptedView } from './factor.fixtures.js';
import type { FactorScreen, PasswordStrength } from './factor-view.js';
import { strengthOf } from './factor-view.js';
import { groupedKey, qrSource } from './mfa-enrol.js';

const AXE_OPTIONS: axe.RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  rules: { 'color-contrast': { enabled: false } },
};

beforeAll(() => {
  document.documentElement.lang = 'en';
  document.title = 'Sign in';
});
afterEach(() => document.body.replaceChildren());

const WEAK: PasswordStrength = strengthOf({
  valid_password: false,
  score: 1,
  breached_password: false,
  zxcvbn_feedback: { warning: 'This is a top-100 common password.', suggestions: ['Add another word or two.'] },
});

const base = { busy: false, error: null };
/** One of each screen, as the element maps the machine's states to them. */
const SCREENS: FactorScreen[] = [
  { ...base, screen: 'password', email: 'ada@acme.test' },
  { ...base, screen: 'password-reset-sent', email: 'ada@acme.test', sends: 2 },
  { ...base, screen: 'password-reset', strength: null, checking: true },
  { ...base, screen: 'password-reset', strength: WEAK, checking: false },
  { ...base, screen: 'mfa-choose', organizationName: 'Acme', methods: ['totp', 'smsOtp'] },
  { ...base, screen: 'totp-enrol', organizationName: 'Acme', qrCode: QR_PNG, secret: SECRET, otherMethods: true },
  { ...base, screen: 'sms-enrol', organizationName: 'Acme', otherMethods: true },
  { ...base, screen: 'mfa-verify', method: 'totp', organizationName: 'Acme', otherMethods: true, recovery: true },
  {
    ...base,
    screen: 'mfa-verify',
    method: 'smsOtp',
    organizationName: 'Acme',
    phone: '+1•••••4567',
    otherMethods: false,
    recovery: false,
  },
  { ...base, screen: 'recovery-code' },
  { screen: 'recovery-codes', organizationName: 'Acme', codes: CODES },
];

async function show(screen: FactorScreen, options: Parameters<typeof scriptedView>[0] = {}) {
  const el = new FactorScreenPreview();
  el.view = scriptedView(options, () => el.requestUpdate());
  el.screen = screen;
  return mount(el);
}

describe('factor screens', () => {
  it.each(SCREENS.map((s) => [`${s.screen}${'method' in s ? ` ${s.method}` : ''}`, s] as const))(
    'axe finds nothing on %s',
    async (_name, screen) => {
      await show(screen);
      const { violations } = await axe.run(document, AXE_OPTIONS);
      expect(violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.html}`))).toEqual([]);
    },
  );

  it('password: current-password, a real show/hide button, submit and "Forgot password?"', async () => {
    const el = await show(SCREENS[0] as FactorScreen);
    expect(find<HTMLInputElement>(el, '#email').autocomplete).toBe('username');
    const input = find<HTMLInputElement>(el, '#password');
    const toggle = find<HTMLButtonElement>(el, '[part~="password-toggle"]');
    expect(input.autocomplete).toBe('current-password');
    expect(input.type).toBe('password');
    expect(toggle.type).toBe('button');
    expect(toggle.getAttribute('aria-label')).toBe('Show password');
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    expect(toggle.getAttribute('aria-controls')).toBe('password');
    toggle.click();
    await el.updateComplete;
    expect(find<HTMLInputElement>(el, '#password').type).toBe('text');
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    type(input, 'correct horse');
    find<HTMLFormElement>(el, 'form').requestSubmit();
    button(el, 'Forgot password?').click();
    expect(el.view?.password).toBe('correct horse');
    expect((el.view as ReturnType<typeof scriptedView>).calls).toEqual([
      ['submitPassword', 'ada@acme.test'],
      ['forgotPassword', 'ada@acme.test'],
    ]);
  });

  it('reset: new-password and a meter with the verdict, warning and suggestions in a polite region', async () => {
    const el = await show(SCREENS[3] as FactorScreen);
    expect(find<HTMLInputElement>(el, '#new-password').autocomplete).toBe('new-password');
    const meter = find<HTMLMeterElement>(el, 'meter');
    expect(meter.value).toBe(1);
    expect(meter.getAttribute('max')).toBe('4');
    const feedback = find(el, '#new-password-feedback');
    expect(feedback.getAttribute('aria-live')).toBe('polite');
    expect(textOf(feedback.querySelector('p'))).toBe('Weak. This password is too easy to guess.');
    expect([...feedback.querySelectorAll('li')].map((li) => textOf(li))).toEqual([
      'This is a top-100 common password.',
      'Add another word or two.',
    ]);
    expect(find(el, '#new-password').getAttribute('aria-describedby')).toContain('new-password-feedback');
  });

  it('reset: a breached password says so, not only its score', async () => {
    const breached = { ...WEAK, score: 4, breached: true };
    const el = await show({ ...base, screen: 'password-reset', strength: breached, checking: false });
    expect(textOf(find(el, '#new-password-feedback'))).toBe(
      'This password has appeared in a data breach. Choose another one.',
    );
  });

  it('reset sent: the same words for any address, "Resend" and "sent again" announced', async () => {
    const el = await show(SCREENS[1] as FactorScreen);
    expect(textOf(find(el, '.intro'))).toBe('If an account is associated with that email, a reset link has been sent.');
    expect(textOf(find(el, '[role="status"]'))).toBe('We sent another link.');
    button(el, 'Resend').click();
    expect((el.view as ReturnType<typeof scriptedView>).calls).toEqual([['resendPasswordReset']]);
  });

  it('reset: while the first check runs, the meter says so', async () => {
    const el = await show(SCREENS[2] as FactorScreen);
    expect(textOf(find(el, '#new-password-feedback'))).toBe('Checking your password…');
  });

  it('totp enrolment: the QR as a data image with words, the key in fours with a copy, a one-time-code field', async () => {
    const el = await show(SCREENS[5] as FactorScreen);
    const img = find<HTMLImageElement>(el, 'img[part~="totp-qr"]');
    expect(img.getAttribute('src')).toBe(QR_PNG);
    expect(img.alt).toBe('QR code that adds Acme to an authenticator app');
    expect(textOf(find(el, '[part~="totp-key"]'))).toBe('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP');
    button(el, 'Copy key').click();
    const code = find<HTMLInputElement>(el, '#totp-code');
    expect(code.autocomplete).toBe('one-time-code');
    type(code, '123 456');
    await el.updateComplete;
    expect(el.view?.code).toBe('123456');
    expect((el.view as ReturnType<typeof scriptedView>).calls).toEqual([['copy', SECRET, 'key']]);
  });

  it('the QR source takes a data URL or bare base64, and nothing that would load from elsewhere', () => {
    expect(qrSource('iVBORw0KGgo=')).toBe('data:image/png;base64,iVBORw0KGgo=');
    expect(qrSource(QR_PNG)).toBe(QR_PNG);
    expect(qrSource('https://evil.test/qr.png')).toBeUndefined();
    expect(qrSource('data:image/svg+xml;base64,PHN2Zz4=')).toBeUndefined();
    expect(groupedKey('abcd efgh ij')).toBe('abcd efgh ij');
  });

  it('choose: one button per method, in the order given; verify offers a recovery code and, for SMS, a new code', async () => {
    const choose = await show(SCREENS[4] as FactorScreen);
    expect(findAll(choose, '[part~="mfa-method-button"]').map((b) => b.dataset.method)).toEqual(['totp', 'smsOtp']);
    button(choose, 'Text message').click();
    expect((choose.view as ReturnType<typeof scriptedView>).calls).toEqual([['chooseMethod', 'smsOtp']]);
    const sms = await show(SCREENS[8] as FactorScreen);
    expect(textOf(find(sms, '.intro'))).toBe('We texted a 6-digit code to +1•••••4567.');
    button(sms, 'Text me a new code').click();
    expect((sms.view as ReturnType<typeof scriptedView>).calls).toEqual([['resendSms']]);
    expect(findAll(sms, 'button').map((b) => textOf(b))).toEqual(['Verify', 'Text me a new code']);
    const totp = await show(SCREENS[7] as FactorScreen);
    expect(findAll(totp, '.actions button').map((b) => textOf(b))).toEqual([
      'Use a recovery code instead',
      'Use another method',
    ]);
  });

  it('a mistyped password or code gets its own words, not the catalogue\'s "sign in again" or "email"', async () => {
    const wrongPassword = new OrgAuthApiError('unauthorized_credentials', 401, 'r', 'incorrect');
    const password = await show({ ...(SCREENS[0] as FactorScreen), error: wrongPassword } as FactorScreen);
    expect(textOf(find(password, '[role="alert"]'))).toBe(
      'That email and password do not match. Try again, or reset your password.',
    );
    const wrongCode = new OrgAuthApiError('otp_code_not_found', 404, 'r', 'not found');
    const sms = await show({ ...(SCREENS[8] as FactorScreen), error: wrongCode } as FactorScreen);
    expect(textOf(find(sms, '[role="alert"]'))).toBe('That code is not right. Check it and try again.');
    // Other errors keep the catalogue's words.
    const limited = new OrgAuthApiError('too_many_requests', 429, 'r', 'slow down');
    const totp = await show({ ...(SCREENS[7] as FactorScreen), error: limited } as FactorScreen);
    expect(textOf(find(totp, '[role="alert"]'))).not.toMatch(/check it and try again/i);
  });

  it('recovery codes: all ten listed, copy and download hand them to the view', async () => {
    const el = await show(SCREENS[10] as FactorScreen);
    expect(findAll(el, '[part~="recovery-codes"] li').map((li) => textOf(li))).toEqual(CODES);
    button(el, 'Copy codes').click();
    button(el, 'Download as text').click();
    button(el, 'I saved my codes').click();
    const calls = (el.view as ReturnType<typeof scriptedView>).calls;
    expect(calls[0]).toEqual(['copy', `Recovery codes for Acme\n\n${CODES.join('\n')}\n`, 'codes']);
    expect(calls.slice(1)).toEqual([['downloadCodes', CODES, 'Acme'], ['finishRecoveryCodes']]);
  });

  it('German words on the longest screen', async () => {
    const el = await show(SCREENS[10] as FactorScreen, { locale: de });
    expect(textOf(find(el, '.heading'))).toBe('Wiederherstellungscodes speichern');
    expect(vi.isMockFunction(el.view?.copy)).toBe(false);
  });
});
