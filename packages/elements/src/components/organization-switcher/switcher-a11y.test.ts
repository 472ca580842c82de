import { fixtureErrorEnvelope } from '@orgauth/core/testing';
import axe from 'axe-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import '../../account.js';
import { find, settle } from '../../internal/test-helpers.js';
import { deferred } from '../login/login.fixtures.js';
import { EXCHANGE, LIST, listReply, press, signedInClient, switcherWith } from './switcher.fixtures.js';

// As in login-a11y.test.ts: axe walks the open shadow root; colour contrast needs layout, which
// happy-dom lacks (the palettes' contrast is checked in internal/theme.styles.test.ts). Best
// practices apply too, except those about the test page itself (a main landmark, an h1).
const AXE_OPTIONS: axe.RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
  rules: {
    'color-contrast': { enabled: false },
    region: { enabled: false },
    'landmark-one-main': { enabled: false },
    'page-has-heading-one': { enabled: false },
  },
};

beforeAll(() => {
  document.documentElement.lang = 'en';
  document.title = 'Account';
});
afterEach(() => document.body.replaceChildren());

async function violations(): Promise<string[]> {
  const { violations } = await axe.run(document, AXE_OPTIONS);
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.html}`));
}

async function open(replies = {}) {
  const el = await switcherWith(signedInClient(replies));
  const button = find(el, '#button');
  button.focus();
  press(button, 'Enter');
  await settle(el);
  return el;
}

describe('axe finds nothing on the switcher', () => {
  it('closed, in light and dark', async () => {
    const el = await switcherWith(signedInClient());
    expect(await violations()).toEqual([]);
    el.theme = 'dark';
    await el.updateComplete;
    expect(await violations()).toEqual([]);
  });

  it('open with the three kinds of organizations', async () => {
    await open();
    expect(await violations()).toEqual([]);
  });

  it('loading, then empty', async () => {
    const answer = deferred<object>();
    const el = await open({ [LIST]: () => answer.promise });
    expect(await violations()).toEqual([]);
    answer.resolve(listReply([]));
    await settle(el);
    expect(await violations()).toEqual([]);
  });

  it('a failed list, and a switch in progress', async () => {
    await open({ [LIST]: fixtureErrorEnvelope('internal_server_error', 500) });
    expect(await violations()).toEqual([]);
    document.body.replaceChildren();
    const el = await open({ [EXCHANGE]: () => new Promise<never>(() => {}) });
    press(el.shadowRoot!.activeElement!, 'ArrowDown');
    press(el.shadowRoot!.activeElement!, 'Enter');
    await el.updateComplete;
    expect(find(el, '[aria-checked="false"] .spinner')).toBeTruthy();
    expect(await violations()).toEqual([]);
  });
});
