import { fixtureAuthenticateResponse, fixtureErrorEnvelope, fixtureOrganization } from '@orgauth/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import '../../define.js';
import type { OrgAuthErrorEvent } from '../../events/error.js';
import type { OrgAuthSessionCreatedEvent } from '../../events/session-created.js';
import type { OrgAuthSessionEndedEvent } from '../../events/session-ended.js';
import type { OrgAuthStepChangeEvent } from '../../events/step-change.js';
import { button, find, findAll, recordEvents, settle, textOf, type, untilStep } from '../../internal/test-helpers.js';
import type { OrgAuthLogin } from './login.js';
import {
  CREATE,
  DISCOVERY_AUTHENTICATE,
  EXCHANGE,
  REDIRECT_HREF,
  REVOKE,
  SEND,
  deferred,
  discoveryReply,
  loginWith,
  signedInState,
  testClient,
} from './login.fixtures.js';

afterEach(() => document.body.replaceChildren());

const steps = (events: Event[]) =>
  events.filter((e) => e.type === 'orgauth-step-change').map((e) => (e as OrgAuthStepChangeEvent).detail.step);

async function submitEmail(el: OrgAuthLogin, email: string): Promise<void> {
  find<HTMLInputElement>(el, 'input[name="email"]').value = email;
  find<HTMLFormElement>(el, 'form').requestSubmit();
  await el.updateComplete;
}

async function atChooseOrganization(names: string[]) {
  const test = testClient({ href: REDIRECT_HREF, replies: { [DISCOVERY_AUTHENTICATE]: discoveryReply(names) } });
  const el = await loginWith(test.client);
  await untilStep(el, 'choose-organization');
  return { ...test, el };
}

describe('email → check your email', () => {
  it('sends the discovery link, shows progress, then names the address', async () => {
    const { client, transport } = testClient();
    const answer = deferred<object>();
    transport.reply(SEND, () => answer.promise);
    const el = await loginWith(client);
    const events = recordEvents(el, ['orgauth-step-change']);
    await submitEmail(el, 'ada@acme.test');

    const submit = find<HTMLButtonElement>(el, 'button[type="submit"]');
    expect(submit.disabled).toBe(true);
    expect(submit.querySelector('.spinner')).not.toBeNull();
    expect(find(el, 'form').getAttribute('aria-busy')).toBe('true');

    answer.resolve({ request_id: 'r', status_code: 200 });
    await untilStep(el, 'email-sent');
    expect(transport.requests.find((r) => `${r.method} ${r.path}` === SEND)?.body).toMatchObject({
      email_address: 'ada@acme.test',
    });
    expect(textOf(find(el, 'h2'))).toBe('Check your email');
    expect(textOf(find(el, '.intro'))).toBe('We sent a sign-in link to ada@acme.test');
    expect(textOf(find(el, '.intro b'))).toBe('ada@acme.test');
    expect(steps(events)).toEqual(['email-sent']);
    expect(el.shadowRoot?.activeElement).toBe(find(el, 'h2'));
  });

  it('resends the link and goes back to change the address', async () => {
    const { client, transport } = testClient({ replies: { [SEND]: { request_id: 'r', status_code: 200 } } });
    const el = await loginWith(client);
    await submitEmail(el, 'ada@acme.test');
    await untilStep(el, 'email-sent');
    button(el, 'Resend').click();
    await settle(el);
    expect(transport.requests.filter((r) => `${r.method} ${r.path}` === SEND)).toHaveLength(2);
    expect(textOf(find(el, '[role="status"]'))).toBe('We sent another link.');
    button(el, 'Use a different email').click();
    await untilStep(el, 'email');
    expect(find<HTMLInputElement>(el, 'input[name="email"]').value).toBe('ada@acme.test');
    expect(el.shadowRoot?.activeElement).toBe(find(el, 'input[name="email"]'));
  });

  it('shows a refusal in words and fires orgauth-error', async () => {
    const { client } = testClient({ replies: { [SEND]: fixtureErrorEnvelope('too_many_requests', 429) } });
    const el = await loginWith(client);
    const events = recordEvents(document, ['orgauth-error']);
    await submitEmail(el, 'ada@acme.test');
    await settle(el);
    expect(find(el, '[part~="card"]').dataset.step).toBe('email');
    expect(textOf(find(el, '[role="alert"]'))).toBe('Too many attempts. Wait a minute and try again.');
    expect(find(el, 'input[name="email"]').getAttribute('aria-invalid')).toBe('true');
    expect(el.shadowRoot?.activeElement).toBe(find(el, 'input[name="email"]'));
    expect(events).toHaveLength(1);
    expect((events[0] as OrgAuthErrorEvent).detail.error).toMatchObject({
      code: 'api_error',
      errorType: 'too_many_requests',
    });
  });
});

describe('choose an organization', () => {
  it('exchanges the intermediate session, marks the busy button, and signs in', async () => {
    const { el, transport } = await atChooseOrganization(['Acme Inc.', 'Globex']);
    const globex = fixtureOrganization({
      organization_id: 'organization-test-00000000-0000-4000-8000-000000000002',
      organization_name: 'Globex',
      organization_slug: 'globex',
    });
    const answer = deferred<object>();
    transport.reply(EXCHANGE, () => answer.promise);
    const events = recordEvents(document, ['orgauth-session-created', 'orgauth-step-change']);

    const [, second] = findAll<HTMLButtonElement>(el, '[part~="org-button"]');
    second?.click();
    await el.updateComplete;
    expect(second?.getAttribute('aria-busy')).toBe('true');
    expect(second?.querySelector('.spinner')).not.toBeNull();
    expect(findAll<HTMLButtonElement>(el, '[part~="org-button"]').every((b) => b.disabled)).toBe(true);

    answer.resolve(fixtureAuthenticateResponse({ organization: globex }));
    await untilStep(el, 'signed-in');
    expect(transport.requests.find((r) => `${r.method} ${r.path}` === EXCHANGE)?.body).toMatchObject({
      organization_id: globex.organization_id,
    });
    expect(textOf(find(el, '.intro'))).toBe('ada@acme.test in Globex');
    const created = events.find((e) => e.type === 'orgauth-session-created') as OrgAuthSessionCreatedEvent;
    expect(created.detail.organization.organization_name).toBe('Globex');
    expect(created.detail.member.email_address).toBe('ada@acme.test');
    expect(created.bubbles && created.composed).toBe(true);
    expect(steps(events)).toEqual(['signed-in']);
  });

  it('keeps the list and says why when the exchange fails', async () => {
    const { el, transport } = await atChooseOrganization(['Acme Inc.']);
    transport.reply(EXCHANGE, fixtureErrorEnvelope('intermediate_session_not_found', 404));
    find<HTMLButtonElement>(el, '[part~="org-button"]').click();
    await settle(el);
    expect(find(el, '[part~="card"]').dataset.step).toBe('choose-organization');
    expect(textOf(find(el, '[role="alert"]'))).toBe('Your sign-in has expired. Please start over.');
    expect(find<HTMLButtonElement>(el, '[part~="org-button"]').disabled).toBe(false);
  });
});

describe('create an organization', () => {
  async function atCreate() {
    const test = await atChooseOrganization([]);
    button(test.el, 'Create an organization').click();
    await untilStep(test.el, 'create-organization');
    const name = find<HTMLInputElement>(test.el, 'input[name="organization_name"]');
    const slug = () => find<HTMLInputElement>(test.el, 'input[name="organization_slug"]');
    const slugError = () => textOf(find(test.el, '#slug-error'));
    return { ...test, name, slug, slugError };
  }

  it('suggests the slug from the name until it is edited, and checks its format live', async () => {
    const { el, name, slug, slugError } = await atCreate();
    expect(el.shadowRoot?.activeElement).toBe(name);
    type(name, 'Acme Rockets');
    await el.updateComplete;
    expect(slug().value).toBe('acme-rockets');
    type(slug(), 'Rockets!');
    await el.updateComplete;
    expect(slugError()).toBe('Use 2–128 lowercase letters, digits, and - . _ ~, starting with a letter or digit.');
    expect(slug().getAttribute('aria-invalid')).toBe('true');
    type(slug(), 'rockets');
    type(name, 'Acme Rockets GmbH');
    await el.updateComplete;
    expect(slug().value).toBe('rockets');
    expect(slugError()).toBe('');
  });

  it('reports a taken slug on the slug field, then creates with another one', async () => {
    const { el, transport, name, slug, slugError } = await atCreate();
    transport.reply(CREATE, fixtureErrorEnvelope('organization_slug_already_used', 409));
    type(name, 'Acme');
    await el.updateComplete;
    find<HTMLFormElement>(el, 'form').requestSubmit();
    await settle(el);
    expect(transport.requests.find((r) => `${r.method} ${r.path}` === CREATE)?.body).toMatchObject({
      organization_name: 'Acme',
      organization_slug: 'acme',
    });
    expect(slugError()).toBe('That URL is taken. Try another.');
    expect(slug().getAttribute('aria-invalid')).toBe('true');
    expect(el.shadowRoot?.activeElement).toBe(slug());
    expect(textOf(find(el, '[role="alert"]'))).toBe('');

    const acme2 = fixtureOrganization({ organization_name: 'Acme', organization_slug: 'acme-2' });
    transport.reply(CREATE, fixtureAuthenticateResponse({ organization: acme2 }));
    type(slug(), 'acme-2');
    await el.updateComplete;
    expect(slugError()).toBe('');
    find<HTMLFormElement>(el, 'form').requestSubmit();
    await untilStep(el, 'signed-in');
    expect(textOf(find(el, '.intro'))).toBe('ada@acme.test in Acme');
  });

  it('does not send an empty form', async () => {
    const { el, transport, name } = await atCreate();
    find<HTMLFormElement>(el, 'form').requestSubmit();
    await settle(el);
    expect(transport.requests.some((r) => `${r.method} ${r.path}` === CREATE)).toBe(false);
    expect(textOf(find(el, '#name-error'))).toBe('Enter a name for your organization.');
    expect(el.shadowRoot?.activeElement).toBe(name);
  });
});

describe('sign out', () => {
  it('revokes the session, fires orgauth-session-ended, and returns to the email step', async () => {
    const { client, transport } = testClient({
      state: signedInState(),
      replies: { [REVOKE]: { request_id: 'r', status_code: 200 } },
    });
    const el = await loginWith(client);
    const events = recordEvents(document, ['orgauth-session-ended', 'orgauth-step-change']);
    button(el, 'Sign out').click();
    await untilStep(el, 'email');
    expect(transport.requests.some((r) => `${r.method} ${r.path}` === REVOKE)).toBe(true);
    expect(client.store.getState().status).toBe('signed-out');
    const ended = events.find((e) => e.type === 'orgauth-session-ended') as OrgAuthSessionEndedEvent;
    expect(ended.detail).toEqual({ reason: 'signed-out' });
    expect(steps(events)).toEqual(['email']);
  });
});

describe('session taken away elsewhere', () => {
  it('fires orgauth-session-ended with the reason the client recorded ("expired") and shows the email step', async () => {
    const { client, transport } = testClient({ state: signedInState() });
    const el = await loginWith(client);
    const events = recordEvents(document, ['orgauth-session-ended']);
    // The server rejects the session: an unrecoverable error makes the client clear it.
    transport.reply('POST /b2b/sessions/authenticate', fixtureErrorEnvelope('session_not_found', 404));
    await client.session.authenticate().catch(() => undefined);
    await untilStep(el, 'email');
    expect(client.session.lastEndReason()).toBe('expired');
    expect((events[0] as OrgAuthSessionEndedEvent | undefined)?.detail.reason).toBe('expired');
  });
});
