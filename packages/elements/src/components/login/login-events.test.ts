import { OrgAuthError, type LoginState } from '@orgauth/core';
import { fixtureMember, fixtureOrganization } from '@orgauth/core/testing';
import { describe, expect, it } from 'vitest';
import { OrgAuthErrorEvent } from '../../events/error.js';
import { OrgAuthSessionCreatedEvent } from '../../events/session-created.js';
import type { OrgAuthSessionEndedEvent } from '../../events/session-ended.js';
import { OrgAuthStepChangeEvent } from '../../events/step-change.js';
import { transitionEvents } from './login-events.js';

const email: LoginState = { step: 'email', email: '', busy: false, error: null, flow: null };
const signedIn = {
  step: 'signed-in',
  member: fixtureMember(),
  organization: fixtureOrganization(),
  flow: null,
} as const;

describe('transitionEvents', () => {
  it('announces nothing for the first state', () => {
    expect(transitionEvents(signedIn, undefined, 'revoked')).toEqual([]);
  });

  it('announces a step change, and a created session on entering signed-in', () => {
    const events = transitionEvents(signedIn, { step: 'authenticating', flow: null }, 'revoked');
    expect(events.map((e) => e.constructor)).toEqual([OrgAuthStepChangeEvent, OrgAuthSessionCreatedEvent]);
    expect((events[1] as OrgAuthSessionCreatedEvent).detail).toEqual({
      member: signedIn.member,
      organization: signedIn.organization,
    });
    expect(events.every((e) => e.bubbles && e.composed)).toBe(true);
  });

  it('announces the end of a session with the given reason', () => {
    const events = transitionEvents(email, signedIn, 'signed-out');
    expect(events.map((e) => e.type)).toEqual(['orgauth-step-change', 'orgauth-session-ended']);
    expect((events[1] as OrgAuthSessionEndedEvent).detail.reason).toBe('signed-out');
  });

  it('announces each new error once', () => {
    const error = new OrgAuthError('network_error', 'offline');
    const failed: LoginState = { ...email, error } as LoginState;
    const first = transitionEvents(failed, { ...email, busy: true } as LoginState, 'revoked');
    expect(first).toHaveLength(1);
    expect(first[0]).toBeInstanceOf(OrgAuthErrorEvent);
    expect((first[0] as OrgAuthErrorEvent).detail.error).toBe(error);
    expect(transitionEvents({ ...failed, email: 'a' } as LoginState, failed, 'revoked')).toEqual([]);
  });
});
