import { fixtureErrorEnvelope, fixtureOrganization } from '@orgauth/core/testing';
import axe from 'axe-core';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import '../../account.js';
import { accountClient } from '../../internal/account.fixtures.js';
import { find, findAll, mount, recordEvents, settle, textOf, type } from '../../internal/test-helpers.js';
import { OrgAuthOrganizationSettings } from './organization-settings.js';

const ME = 'GET /b2b/organizations/me';
const UPDATE = 'PUT /b2b/organizations/me';
const ACME = fixtureOrganization({ email_allowed_domains: ['acme.test'], email_jit_provisioning: 'RESTRICTED' });
const reply = (organization = ACME) => ({ request_id: 'r', status_code: 200, organization });

beforeAll(() => {
  document.documentElement.lang = 'en';
  document.title = 'Settings';
});
afterEach(() => document.body.replaceChildren());

async function settings(roles: string[], replies = {}) {
  const test = accountClient(roles, { [ME]: reply(), ...replies });
  const el = new OrgAuthOrganizationSettings();
  el.client = test.client;
  const events = recordEvents(el, ['orgauth-organization-updated', 'orgauth-error']);
  await mount(el);
  await vi.waitFor(() => find(el, 'form'));
  await settle(el);
  return { el, events, ...test };
}

const input = (el: OrgAuthOrganizationSettings, id: string) => find<HTMLInputElement>(el, `#${id}`);
const save = async (el: OrgAuthOrganizationSettings) => {
  find<HTMLFormElement>(el, 'form').requestSubmit();
  await settle(el);
};
const updates = (transport: { requests: { method: string; path: string; body: unknown }[] }) =>
  transport.requests.filter((r) => r.method === 'PUT').map((r) => r.body);

describe('<orgauth-organization-settings>', () => {
  it('shows every setting as the server has it', async () => {
    const { el } = await settings(['stytch_admin']);
    expect(input(el, 'name').value).toBe('Acme Inc.');
    expect(input(el, 'slug').value).toBe('acme-inc');
    expect(input(el, 'domains').value).toBe('acme.test');
    expect(find<HTMLSelectElement>(el, '#jit').value).toBe('RESTRICTED');
    expect(find<HTMLSelectElement>(el, '#invites').value).toBe('ALL_ALLOWED');
    expect(find<HTMLInputElement>(el, 'input[value="ALL_ALLOWED"]').checked).toBe(true);
  });

  it('an admin edits; only the changed fields are sent, and the save is announced', async () => {
    const saved = { ...ACME, organization_name: 'Acme Corp', email_invites: 'RESTRICTED' as const };
    const { el, transport, events } = await settings(['stytch_admin'], { [UPDATE]: reply(saved) });
    type(input(el, 'name'), '  Acme Corp ');
    const invites = find<HTMLSelectElement>(el, '#invites');
    invites.value = 'RESTRICTED';
    invites.dispatchEvent(new Event('change'));
    await save(el);
    await vi.waitFor(() => expect(textOf(find(el, '[role="status"]'))).toBe('Settings saved.'));
    expect(updates(transport)).toEqual([{ organization_name: 'Acme Corp', email_invites: 'RESTRICTED' }]);
    expect(events.map((e) => e.type)).toEqual(['orgauth-organization-updated']);
    expect(input(el, 'name').value).toBe('Acme Corp');
  });

  it('restricting sign-in methods sends auth_methods with allowed_auth_methods', async () => {
    const { el, transport } = await settings(['stytch_admin'], { [UPDATE]: reply() });
    find<HTMLInputElement>(el, 'input[value="RESTRICTED"][type="radio"]').click();
    await settle(el);
    await save(el);
    expect(textOf(find(el, '#authMethods-error'))).toBe('Choose at least one sign-in method, or allow every method.');
    expect(updates(transport)).toEqual([]);
    find<HTMLInputElement>(el, 'input[value="sso"]').click();
    find<HTMLInputElement>(el, 'input[value="magic_link"]').click();
    await save(el);
    expect(updates(transport)).toEqual([{ auth_methods: 'RESTRICTED', allowed_auth_methods: ['sso', 'magic_link'] }]);
  });

  it('checks the fields in words before sending, and focuses the first wrong one', async () => {
    const { el, transport } = await settings(['stytch_admin']);
    type(input(el, 'slug'), 'Not A Slug');
    type(input(el, 'logo'), 'javascript:alert(1)');
    type(input(el, 'domains'), 'acme.test, not_a_domain');
    await save(el);
    expect(textOf(find(el, '#slug-error'))).toContain('lowercase letters');
    expect(textOf(find(el, '#logo-error'))).toBe(
      'Enter a full address starting with https:// or http://, or leave it empty.',
    );
    expect(textOf(find(el, '#domains-error'))).toBe('“not_a_domain” is not a domain. Use names like acme.com.');
    expect(input(el, 'slug').getAttribute('aria-invalid')).toBe('true');
    expect(textOf(find(el, '[role="alert"]'))).toBe('Some settings need attention before they can be saved.');
    expect(el.shadowRoot!.activeElement).toBe(input(el, 'slug'));
    expect(updates(transport)).toEqual([]);
  });

  it('a taken slug is shown under the slug field; another refusal above the form', async () => {
    const { el, transport, events } = await settings(['stytch_admin'], {
      [UPDATE]: fixtureErrorEnvelope('organization_slug_already_used', 400),
    });
    type(input(el, 'slug'), 'globex');
    await save(el);
    await vi.waitFor(() => expect(textOf(find(el, '#slug-error'))).toBe('That URL is taken. Try another.'));
    transport.reply(UPDATE, fixtureErrorEnvelope('unauthorized_action', 403));
    type(input(el, 'slug'), 'acme-2');
    await save(el);
    await vi.waitFor(() => expect(textOf(find(el, '[role="alert"]'))).toBe('You are not allowed to do that.'));
    expect(events.map((e) => e.type)).toEqual(['orgauth-error', 'orgauth-error']);
  });

  it('a member without update permissions sees every setting read-only and no save', async () => {
    const { el } = await settings(['stytch_member']);
    expect(textOf(find(el, '[part~="read-only"]'))).toBe('Your role lets you see these settings, not change them.');
    for (const id of ['name', 'slug', 'logo', 'domains']) expect(input(el, id).readOnly, id).toBe(true);
    expect(find<HTMLSelectElement>(el, '#jit').disabled).toBe(true);
    expect(findAll<HTMLInputElement>(el, '[part~="auth-methods"] input').every((i) => i.disabled)).toBe(true);
    expect(findAll(el, 'button[type="submit"]')).toHaveLength(0);
  });

  it('a failed load says why in words and tries again', async () => {
    const test = accountClient(['stytch_admin'], { [ME]: fixtureErrorEnvelope('internal_server_error', 500) });
    const el = new OrgAuthOrganizationSettings();
    el.client = test.client;
    await mount(el);
    await vi.waitFor(() =>
      expect(textOf(find(el, '[role="alert"]'))).toBe('The server had a problem. Please try again in a moment.'),
    );
    test.transport.reply(ME, reply());
    find<HTMLButtonElement>(el, '[part~="secondary-button"]').click();
    await vi.waitFor(() => expect(input(el, 'name').value).toBe('Acme Inc.'));
  });

  it('axe finds nothing, editable or read-only', async () => {
    const run = async () =>
      (
        await axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
          rules: { 'color-contrast': { enabled: false } },
        })
      ).violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.html}`));
    const { el } = await settings(['stytch_admin']);
    type(input(el, 'slug'), 'Bad Slug');
    await save(el);
    expect(await run()).toEqual([]);
    document.body.replaceChildren();
    await settings(['stytch_member']);
    expect(await run()).toEqual([]);
  });
});
