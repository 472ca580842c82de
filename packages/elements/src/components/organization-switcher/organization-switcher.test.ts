import { fixtureErrorEnvelope } from '@orgauth/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import '../../account.js';
import { find, findAll, recordEvents, settle, textOf } from '../../internal/test-helpers.js';
import { deferred } from '../login/login.fixtures.js';
import type { OrgAuthOrganizationSwitcher } from './organization-switcher.js';
import { EXCHANGE, globex, LIST, listReply, press, REVOKE, signedInClient, switcherWith } from './switcher.fixtures.js';

afterEach(() => document.body.replaceChildren());

const items = (el: OrgAuthOrganizationSwitcher) => findAll(el, '[role^="menuitem"]');
const focused = (el: OrgAuthOrganizationSwitcher) => el.shadowRoot?.activeElement as HTMLElement | null;
const focusedText = (el: OrgAuthOrganizationSwitcher) => textOf(focused(el)?.querySelector('.name'));

async function openWith(el: OrgAuthOrganizationSwitcher, key = 'Enter') {
  const button = find(el, '#button');
  button.focus();
  press(button, key);
  await settle(el);
  return button;
}

describe('<orgauth-organization-switcher>', () => {
  it('shows the current organization on a menu button, and nothing when signed out', async () => {
    const test = signedInClient();
    const el = await switcherWith(test);
    const button = find(el, '#button');
    expect(textOf(button)).toBe('Acme Inc.');
    expect(find(el, '#button [part~="initials"]').dataset.initials).toBe('AI');
    expect(button.getAttribute('aria-label')).toBe('Acme Inc., switch organization');
    expect(button.getAttribute('aria-haspopup')).toBe('menu');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(button.getAttribute('aria-controls')).toBe('menu');
    expect(find(el, '#menu').getAttribute('role')).toBe('menu');
    test.client.store.setState({ status: 'signed-out' }, true);
    await el.updateComplete;
    expect(el.shadowRoot?.querySelector('button')).toBeNull();
  });

  it('lists each organization with its membership in words; the current one is checked', async () => {
    const el = await switcherWith(signedInClient());
    await openWith(el);
    expect(find(el, '#button').getAttribute('aria-expanded')).toBe('true');
    expect(find(el, '#panel').hidden).toBe(false);
    const organizations = findAll(el, '[role="menuitemradio"]');
    expect(organizations.map((o) => [textOf(o.querySelector('.name')), textOf(o.querySelector('.hint'))])).toEqual([
      ['Acme Inc.', 'Current organization'],
      ['Umbrella', 'Member'],
      ['Globex Corporation', 'Invited: switch to accept'],
      ['Initech', 'You can join with your email domain'],
    ]);
    expect(organizations.map((o) => o.getAttribute('aria-checked'))).toEqual(['true', 'false', 'false', 'false']);
    expect(
      items(el)
        .map((i) => textOf(i.querySelector('.name')))
        .slice(4),
    ).toEqual(['Create organization', 'Sign out']);
  });

  it('says it is loading, then that there is no other organization', async () => {
    const answer = deferred<object>();
    const el = await switcherWith(signedInClient({ [LIST]: () => answer.promise }));
    await openWith(el);
    expect(textOf(find(el, '[role="status"]'))).toBe('Loading your organizations…');
    expect(focusedText(el)).toBe('Acme Inc.');
    answer.resolve(listReply([]));
    await settle(el);
    expect(textOf(find(el, '[role="status"]'))).toBe('You are not a member of any other organization.');
  });

  it('says in words when the list fails, and tries again from the menu', async () => {
    const test = signedInClient({ [LIST]: fixtureErrorEnvelope('too_many_requests', 429) });
    const el = await switcherWith(test);
    const errors = recordEvents(el, ['orgauth-error']);
    await openWith(el);
    expect(textOf(find(el, '[role="alert"]'))).toBe('Too many attempts. Wait a minute and try again.');
    expect(errors).toHaveLength(1);
    test.transport.reply(LIST, listReply());
    press(focused(el)!, 'End');
    press(focused(el)!, 'ArrowUp');
    press(focused(el)!, 'ArrowUp');
    expect(focusedText(el)).toBe('Try again');
    press(focused(el)!, 'Enter');
    await settle(el);
    expect(textOf(find(el, '[role="alert"]'))).toBe('');
    expect(findAll(el, '[role="menuitemradio"]')).toHaveLength(4);
  });

  it('switches with session.exchange: store, event, focus back on the button', async () => {
    const test = signedInClient();
    const el = await switcherWith(test);
    const events = recordEvents(document, ['orgauth-organization-switched']);
    const button = await openWith(el);
    press(focused(el)!, 'g');
    expect(focusedText(el)).toBe('Globex Corporation');
    press(focused(el)!, ' ');
    await el.updateComplete;
    expect(textOf(find(el, '[role="status"]'))).toBe('Switching to Globex Corporation…');
    await settle(el);
    const exchange = test.transport.requests.find((r) => r.path === '/b2b/sessions/exchange');
    expect(exchange?.body).toMatchObject({ organization_id: globex.organization_id });
    const state = test.client.store.getState();
    expect(state.status === 'signed-in' && state.organization.organization_name).toBe('Globex Corporation');
    expect(textOf(find(el, '#button .name'))).toBe('Globex Corporation');
    expect(events).toHaveLength(1);
    expect((events[0] as CustomEvent).detail).toMatchObject({
      organization: { organization_id: globex.organization_id },
      previousOrganizationId: 'organization-test-00000000-0000-4000-8000-000000000001',
    });
    expect(el.open).toBe(false);
    expect(focused(el)).toBe(button);
  });

  it('keeps the menu open with the refusal in words when the switch fails', async () => {
    const el = await switcherWith(signedInClient({ [EXCHANGE]: fixtureErrorEnvelope('unauthorized_action', 403) }));
    await openWith(el);
    press(focused(el)!, 'i');
    press(focused(el)!, 'Enter');
    await settle(el);
    expect(el.open).toBe(true);
    expect(textOf(find(el, '[role="alert"]'))).toBe('You are not allowed to do that.');
    expect(focusedText(el)).toBe('Initech');
  });

  it('signs out with session.revoke and fires orgauth-session-ended', async () => {
    const test = signedInClient();
    const el = await switcherWith(test);
    const ended = recordEvents(el, ['orgauth-session-ended']);
    await openWith(el, 'ArrowUp');
    expect(focusedText(el)).toBe('Sign out');
    press(focused(el)!, 'Enter');
    await settle(el);
    expect(test.transport.requests.some((r) => r.path === '/b2b/sessions/revoke')).toBe(true);
    expect(test.client.store.getState().status).toBe('signed-out');
    expect((ended[0] as CustomEvent).detail).toEqual({ reason: 'signed-out' });
    expect(el.shadowRoot?.querySelector('button')).toBeNull();
    expect(REVOKE).toBe('POST /b2b/sessions/revoke');
  });

  it('"Create organization" only when the project allows it; a cancelable event for the app', async () => {
    const denied = await switcherWith(signedInClient({}, false));
    await openWith(denied);
    expect(items(denied).map((i) => textOf(i))).not.toContain('Create organization');
    denied.remove();

    const el = await switcherWith(signedInClient());
    const button = await openWith(el);
    document.addEventListener('orgauth-create-organization', (e) => e.preventDefault(), { once: true });
    press(focused(el)!, 'End');
    press(focused(el)!, 'ArrowUp');
    expect(focusedText(el)).toBe('Create organization');
    press(focused(el)!, 'Enter');
    await el.updateComplete;
    // Canceled: the app moves focus itself (to its dialog); otherwise focus returns to the button.
    expect(el.open).toBe(false);
    expect(focused(el)).not.toBe(button);
    await openWith(el, 'ArrowUp');
    press(focused(el)!, 'ArrowUp');
    press(focused(el)!, 'Enter');
    await el.updateComplete;
    expect(focused(el)).toBe(button);
    el.disableCreateOrganization = true;
    await openWith(el);
    expect(items(el).map((i) => textOf(i))).not.toContain('Create organization');
  });

  it('shows the logo, and the initials when it fails to load', async () => {
    const test = signedInClient();
    const state = test.client.store.getState();
    if (state.status !== 'signed-in') throw new Error('seeded signed in');
    test.client.store.setState({
      ...state,
      organization: { ...state.organization, organization_logo_url: 'https://cdn.example.test/acme.png' },
    });
    const el = await switcherWith(test);
    const img = find<HTMLImageElement>(el, '#button img');
    expect(img.getAttribute('src')).toBe('https://cdn.example.test/acme.png');
    expect(img.alt).toBe('');
    img.dispatchEvent(new Event('error'));
    await el.updateComplete;
    expect(el.shadowRoot?.querySelector('#button img')).toBeNull();
    expect(find(el, '#button [part="initials"]').dataset.initials).toBe('AI');
  });
});
