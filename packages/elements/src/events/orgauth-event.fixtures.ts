/** Shared set-up of the `orgauth-event` tests of each element. */
import type { OrgAuthEvent, OrgAuthEventDetail, OrgAuthEventType } from './orgauth-event.js';

/** Every `orgauth-event` detail that reaches `target` from now on, in order (a live array). */
export function recordOrgAuthEvents(target: EventTarget = document): OrgAuthEventDetail[] {
  const details: OrgAuthEventDetail[] = [];
  target.addEventListener('orgauth-event', (e) => details.push((e as OrgAuthEvent).detail));
  return details;
}

/** The `type`s of `details`, to compare a flow's sequence at a glance. */
export const typesOf = (details: OrgAuthEventDetail[]): OrgAuthEventType[] => details.map((d) => d.type);
