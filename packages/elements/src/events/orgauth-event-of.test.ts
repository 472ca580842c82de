import { OrgAuthError } from '@orgauth/core';
import { fixtureMember, fixtureOrganization } from '@orgauth/core/testing';
import { describe, expect, it } from 'vitest';
import { OrgAuthCreateOrganizationEvent } from './create-organization.js';
import { OrgAuthErrorEvent } from './error.js';
import { OrgAuthMemberChangeEvent } from './member-change.js';
import { OrgAuthNavigateEvent } from './navigate.js';
import { OrgAuthOrganizationSwitchedEvent } from './organization-switched.js';
import { OrgAuthOrganizationUpdatedEvent } from './organization-updated.js';
import { ACCOUNT_TWINS } from './account-twins.js';
import { dispatchWithOrgAuthEvent, orgAuthEventOf } from './orgauth-event-of.js';
import { OrgAuthEvent } from './orgauth-event.js';
import { OrgAuthSessionCreatedEvent } from './session-created.js';
import { OrgAuthSessionEndedEvent } from './session-ended.js';
import { OrgAuthStepChangeEvent } from './step-change.js';

const member = fixtureMember();
const organization = fixtureOrganization();

describe('orgAuthEventOf', () => {
  it('gives each specific event its twin, with the detail as data', () => {
    const error = new OrgAuthError('network_error', 'offline');
    const switched = { organization, member, previousOrganizationId: 'organization-test-previous' };
    const twins = [
      new OrgAuthStepChangeEvent({ step: 'email-sent' }),
      new OrgAuthSessionCreatedEvent({ member, organization }),
      new OrgAuthSessionEndedEvent({ reason: 'signed-out' }),
      new OrgAuthErrorEvent({ error }),
      new OrgAuthNavigateEvent({ url: 'https://idp.test/start' }),
      new OrgAuthOrganizationSwitchedEvent(switched),
      new OrgAuthCreateOrganizationEvent(),
      new OrgAuthOrganizationUpdatedEvent({ organization, changed: ['organization_name'] }),
    ].map((event) => orgAuthEventOf(event, ACCOUNT_TWINS));
    expect(twins).toEqual([
      { type: 'step_changed', data: { step: 'email-sent' } },
      { type: 'signed_in', data: { member, organization } },
      { type: 'session_ended', data: { reason: 'signed-out' } },
      { type: 'error', data: { error } },
      { type: 'navigate', data: { url: 'https://idp.test/start' } },
      { type: 'organization_switched', data: switched },
      { type: 'create_organization_chosen', data: {} },
      { type: 'organization_updated', data: { organization, changed: ['organization_name'] } },
    ]);
  });

  it('names each member change, its data the change and the member', () => {
    const changes = ['invited', 'invite-resent', 'invite-revoked', 'roles-changed', 'removed', 'reactivated'] as const;
    const twins = changes.map((change) =>
      orgAuthEventOf(new OrgAuthMemberChangeEvent({ change, member }), ACCOUNT_TWINS),
    );
    expect(twins.map((twin) => twin?.data)).toEqual(changes.map((change) => ({ change, member })));
    expect(twins.map((twin) => twin?.type)).toEqual([
      'member_invited',
      'invite_resent',
      'invite_revoked',
      'member_roles_changed',
      'member_removed',
      'member_reactivated',
    ]);
  });

  it('has no twin for other events, itself included', () => {
    expect(orgAuthEventOf(new Event('click'))).toBeNull();
    expect(orgAuthEventOf(new Event('toString'))).toBeNull();
    expect(orgAuthEventOf(new Event('constructor'))).toBeNull();
    expect(orgAuthEventOf(new OrgAuthEvent({ type: 'switcher_opened', data: {} }))).toBeNull();
    // The login's twins (the default) leave the account elements' events out.
    expect(orgAuthEventOf(new OrgAuthCreateOrganizationEvent())).toBeNull();
  });
});

describe('dispatchWithOrgAuthEvent', () => {
  it('dispatches the event, then its bubbling, composed twin, and answers whether it was canceled', () => {
    const target = document.createElement('div');
    document.body.append(target);
    const seen: Event[] = [];
    for (const type of ['orgauth-navigate', 'orgauth-event']) document.addEventListener(type, (e) => seen.push(e));
    target.addEventListener('orgauth-navigate', (e) => e.preventDefault());
    const dispatch = (event: Event) => target.dispatchEvent(event);
    const result = dispatchWithOrgAuthEvent(new OrgAuthNavigateEvent({ url: 'https://idp.test' }), dispatch);
    expect(result).toBe(false);
    expect(seen.map((e) => e.type)).toEqual(['orgauth-navigate', 'orgauth-event']);
    expect(seen[1]).toBeInstanceOf(OrgAuthEvent);
    expect(seen[1]?.bubbles && seen[1]?.composed).toBe(true);
    expect(dispatchWithOrgAuthEvent(new Event('click'), dispatch)).toBe(true);
    expect(seen).toHaveLength(2);
    target.remove();
  });
});
