import type { AuthState, B2BClient } from '@orgauth/core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { StoreController } from '../controllers/store-controller.js';

/** Which of some actions on one resource the signed-in member may take; null until known. */
export type Permissions<A extends string> = Record<A, boolean> | null;

/** A role the signed-in member may grant, from the project's policy and the organization's own roles. */
export interface GrantableRole {
  role_id: string;
  description: string;
}

/**
 * What a signed-in surface depends on: who is signed in, to which organization, with which roles.
 * A change of any of them is another session for the element (other permissions, other data).
 */
const sessionKey = (state: AuthState): string | null =>
  state.status === 'signed-in'
    ? `${state.member.member_id} ${state.organization.organization_id} ${(state.session.roles ?? []).join(',')}`
    : null;

/**
 * Binds a signed-in surface to its client's session: follows the store, asks
 * `client.rbac.isAuthorized(resource, action)` for each action the element offers whenever the
 * session changes, and tells the element (`onSession`) so it loads its data again. These answers
 * only decide what is shown; the server checks every call by itself.
 */
export class AccountSession<A extends string> implements ReactiveController {
  /** The actions allowed, or null while they are being decided (or without a session). */
  permissions: Permissions<A> = null;
  readonly #host: ReactiveControllerHost;
  readonly #store: StoreController<AuthState, string | null>;
  readonly #resource: string;
  readonly #actions: readonly A[];
  readonly #onSession: (client: B2BClient | undefined) => void;
  #bound: { client: B2BClient | undefined; key: string | null } | undefined;
  #generation = 0;

  constructor(
    host: ReactiveControllerHost,
    resource: string,
    actions: readonly A[],
    onSession: (client: B2BClient | undefined) => void,
  ) {
    this.#host = host;
    this.#resource = resource;
    this.#actions = actions;
    this.#onSession = onSession;
    this.#store = new StoreController<AuthState, string | null>(host, sessionKey);
    host.addController(this);
  }

  /** True while a member is signed in (the store's state, cached or confirmed). */
  get signedIn(): boolean {
    return this.#store.value != null;
  }

  /** Call from the host's `update()` with the resolved client: rebinds when client or session changed. */
  sync(client: B2BClient | undefined): void {
    this.#store.setSource(client?.store);
    const key = this.#store.value ?? null;
    if (this.#bound && this.#bound.client === client && this.#bound.key === key) return;
    this.#bound = { client, key };
    this.permissions = null;
    const generation = ++this.#generation;
    const live = key === null ? undefined : client;
    if (live) {
      const resource = this.#resource;
      void Promise.all(this.#actions.map((action) => live.rbac.isAuthorized(resource, action))).then((answers) => {
        if (generation !== this.#generation) return;
        this.permissions = Object.fromEntries(this.#actions.map((action, i) => [action, answers[i]])) as Record<
          A,
          boolean
        >;
        this.#host.requestUpdate();
      });
    }
    this.#onSession(live);
  }

  hostConnected(): void {
    if (!this.#bound) this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    // Answers arriving after the element left are dropped; reconnection binds afresh.
    this.#generation++;
    this.#bound = undefined;
  }
}

/**
 * The roles a member may be given: the project's policy roles (bootstrap `rbac_policy`) and the
 * organization's custom roles, without `stytch_member`, which every member holds implicitly.
 */
export async function grantableRoles(client: B2BClient): Promise<GrantableRole[]> {
  const settings = await client.bootstrap().catch(() => null);
  const state = client.store.getState();
  const custom = state.status === 'signed-in' ? (state.organization.custom_roles ?? []) : [];
  const roles = [...(settings?.rbac_policy?.roles ?? []), ...custom];
  const seen = new Set<string>(['stytch_member']);
  return roles
    .filter((role) => !seen.has(role.role_id) && seen.add(role.role_id))
    .map(({ role_id, description }) => ({ role_id, description }));
}
