import { otpWrongCodeMessage } from '@orgauth/core/protocol';
import type { LoginConfig } from '@orgauth/core';
import { fixtureAuthenticateResponse, fixtureErrorEnvelope, type ScriptedReply } from '@orgauth/core/testing';
import axe from 'axe-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import '../../define.js';
import { find, mount, type, untilStep } from '../../internal/test-helpers.js';
import { OrgAuthLogin } from './login.js';
import { deferred, testClient } from './login.fixtures.js';

// axe-core walks open shadow roots. Colour contrast needs layout, which happy-dom lacks; the
// palettes' contrast is checked in packages/elements/src/internal/theme.styles.test.ts.
const AXE_OPTIONS: axe.RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  rules: { 'color-contrast': { enabled: false } },
};

beforeAll(() => {
  document.documentElement.lang = 'en';
  document.title = 'Sign in';
});
afterEach(() => document.body.replaceChildren());

/** axe's violations on the page, as `rule: markup` lines, so a failure says what is wrong where. */
async function violations(): Promise<string[]> {
  const { violations } = await axe.run(document, AXE_OPTIONS);
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.html}`));
}

const SENT = { request_id: 'r', status_code: 200 };

async function login(config: LoginConfig, replies: Record<string, ScriptedReply> = {}, href?: string) {
  const el = new OrgAuthLogin();
  el.client = testClient({
    ...(href ? { href } : {}),
    replies: { 'POST /b2b/otps/email/discovery/send': SENT, ...replies },
  }).client;
  el.config = config;
  return mount(el);
}

async function toCode(el: OrgAuthLogin): Promise<HTMLInputElement> {
  find<HTMLInputElement>(el, 'input[name="email"]').value = 'ada@acme.test';
  find<HTMLFormElement>(el, 'form').requestSubmit();
  await untilStep(el, 'email-sent');
  return find<HTMLInputElement>(el, '#code');
}

describe('axe finds nothing on the new screens', () => {
  it('the link-or-code choice', async () => {
    await login({ products: ['emailMagicLinks', 'emailOtp', 'sso'] });
    expect(await violations()).toEqual([]);
  });

  it('the code entry, while checking, and after a wrong code', async () => {
    const answer = deferred<object>();
    const el = await login(
      { products: ['emailOtp'] },
      { 'POST /b2b/otps/email/discovery/authenticate': () => answer.promise },
    );
    const input = await toCode(el);
    expect(await violations()).toEqual([]);
    type(input, '111111');
    await el.updateComplete;
    expect(await violations()).toEqual([]);
    answer.resolve(fixtureErrorEnvelope('otp_code_not_found', 404, otpWrongCodeMessage(4)));
    await untilStep(el, 'email-sent');
    await new Promise((resolve) => setTimeout(resolve, 0));
    await el.updateComplete;
    expect(find(el, '#code').getAttribute('aria-invalid')).toBe('true');
    expect(await violations()).toEqual([]);
  });

  it('a used invite and an accepted one', async () => {
    const invite = 'http://localhost:3000/?stytch_token_type=multi_tenant_magic_links&token=t';
    const used = await login(
      {},
      { 'POST /b2b/magic_links/authenticate': fixtureErrorEnvelope('magic_link_not_found', 404) },
      invite,
    );
    await untilStep(used, 'error');
    expect(await violations()).toEqual([]);
    document.body.replaceChildren();
    const accepted = await login({}, { 'POST /b2b/magic_links/authenticate': fixtureAuthenticateResponse() }, invite);
    await untilStep(accepted, 'signed-in');
    expect(await violations()).toEqual([]);
  });
});
