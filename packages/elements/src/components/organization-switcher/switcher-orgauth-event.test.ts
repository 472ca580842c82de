import { fixtureErrorEnvelope } from '@orgauth/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import '../../account.js';
import { recordOrgAuthEvents, typesOf } from '../../events/orgauth-event.fixtures.js';
import { find, settle, textOf } from '../../internal/test-helpers.js';
import type { OrgAuthOrganizationSwitcher } from './organization-switcher.js';
import { globex, LIST, press, signedInClient, switcherWith } from './switcher.fixtures.js';

afterEach(() => document.body.replaceChildren());

const focusedText = (el: OrgAuthOrganizationSwitcher) =>
  textOf((el.shadowRoot?.activeElement as HTMLElement | null)?.querySelector('.name'));

/** Opens the menu and picks the item whose name starts with `letter` (type-ahead), or the last with `End`. */
async function choose(el: OrgAuthOrganizationSwitcher, key: string): Promise<void> {
  press(find(el, '#button'), 'Enter');
  await settle(el);
  press(el.shadowRoot!.activeElement!, key);
  press(el.shadowRoot!.activeElement!, 'Enter');
  await settle(el);
}

describe('orgauth-event from <orgauth-organization-switcher>', () => {
  it('opened, switched; opened, create chosen; opened, signed out', async () => {
    const el = await switcherWith(signedInClient());
    const events = recordOrgAuthEvents();
    await choose(el, 'g');
    document.addEventListener('orgauth-create-organization', (e) => e.preventDefault(), { once: true });
    press(find(el, '#button'), 'Enter');
    await settle(el);
    press(el.shadowRoot!.activeElement!, 'End');
    press(el.shadowRoot!.activeElement!, 'ArrowUp');
    expect(focusedText(el)).toBe('Create organization');
    press(el.shadowRoot!.activeElement!, 'Enter');
    await settle(el);
    await choose(el, 'End');
    expect(typesOf(events)).toEqual([
      'switcher_opened',
      'organization_switched',
      'switcher_opened',
      'create_organization_chosen',
      'switcher_opened',
      'session_ended',
    ]);
    const switched = events[1];
    expect(switched?.type === 'organization_switched' && switched.data.organization.organization_id).toBe(
      globex.organization_id,
    );
    expect(events.at(-1)).toEqual({ type: 'session_ended', data: { reason: 'signed-out' } });
  });

  it('opened, and the list failed: error', async () => {
    const el = await switcherWith(signedInClient({ [LIST]: fixtureErrorEnvelope('too_many_requests', 429) }));
    const events = recordOrgAuthEvents();
    press(find(el, '#button'), 'Enter');
    await settle(el);
    expect(typesOf(events)).toEqual(['switcher_opened', 'error']);
  });
});
