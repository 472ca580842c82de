import { fixtureErrorEnvelope, fixtureOrganization } from '@orgauth/core/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../account.js';
import { recordOrgAuthEvents, typesOf } from '../../events/orgauth-event.fixtures.js';
import { accountClient } from '../../internal/account.fixtures.js';
import { find, mount, settle, type } from '../../internal/test-helpers.js';
import { OrgAuthOrganizationSettings } from './organization-settings.js';

const ME = 'GET /b2b/organizations/me';
const UPDATE = 'PUT /b2b/organizations/me';
const ACME = fixtureOrganization();
const reply = (organization = ACME) => ({ request_id: 'r', status_code: 200, organization });

afterEach(() => document.body.replaceChildren());

describe('orgauth-event from <orgauth-organization-settings>', () => {
  it('a refused save (error), then a saved one (organization_updated)', async () => {
    const saved = { ...ACME, organization_name: 'Acme Corp' };
    const test = accountClient(['stytch_admin'], {
      [ME]: reply(),
      [UPDATE]: fixtureErrorEnvelope('organization_slug_already_used', 409),
    });
    const el = new OrgAuthOrganizationSettings();
    el.client = test.client;
    await mount(el);
    await vi.waitFor(() => find(el, 'form'));
    await settle(el);
    const events = recordOrgAuthEvents();
    type(find<HTMLInputElement>(el, '#name'), 'Acme Corp');
    find<HTMLFormElement>(el, 'form').requestSubmit();
    await vi.waitFor(() => expect(events).toHaveLength(1));
    test.transport.reply(UPDATE, reply(saved));
    find<HTMLFormElement>(el, 'form').requestSubmit();
    await vi.waitFor(() => expect(events).toHaveLength(2));
    expect(typesOf(events)).toEqual(['error', 'organization_updated']);
    expect(events[1]).toEqual({
      type: 'organization_updated',
      data: { organization: saved, changed: ['organization_name'] },
    });
  });
});
