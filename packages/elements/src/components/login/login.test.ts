import { OrgAuthError } from '@orgauth/core';
import { fixtureErrorEnvelope } from '@orgauth/core/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../define.js';
import type { OrgAuthErrorEvent } from '../../events/error.js';
import { button, find, findAll, mount, recordEvents, textOf, untilStep } from '../../internal/test-helpers.js';
import { OrgAuthLogin } from './login.js';
import {
  DISCOVERY_AUTHENTICATE,
  REDIRECT_HREF,
  discoveryReply,
  loginWith,
  signedInState,
  testClient,
} from './login.fixtures.js';

afterEach(() => {
  document.body.replaceChildren();
  vi.unstubAllGlobals();
});

describe('<orgauth-login> screens', () => {
  it('email: a real form with a labelled email field and a submit button', async () => {
    const el = await loginWith(testClient());
    expect(find(el, '[part~="card"]').dataset.step).toBe('email');
    expect(textOf(find(el, 'h2'))).toBe('Sign in or create an organization');
    const input = find<HTMLInputElement>(el, 'form input');
    expect(input.type).toBe('email');
    expect(input.name).toBe('email');
    expect(input.getAttribute('autocomplete')).toBe('email');
    expect(input.required).toBe(true);
    expect(textOf(find(el, `label[for="${input.id}"]`))).toBe('Work email');
    const submit = find<HTMLButtonElement>(el, 'button[type="submit"]');
    expect(textOf(submit)).toBe('Continue with email');
    expect(submit.getAttribute('part')).toBe('submit-button');
    expect(find(el, '[role="alert"]').textContent?.trim()).toBe('');
  });

  it('authenticating: a spinner in a status region while the link token is exchanged', async () => {
    const { client } = testClient({
      href: REDIRECT_HREF,
      replies: { [DISCOVERY_AUTHENTICATE]: () => new Promise(() => {}) },
    });
    const el = await loginWith(client);
    await untilStep(el, 'authenticating');
    const status = find(el, '[role="status"]');
    expect(textOf(status)).toBe('Signing you in…');
    expect(status.querySelector('.spinner')).not.toBeNull();
  });

  it('choose-organization: one button per organization with its slug and membership', async () => {
    const { client } = testClient({
      href: REDIRECT_HREF,
      replies: { [DISCOVERY_AUTHENTICATE]: discoveryReply(['Acme Inc.', 'Globex']) },
    });
    const el = await loginWith(client);
    await untilStep(el, 'choose-organization');
    expect(textOf(find(el, 'h2'))).toBe('Choose an organization');
    const orgs = findAll(el, '[part~="org-button"]');
    expect(orgs.map((b) => textOf(b))).toEqual(['Acme Inc. acme-inc · Member', 'Globex globex · Member']);
    expect(button(el, 'Create an organization')).toBeDefined();
  });

  it('choose-organization: says so when there is no organization yet', async () => {
    const { client } = testClient({ href: REDIRECT_HREF, replies: { [DISCOVERY_AUTHENTICATE]: discoveryReply([]) } });
    const el = await loginWith(client);
    await untilStep(el, 'choose-organization');
    expect(textOf(find(el, '[part~="empty"]'))).toBe("You're not a member of any organization yet.");
    expect(findAll(el, '[part~="org-button"]')).toHaveLength(0);
  });

  it('create-organization: name and slug fields, and back to the list', async () => {
    const { client } = testClient({
      href: REDIRECT_HREF,
      replies: { [DISCOVERY_AUTHENTICATE]: discoveryReply(['Acme Inc.']) },
    });
    const el = await loginWith(client);
    await untilStep(el, 'choose-organization');
    button(el, 'Create an organization').click();
    await untilStep(el, 'create-organization');
    expect(textOf(find(el, 'h2'))).toBe('Create an organization');
    expect(find<HTMLInputElement>(el, 'input[name="organization_name"]').required).toBe(true);
    expect(find<HTMLInputElement>(el, 'input[name="organization_slug"]').value).toBe('');
    button(el, 'Back').click();
    await untilStep(el, 'choose-organization');
  });

  it('signed-in: the member and the organization, and "Sign out"', async () => {
    const el = await loginWith(testClient({ state: signedInState() }));
    expect(find(el, '[part~="card"]').dataset.step).toBe('signed-in');
    expect(textOf(find(el, 'h2'))).toBe('Signed in');
    expect(textOf(find(el, '.intro'))).toBe('ada@acme.test in Acme Inc.');
    expect(button(el, 'Sign out')).toBeDefined();
  });

  it('error: a used or expired link says so and offers to sign in by email instead', async () => {
    const { client } = testClient({
      href: REDIRECT_HREF,
      replies: { [DISCOVERY_AUTHENTICATE]: fixtureErrorEnvelope('magic_link_not_found', 404) },
    });
    const el = await loginWith(client);
    await untilStep(el, 'error');
    expect(textOf(find(el, '[role="alert"]'))).toBe(
      'This invite or sign-in link has expired or was already used. Sign in with your email instead.',
    );
    button(el, 'Sign in with email instead').click();
    await untilStep(el, 'email');
  });
});

describe('<orgauth-login> safety and setup', () => {
  it('renders a hostile organization name as text', async () => {
    const name = '<img src=x onerror=alert(1)>';
    const { client } = testClient({
      href: REDIRECT_HREF,
      replies: { [DISCOVERY_AUTHENTICATE]: discoveryReply([name]) },
    });
    const el = await loginWith(client);
    await untilStep(el, 'choose-organization');
    expect(textOf(find(el, '.org-name'))).toBe(name);
    expect(el.shadowRoot?.querySelector('img')).toBeNull();
  });

  it('without a client: shows how to fix it, fires orgauth-error, and throws once', async () => {
    const reportError = vi.fn();
    vi.stubGlobal('reportError', reportError);
    const el = new OrgAuthLogin();
    const events = recordEvents(document, ['orgauth-error']);
    await mount(el);
    expect(textOf(find(el, '[role="alert"]'))).toBe(
      '<orgauth-login> has no client: set its client property, its public-token attribute, or place it inside <orgauth-provider>.',
    );
    expect(reportError).toHaveBeenCalledTimes(1);
    const thrown: unknown = reportError.mock.calls[0]?.[0];
    expect(thrown).toBeInstanceOf(OrgAuthError);
    expect((thrown as OrgAuthError).code).toBe('invalid_usage');
    expect((events[0] as OrgAuthErrorEvent).detail.error).toBe(thrown);

    el.theme = 'dark'; // any later update must not throw again
    await el.updateComplete;
    el.remove();
    await mount(el);
    expect(reportError).toHaveBeenCalledTimes(1);

    el.client = testClient().client; // and a client set later recovers the element
    await untilStep(el, 'email');
  });

  it('waits for a client set right after connection before complaining', async () => {
    const reportError = vi.fn();
    vi.stubGlobal('reportError', reportError);
    const el = new OrgAuthLogin();
    document.body.append(el);
    el.client = testClient().client;
    await el.updateComplete;
    expect(reportError).not.toHaveBeenCalled();
    expect(find(el, '[part~="card"]').dataset.step).toBe('email');
  });

  it('with awaiting-client (server-rendered by a framework): a spinner, no error, until the client comes', async () => {
    const reportError = vi.fn();
    vi.stubGlobal('reportError', reportError);
    const host = document.createElement('div');
    host.innerHTML = '<orgauth-login awaiting-client></orgauth-login>';
    const el = host.querySelector('orgauth-login') as OrgAuthLogin;
    const events = recordEvents(document, ['orgauth-error']);
    document.body.append(host);
    await el.updateComplete;
    expect(el.awaitingClient).toBe(true);
    expect(find(el, '[part~="spinner"]')).toBeTruthy();
    expect(find(el, '[part~="card"]').getAttribute('aria-busy')).toBe('true');
    expect(reportError).not.toHaveBeenCalled();
    expect(events).toEqual([]);
    el.client = testClient().client;
    await untilStep(el, 'email');
  });

  it('reflects the theme attribute and delegates focus', async () => {
    const el = await loginWith(testClient());
    expect(el.getAttribute('theme')).toBe('light');
    el.theme = 'auto';
    await el.updateComplete;
    expect(el.getAttribute('theme')).toBe('auto');
    expect(OrgAuthLogin.shadowRootOptions.delegatesFocus).toBe(true);
  });

  it('uses overridden messages', async () => {
    const el = new OrgAuthLogin();
    el.client = testClient().client;
    el.messages = { 'email.heading': 'Welcome to Acme' };
    await mount(el);
    expect(textOf(find(el, 'h2'))).toBe('Welcome to Acme');
  });
});
