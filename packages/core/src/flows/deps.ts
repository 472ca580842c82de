import type { StoreApi } from 'zustand/vanilla';
import type { BootstrapResponse } from '../protocol/types.js';
import type { Platform } from '../platform/types.js';
import type { SessionManager } from '../session/session-manager.js';
import type { AuthState } from '../state/auth-state.js';
import type { HttpTransport } from '../transport/http.js';

/** What every flow receives from the composition root (`client.ts`). */
export interface FlowDeps {
  http: HttpTransport;
  session: SessionManager;
  /** The auth store, for reading; every write goes through `session`. */
  store: StoreApi<AuthState>;
  /** For navigations that leave the page (SSO and OAuth starts). */
  platform: Platform;
  /** Origin of the OrgAuth server, without a trailing slash. */
  baseUrl: string;
  publicToken: string;
  /** Length of the sessions this client creates, in minutes. */
  sessionDurationMinutes: number;
  redirectUrls: { discovery?: string; login?: string; signup?: string };
  /** The project's SDK settings, loaded once (OAuth starts read their host and PKCE rule from it). */
  bootstrap: () => Promise<BootstrapResponse>;
}

/**
 * `T` whose optional fields also accept `undefined`, which the JSON body drops: options can then be
 * passed straight from a configuration object whose fields may be unset (the login machine does).
 */
export type WithUndefined<T> = { [K in keyof T]: undefined extends T[K] ? T[K] | undefined : T[K] };
