import { ContextConsumer } from '@lit/context';
import { OrgAuthError, type B2BClient } from '@orgauth/core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { orgAuthClientContext } from '../context.js';
import { OrgAuthErrorEvent } from '../events/error.js';
import { reportUncaught } from '../internal/report-error.js';
import { createOwnClient } from './own-client.js';

/** An OrgAuth element whose client a {@link ClientController} resolves: its reactive properties. */
export interface ClientHost extends ReactiveControllerHost, HTMLElement {
  /** The client set as a property; wins over a provider's and over `public-token`. */
  client: B2BClient | undefined;
  /** Script-tag convenience: the public token of a client the element builds for itself. */
  publicToken: string | undefined;
  /** With `public-token`: origin of the OrgAuth server. Default `location.origin`. */
  baseUrl: string | undefined;
  /**
   * Set by framework wrappers that assign `client` only after hydration (`@orgauth/react` renders
   * `awaiting-client` into server HTML): until the client arrives, its absence is not an error.
   */
  awaitingClient: boolean;
}

/**
 * Finds the client of an OrgAuth element (docs/architecture.md P6), in order: its `client` property, the client of
 * an ancestor `<orgauth-provider>`, or — the script-tag convenience — one it builds from its
 * `public-token` and `base-url`, stopped when the element leaves the page or something better comes.
 * With none of them it holds a usage error that says how to fix it, fires it as `orgauth-error` and
 * throws it once (through `reportError`); not while a provider is above or `awaiting-client` is set,
 * where the client is only late.
 *
 * It resolves in `hostUpdate`, after the host's `willUpdate`: read {@link client} from `update()`
 * or `render()`.
 */
export class ClientController implements ReactiveController {
  /** The resolved client, or undefined. */
  client: B2BClient | undefined;
  /** Why there is no client, when that is the page's mistake; null otherwise. */
  usageError: OrgAuthError | null = null;
  readonly #host: ClientHost;
  readonly #provided: ContextConsumer<typeof orgAuthClientContext, ClientHost>;
  readonly #own = createOwnClient();
  /** An `<orgauth-provider>` answered: a missing client is then "not yet", not a usage error. */
  #underProvider = false;
  /** False until an update has looked for a client (and after the own client was dropped). */
  #resolved = false;
  #thrown = false;

  constructor(host: ClientHost) {
    this.#host = host;
    this.#provided = new ContextConsumer(host, {
      context: orgAuthClientContext,
      subscribe: true,
      callback: () => (this.#underProvider = true),
    });
    host.addController(this);
  }

  hostConnected(): void {
    // Back on the page after the own client was dropped: the next update builds a fresh one.
    if (!this.#resolved) this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    // A client the element built for itself is its to stop; it is rebuilt on reconnection.
    if (!this.#own.drop()) return;
    this.client = undefined;
    this.#resolved = false;
  }

  hostUpdate(): void {
    const host = this.#host;
    const given = host.client ?? this.#provided.value;
    // An own client stays alive only while nothing better is given.
    if (given) this.#own.drop();
    const client = given ?? this.#own.get(host.publicToken, host.baseUrl);
    if (this.#resolved && client === this.client) return;
    this.#resolved = true;
    this.client = client;
    this.usageError = null;
    if (client || this.#underProvider || host.awaitingClient) return;
    const tag = host.localName;
    this.usageError = new OrgAuthError(
      'invalid_usage',
      `<${tag}> has no client: set its client property, its public-token attribute, or place it inside <orgauth-provider>.`,
    );
    host.dispatchEvent(new OrgAuthErrorEvent({ error: this.usageError }));
    if (!this.#thrown) reportUncaught(this.usageError);
    this.#thrown = true;
  }
}
