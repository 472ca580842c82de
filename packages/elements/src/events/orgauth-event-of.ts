import { OrgAuthEvent, type OrgAuthEventDetail, type OrgAuthEventType } from './orgauth-event.js';

/**
 * Specific event names and the `orgauth-event` type of their twin (for a member change, by its
 * `change`). The twin's `data` is the event's `detail`; `OrgAuthEventMap` types it so.
 */
export type OrgAuthEventTwins = Readonly<Record<string, OrgAuthEventType | Readonly<Record<string, OrgAuthEventType>>>>;

/**
 * The twins of the events every element may fire; `account-twins.ts` adds the account elements'
 * own, kept apart so the login's bundle carries neither their names nor their types.
 */
export const TWINS = {
  'orgauth-step-change': 'step_changed',
  'orgauth-session-created': 'signed_in',
  'orgauth-session-ended': 'session_ended',
  'orgauth-error': 'error',
  'orgauth-navigate': 'navigate',
} as const satisfies OrgAuthEventTwins;

/** The `orgauth-event` detail `event` stands for under `twins`; null for any other event. */
export function orgAuthEventOf(event: Event, twins: OrgAuthEventTwins = TWINS): OrgAuthEventDetail | null {
  if (!Object.hasOwn(twins, event.type)) return null;
  const twin = twins[event.type]!;
  const { detail } = event as Event & { detail: { change?: string } };
  const type = typeof twin === 'string' ? twin : twin[detail.change!];
  return type ? ({ type, data: detail } as OrgAuthEventDetail) : null;
}

/**
 * Dispatches `event` with `dispatch`, then its `orgauth-event` twin when it has one. The elements'
 * `dispatchEvent` runs every event through here, so each specific event their parts fire (login
 * steps, switcher, members and settings actions) is followed by its twin without those parts knowing.
 *
 * @returns what dispatching `event` returned (false when a cancelable event was canceled).
 */
export function dispatchWithOrgAuthEvent(
  event: Event,
  dispatch: (event: Event) => boolean,
  twins: OrgAuthEventTwins = TWINS,
): boolean {
  // Some DOMs (happy-dom) dispatch by calling `dispatchEvent` again on every target of the path, so
  // the element's override is re-entered mid-dispatch, also for events passing through it; only the
  // first call, before any phase began, is a dispatch of the element's own.
  if (event.eventPhase !== Event.NONE) return dispatch(event);
  const result = dispatch(event);
  const detail = orgAuthEventOf(event, twins);
  if (detail) dispatch(new OrgAuthEvent(detail));
  return result;
}
