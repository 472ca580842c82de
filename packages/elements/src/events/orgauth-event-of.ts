import type { OrgAuthMemberChange } from './member-change.js';
import { OrgAuthEvent, type OrgAuthEventDetail, type OrgAuthEventType } from './orgauth-event.js';

/** The specific events that have an `orgauth-event` twin. */
type SpecificEventName =
  | 'orgauth-step-change'
  | 'orgauth-session-created'
  | 'orgauth-session-ended'
  | 'orgauth-error'
  | 'orgauth-navigate'
  | 'orgauth-organization-switched'
  | 'orgauth-create-organization'
  | 'orgauth-member-change'
  | 'orgauth-organization-updated';

const MEMBER_TYPES = {
  invited: 'member_invited',
  'invite-resent': 'invite_resent',
  'invite-revoked': 'invite_revoked',
  'roles-changed': 'member_roles_changed',
  removed: 'member_removed',
  reactivated: 'member_reactivated',
} as const satisfies Record<OrgAuthMemberChange, OrgAuthEventType>;

// Keyed by event name and typed through GlobalEventHandlersEventMap, so the event classes are not
// imported: the login's bundle does not carry the account elements' events.
const TWINS: { [K in SpecificEventName]: (event: GlobalEventHandlersEventMap[K]) => OrgAuthEventDetail } = {
  'orgauth-step-change': ({ detail }) => ({ type: 'step_changed', data: detail }),
  'orgauth-session-created': ({ detail }) => ({ type: 'signed_in', data: detail }),
  'orgauth-session-ended': ({ detail }) => ({ type: 'session_ended', data: detail }),
  'orgauth-error': ({ detail }) => ({ type: 'error', data: detail }),
  'orgauth-navigate': ({ detail }) => ({ type: 'navigate', data: detail }),
  'orgauth-organization-switched': ({ detail }) => ({ type: 'organization_switched', data: detail }),
  'orgauth-create-organization': () => ({ type: 'create_organization_chosen', data: {} }),
  'orgauth-member-change': ({ detail }) => ({ type: MEMBER_TYPES[detail.change], data: { member: detail.member } }),
  'orgauth-organization-updated': ({ detail }) => ({ type: 'organization_updated', data: detail }),
};

/** The `orgauth-event` detail a specific `orgauth-*` event stands for; null for any other event. */
export function orgAuthEventOf(event: Event): OrgAuthEventDetail | null {
  if (!Object.hasOwn(TWINS, event.type)) return null;
  return (TWINS[event.type as SpecificEventName] as (event: Event) => OrgAuthEventDetail)(event);
}

/**
 * Dispatches `event` with `dispatch`, then its `orgauth-event` twin when it has one. The elements'
 * `dispatchEvent` runs every event through here, so each specific event their parts fire (login
 * steps, switcher, members and settings actions) is followed by its twin without those parts knowing.
 *
 * @returns what dispatching `event` returned (false when a cancelable event was canceled).
 */
export function dispatchWithOrgAuthEvent(event: Event, dispatch: (event: Event) => boolean): boolean {
  // Some DOMs (happy-dom) dispatch by calling `dispatchEvent` again on every target of the path, so
  // the element's override is re-entered mid-dispatch, also for events passing through it; only the
  // first call, before any phase began, is a dispatch of the element's own.
  if (event.eventPhase !== Event.NONE) return dispatch(event);
  const result = dispatch(event);
  const detail = orgAuthEventOf(event);
  if (detail) dispatch(new OrgAuthEvent(detail));
  return result;
}
