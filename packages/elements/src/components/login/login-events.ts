import type { LoginState, SessionEndReason } from '@orgauth/core';
import { OrgAuthErrorEvent } from '../../events/error.js';
import { OrgAuthEvent } from '../../events/orgauth-event.js';
import { OrgAuthSessionCreatedEvent } from '../../events/session-created.js';
import { OrgAuthSessionEndedEvent } from '../../events/session-ended.js';
import { OrgAuthStepChangeEvent } from '../../events/step-change.js';
import { loginFlowEvents } from './login-flow-events.js';

/**
 * The DOM events one login-machine transition stands for (docs/architecture.md P9: the core only has
 * `subscribe`; elements translate). Pure, so the mapping is tested without rendering. Beside the specific
 * events, the `orgauth-event`s of `loginFlowEvents`; the element follows each specific event with its
 * own `orgauth-event` twin (`events/orgauth-event-of.ts`).
 *
 * @param endReason - why a session shown as signed in went away: `signed-out` when this element's
 *   "Sign out" caused it; otherwise the client gives no reason, and the session was taken away.
 */
export function transitionEvents(
  next: LoginState,
  previous: LoginState | undefined,
  endReason: SessionEndReason,
): Event[] {
  const events: Event[] = [];
  const changed = previous && next.step !== previous.step;
  if (changed) events.push(new OrgAuthStepChangeEvent({ step: next.step }));
  for (const detail of loginFlowEvents(next, previous)) events.push(new OrgAuthEvent(detail));
  if (changed) {
    if (next.step === 'signed-in')
      events.push(new OrgAuthSessionCreatedEvent({ member: next.member, organization: next.organization }));
    if (previous.step === 'signed-in') events.push(new OrgAuthSessionEndedEvent({ reason: endReason }));
  }
  const error = 'error' in next ? next.error : null;
  const previousError = previous && 'error' in previous ? previous.error : null;
  if (error && error !== previousError) events.push(new OrgAuthErrorEvent({ error }));
  return events;
}
