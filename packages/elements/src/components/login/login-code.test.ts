import { otpWrongCodeMessage } from '@orgauth/core/protocol';
import type { LoginConfig } from '@orgauth/core';
import {
  fixtureAuthenticateResponse,
  fixtureErrorEnvelope,
  fixtureOrganization,
  type ScriptedReply,
} from '@orgauth/core/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../define.js';
import { button, find, findAll, mount, settle, textOf, type, untilStep } from '../../internal/test-helpers.js';
import { OrgAuthLogin } from './login.js';
import { deferred, discoveryReply, testClient } from './login.fixtures.js';

const SEND_CODE = 'POST /b2b/otps/email/discovery/send';
const AUTHENTICATE_CODE = 'POST /b2b/otps/email/discovery/authenticate';
const SENT = { request_id: 'r', status_code: 200 };

afterEach(() => {
  document.body.replaceChildren();
  vi.useRealTimers();
});

/** A login offering codes, at the code entry for ada@acme.test, its code authenticate answering `authenticate`. */
async function atCodeEntry(authenticate: ScriptedReply = discoveryReply(['Acme Inc.']), config?: LoginConfig) {
  const test = testClient({ replies: { [SEND_CODE]: SENT, [AUTHENTICATE_CODE]: authenticate } });
  const el = new OrgAuthLogin();
  el.client = test.client;
  el.config = config ?? { products: ['emailOtp'] };
  await mount(el);
  find<HTMLInputElement>(el, 'input[name="email"]').value = 'ada@acme.test';
  find<HTMLFormElement>(el, 'form').requestSubmit();
  await untilStep(el, 'email-sent');
  const codeRequests = () => test.transport.requests.filter((r) => `${r.method} ${r.path}` === AUTHENTICATE_CODE);
  const sends = () => test.transport.requests.filter((r) => `${r.method} ${r.path}` === SEND_CODE);
  return { ...test, el, codeRequests, sends, input: () => find<HTMLInputElement>(el, '#code') };
}

const alertText = (el: OrgAuthLogin) => textOf(find(el, '[role="alert"]'));

describe('code entry', () => {
  it('is one labelled field for a one-time code, focused, with the address it went to', async () => {
    const { el, input } = await atCodeEntry();
    const field = input();
    expect(field.getAttribute('autocomplete')).toBe('one-time-code');
    expect(field.getAttribute('inputmode')).toBe('numeric');
    expect(field.getAttribute('pattern')).toBe('[0-9]{6}');
    expect(field.maxLength).toBe(6);
    expect(field.getAttribute('part')).toBe('input code-input');
    expect(findAll(el, 'input')).toHaveLength(1);
    expect(textOf(find(el, 'label[for="code"]'))).toBe('Code from the email');
    expect(field.getAttribute('aria-describedby')).toBe('code-hint alert');
    expect(textOf(find(el, '.intro'))).toBe('We sent a 6-digit code to ada@acme.test');
    expect(el.shadowRoot?.activeElement).toBe(field);
  });

  it('submits on the sixth digit, shows progress while checking, then the organizations', async () => {
    const answer = deferred<object>();
    const { el, input, codeRequests } = await atCodeEntry(() => answer.promise);
    type(input(), '12345');
    await settle(el);
    expect(codeRequests()).toHaveLength(0);
    type(input(), '123456');
    await vi.waitFor(() =>
      expect(codeRequests().map((r) => r.body)).toEqual([{ code: '123456', email_address: 'ada@acme.test' }]),
    );
    await el.updateComplete;
    expect(input().readOnly).toBe(true);
    expect(find(el, 'form').getAttribute('aria-busy')).toBe('true');
    expect(find<HTMLButtonElement>(el, 'button[type="submit"]').disabled).toBe(true);
    expect(textOf(find(el, '[role="status"]'))).toBe('Checking your code…');
    answer.resolve(discoveryReply(['Acme Inc.']));
    await untilStep(el, 'choose-organization');
  });

  it('takes a pasted code with spaces or dashes whole, and submits it', async () => {
    const { el, input, codeRequests } = await atCodeEntry();
    const data = new DataTransfer();
    data.setData('text', ' 123-456 ');
    const paste = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true });
    input().dispatchEvent(paste);
    expect(paste.defaultPrevented).toBe(true);
    expect(input().value).toBe('123456');
    await untilStep(el, 'choose-organization');
    expect(codeRequests().map((r) => r.body)).toEqual([{ code: '123456', email_address: 'ada@acme.test' }]);
  });

  it('keeps only digits of what is typed, and the submit button sends the field', async () => {
    const { el, input, codeRequests } = await atCodeEntry();
    type(input(), '12 a3');
    expect(input().value).toBe('123');
    await settle(el);
    expect(codeRequests()).toHaveLength(0);
    type(input(), '123 456');
    await untilStep(el, 'choose-organization');
    expect(codeRequests()).toHaveLength(1);
  });

  it('says how many tries are left after a wrong code, focuses the field, and accepts the right one', async () => {
    let tries = 0;
    const { el, input, codeRequests } = await atCodeEntry(() =>
      ++tries === 1
        ? fixtureErrorEnvelope('otp_code_not_found', 404, otpWrongCodeMessage(4))
        : discoveryReply(['Acme Inc.']),
    );
    type(input(), '111111');
    await vi.waitFor(() => expect(alertText(el)).toBe('That code is not right. 4 tries left for this code.'));
    expect(input().getAttribute('aria-invalid')).toBe('true');
    expect(el.shadowRoot?.activeElement).toBe(input());
    expect([input().selectionStart, input().selectionEnd]).toEqual([0, 6]);
    type(input(), '123456');
    await untilStep(el, 'choose-organization');
    expect(codeRequests().map((r) => (r.body as { code: string }).code)).toEqual(['111111', '123456']);
  });

  it.each([
    [
      'a wrong code without a count',
      'otp_code_not_found',
      404,
      'nope',
      'That code is not right. Check the latest email and try again.',
    ],
    [
      'the last wrong try',
      'otp_code_not_found',
      404,
      otpWrongCodeMessage(0),
      'That code is not right, and it was the last try. Request a new code.',
    ],
    ['an expired code', 'unable_to_auth_otp_code', 401, 'gone stale', 'This code has expired. Request a new one.'],
    ['too many tries', 'too_many_otp_attempts', 401, 'dead', 'Too many wrong tries for this code. Request a new one.'],
    ['rate limited', 'too_many_requests', 429, 'slow', 'Too many attempts. Wait a minute and try again.'],
  ] as const)('words %s', async (_what, type_, status, serverText, words) => {
    const { el, input } = await atCodeEntry(fixtureErrorEnvelope(type_, status, serverText));
    type(input(), '111111');
    await vi.waitFor(() => expect(alertText(el)).toBe(words));
    expect(alertText(el)).not.toContain(serverText);
  });

  it('offers "Resend code" at once when the code is dead', async () => {
    const { el, input } = await atCodeEntry(fixtureErrorEnvelope('unable_to_auth_otp_code', 401, 'expired'));
    expect(findAll(el, '[part~="resend-button"]')).toHaveLength(0);
    type(input(), '111111');
    await vi.waitFor(() => expect(findAll(el, '[part~="resend-button"]')).toHaveLength(1));
  });
});

describe('on an organization page', () => {
  it('"Continue with email" sends a code for the organization, and the code signs straight in', async () => {
    const acme = fixtureOrganization();
    const { client, transport } = testClient({
      replies: {
        'POST /b2b/organizations/search': { request_id: 'r', status_code: 200, organization: acme },
        'POST /b2b/otps/email/login_or_signup': SENT,
        'POST /b2b/otps/email/authenticate': fixtureAuthenticateResponse({ organization: acme }),
      },
    });
    const el = new OrgAuthLogin();
    el.client = client;
    el.organizationSlug = acme.organization_slug;
    el.config = { products: ['emailOtp'], sessionOptions: { sessionDurationMinutes: 45 } };
    await mount(el);
    await vi.waitFor(() => find(el, '.intro .organization'));
    button(el, 'Continue with email').click();
    await untilStep(el, 'email');
    find<HTMLInputElement>(el, 'input[name="email"]').value = 'ada@acme.test';
    find<HTMLFormElement>(el, 'form').requestSubmit();
    await untilStep(el, 'email-sent');
    // The organization admits new people by invitation only: the code screen says so (no code may come).
    expect(textOf(find(el, '.admission'))).toContain('by invitation');
    type(find<HTMLInputElement>(el, '#code'), '123456');
    await untilStep(el, 'signed-in');
    const bodies = Object.fromEntries(transport.requests.map((r) => [r.path, r.body]));
    expect(bodies['/b2b/otps/email/login_or_signup']).toMatchObject({
      email_address: 'ada@acme.test',
      organization_id: acme.organization_id,
    });
    expect(bodies['/b2b/otps/email/authenticate']).toMatchObject({
      code: '123456',
      organization_id: acme.organization_id,
      session_duration_minutes: 45,
    });
    expect(textOf(find(el, '.intro .organization'))).toBe(acme.organization_name);
  });
});

describe('resend countdown', () => {
  it('counts 30 seconds, then offers "Resend code", which sends again, announces it and restarts', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const { el, input, sends } = await atCodeEntry();
    const countdown = () => textOf(find(el, '[part~="resend-countdown"]'));
    expect(countdown()).toBe('You can ask for a new code in 30 seconds.');
    expect(findAll(el, '[part~="resend-button"]')).toHaveLength(0);
    vi.advanceTimersByTime(10_000);
    await el.updateComplete;
    expect(countdown()).toBe('You can ask for a new code in 20 seconds.');
    vi.advanceTimersByTime(20_000);
    await el.updateComplete;
    expect(findAll(el, '[part~="resend-countdown"]')).toHaveLength(0);
    type(input(), '12');
    button(el, 'Resend code').click();
    await settle(el);
    expect(sends()).toHaveLength(2);
    expect(textOf(find(el, '[role="status"]'))).toBe('We sent a new code. Use the latest email.');
    expect(find(el, '[role="status"]').getAttribute('role')).toBe('status');
    expect(input().value).toBe('');
    expect(countdown()).toBe('You can ask for a new code in 30 seconds.');
  });

  it('stops ticking when the element leaves the page', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const { el } = await atCodeEntry();
    expect(vi.getTimerCount()).toBe(1);
    el.remove();
    expect(vi.getTimerCount()).toBe(0);
  });
});
