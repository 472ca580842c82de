/**
 * `orgauth-create-organization`: the person chose "Create organization" in the switcher. Creating an
 * organization is a discovery call that needs an intermediate session (`discovery.organizations.create`,
 * docs/wire-protocol.md), which a signed-in page does not hold, so the app runs its own creation flow
 * (for instance a discovery `<orgauth-login>`). Cancelable: unless `preventDefault()` is called the
 * switcher closes its menu and puts focus back on its button; an app that opens its own dialog calls
 * `preventDefault()` so that focus stays where the dialog put it. Bubbles and is composed.
 */
export class OrgAuthCreateOrganizationEvent extends Event {
  readonly detail: Record<string, never> = {};
  constructor() {
    super('orgauth-create-organization', { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'orgauth-create-organization': OrgAuthCreateOrganizationEvent;
  }
}
