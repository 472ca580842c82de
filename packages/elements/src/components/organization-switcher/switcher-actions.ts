import type { B2BClient } from '@orgauth/core';
import type { Organization } from '@orgauth/core/protocol';
import type { ReactiveControllerHost } from 'lit';
import { OrgAuthCreateOrganizationEvent } from '../../events/create-organization.js';
import { OrgAuthOrganizationSwitchedEvent } from '../../events/organization-switched.js';
import { OrgAuthSessionEndedEvent } from '../../events/session-ended.js';
import type { SwitcherMenu } from './switcher-menu.js';
import type { SwitcherList } from './switcher-view.js';

/** What the actions read from their element. */
export interface SwitcherActionsParts {
  client(): B2BClient | undefined;
  menu: SwitcherMenu;
  /** Reports a failure (the element fires `orgauth-error`). */
  fail(error: unknown): void;
}

/**
 * What the switcher's menu does with the client: list the organizations (on each opening, so a new
 * invitation shows), switch, sign out, and ask the app to create an organization. Its fields are
 * what the panel shows; each change asks the element to render again.
 */
export class SwitcherActions {
  list: SwitcherList = { status: 'idle', organizations: [] };
  /** The organization being switched to, `sign-out`, or null. */
  busy: string | null = null;
  /** The last failed switch or sign-out, shown until the next action. */
  failure: unknown = null;
  /** The project allows creating organizations (bootstrap `create_organization_enabled`). */
  canCreate = false;
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #parts: SwitcherActionsParts;
  #client: B2BClient | undefined;
  /** Numbers list requests, so an older answer never overwrites a newer one. */
  #loads = 0;

  constructor(host: ReactiveControllerHost & HTMLElement, parts: SwitcherActionsParts) {
    this.#host = host;
    this.#parts = parts;
  }

  /** Follows the element's client: another client starts from an empty list and its own settings. */
  bind(client: B2BClient | undefined): void {
    if (client === this.#client) return;
    this.#client = client;
    this.list = { status: 'idle', organizations: [] };
    this.canCreate = false;
    client?.bootstrap().then(
      (settings) => {
        if (this.#client !== client) return;
        this.canCreate = settings.create_organization_enabled;
        this.#host.requestUpdate();
      },
      // Without the project's settings the menu simply offers no "Create organization".
      () => {},
    );
  }

  /** Loads the organizations the session's email can use. */
  async load(): Promise<void> {
    const client = this.#parts.client();
    if (!client) return;
    const load = ++this.#loads;
    this.failure = null;
    this.list = { status: 'loading', organizations: this.list.organizations };
    this.#host.requestUpdate();
    try {
      const { discovered_organizations } = await client.discovery.organizations.list();
      if (load === this.#loads) this.list = { status: 'ready', organizations: discovered_organizations };
    } catch (error) {
      if (load !== this.#loads) return;
      this.list = { status: 'error', organizations: this.list.organizations, error };
      this.#parts.fail(error);
    }
    this.#host.requestUpdate();
  }

  /** Carries out the menu item `item` (an organization or a command). */
  activate(item: HTMLElement, current: Organization): void {
    if (this.busy) return;
    const { organizationId, command } = item.dataset;
    if (organizationId) void this.#switch(organizationId, current);
    else if (command === 'retry') void this.load();
    else if (command === 'sign-out') void this.#signOut();
    else if (command === 'create') {
      const event = new OrgAuthCreateOrganizationEvent();
      this.#host.dispatchEvent(event);
      this.#parts.menu.close(!event.defaultPrevented);
    }
  }

  async #switch(organizationId: string, current: Organization): Promise<void> {
    const client = this.#parts.client();
    if (!client || organizationId === current.organization_id) return this.#parts.menu.close(true);
    await this.#run(organizationId, async () => {
      const response = await client.session.exchange({ organization_id: organizationId });
      // The list's memberships changed (an invitation accepted, a domain joined): load it afresh next time.
      this.list = { status: 'idle', organizations: [] };
      this.#parts.menu.close(true);
      // Another organization may ask for other factors: the store then holds an intermediate session.
      if (client.store.getState().status !== 'signed-in') return;
      const { organization, member } = response;
      this.#host.dispatchEvent(
        new OrgAuthOrganizationSwitchedEvent({ organization, member, previousOrganizationId: current.organization_id }),
      );
    });
  }

  async #signOut(): Promise<void> {
    const client = this.#parts.client();
    if (!client) return;
    await this.#run('sign-out', async () => {
      try {
        // `forceClear`: this browser is signed out even when the server cannot be reached.
        await client.session.revoke({ forceClear: true });
      } finally {
        if (client.store.getState().status !== 'signed-in')
          this.#host.dispatchEvent(new OrgAuthSessionEndedEvent({ reason: 'signed-out' }));
      }
    });
  }

  /** Runs one action with `busy` set, keeping its failure to show in the panel. */
  async #run(busy: string, action: () => Promise<void>): Promise<void> {
    this.busy = busy;
    this.failure = null;
    this.#host.requestUpdate();
    try {
      await action();
    } catch (error) {
      this.failure = error;
      this.#parts.fail(error);
    } finally {
      this.busy = null;
      this.#host.requestUpdate();
    }
  }
}
