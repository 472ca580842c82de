import { createStore } from 'zustand/vanilla';
import { createBootstrap } from './bootstrap.js';
import type { B2BClientOptions, ClientBase } from './client-types.js';
import { OrgAuthError } from './errors.js';
import type { FlowDeps } from './flows/deps.js';
import { createSessionsFlow } from './flows/sessions.js';
import { browserPlatform } from './platform/browser.js';
import { SESSION_DURATION_MINUTES } from './protocol/constants.js';
import { createSessionCookies } from './session/cookies.js';
import { createSessionRefresher } from './session/refresh.js';
import { createSessionManager } from './session/session-manager.js';
import { initialAuthState, parseCachedState, stateKey } from './session/state-cache.js';
import type { AuthState } from './state/auth-state.js';
import { createHttpTransport } from './transport/http.js';

/** A flow factory: builds one namespace of the client (`client.discovery`, …) from its dependencies. */
export type FlowFactory = (deps: FlowDeps) => unknown;

/** The client {@link createClient} returns: the base with one member per flow factory passed. */
export type ComposedClient<F extends Record<string, FlowFactory>> = ClientBase & {
  readonly [K in keyof F]: ReturnType<F[K]>;
};

function assertOptions(caller: string, { publicToken, baseUrl, sessionDurationMinutes: minutes }: B2BClientOptions) {
  const { min, max } = SESSION_DURATION_MINUTES;
  const problem = !publicToken
    ? '`publicToken` is required'
    : !URL.canParse(baseUrl)
      ? '`baseUrl` must be an absolute URL'
      : minutes !== undefined && !(Number.isInteger(minutes) && minutes >= min && minutes <= max)
        ? `\`sessionDurationMinutes\` must be an integer from ${min} to ${max}`
        : null;
  if (problem) throw new OrgAuthError('invalid_usage', `${caller}: ${problem}.`);
}

/**
 * Builds the client's base (platform → transport → store → session manager → session flow and its
 * refresher) and the given flows over it; returns the client and the dependencies the flows got, for
 * `createB2BClient`'s extras (client.ts).
 */
export function composeClient<F extends Record<string, FlowFactory>>(
  caller: string,
  options: B2BClientOptions,
  flows: F,
): { client: ComposedClient<F>; deps: FlowDeps } {
  assertOptions(caller, options);
  const { publicToken } = options;
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const platform = options.platform ?? browserPlatform();
  const cookies = createSessionCookies(platform, options.cookieOptions);
  const key = stateKey(publicToken);
  const cached = parseCachedState(platform.storage.get(key), platform.now());
  const hasSessionCookie = cookies.sessionToken() !== undefined;
  // A cache without its cookie describes a session that ended elsewhere: forget it.
  if (!hasSessionCookie && platform.storage.get(key) !== null) platform.storage.remove(key);
  const store = createStore<AuthState>()(() => initialAuthState(cached, hasSessionCookie));

  const session = createSessionManager({ platform, store, cookies, stateKey: key });
  const http = createHttpTransport({
    baseUrl,
    publicToken,
    platform,
    getSessionToken: session.getSessionToken,
    getTelemetryIds: () => {
      const state = store.getState();
      return state.status === 'signed-in'
        ? { member_id: state.member.member_id, member_session_id: state.session.member_session_id }
        : {};
    },
    onApiError: session.handleApiError,
  });
  const deps: FlowDeps = {
    http,
    session,
    store,
    platform,
    baseUrl,
    publicToken,
    sessionDurationMinutes: options.sessionDurationMinutes ?? SESSION_DURATION_MINUTES.default,
    redirectUrls: options.redirectUrls ?? {},
    bootstrap: createBootstrap(http, publicToken),
  };
  const sessions = createSessionsFlow(deps);
  const refresher = createSessionRefresher({ platform, store, authenticate: () => sessions.authenticate() });
  const client = {
    publicToken,
    baseUrl,
    store,
    bootstrap: deps.bootstrap,
    session: sessions,
    destroy() {
      refresher.stop();
      session.destroy();
    },
  } as ComposedClient<F>;
  for (const name in flows) (client as Record<string, unknown>)[name] = flows[name]?.(deps);
  refresher.start();
  return { client, deps };
}

/**
 * Creates a headless client with only the flows passed: a bundler drops the others' code, so an app
 * that signs in elsewhere and lists organizations pays for discovery and sessions only. The base
 * (store, cookies, `client.session` and its background refresh, `bootstrap`, `destroy`) is always there.
 * `createB2BClient` (client.ts) is this with every flow, plus `authenticateByUrl` and `createLogin`.
 * @throws {OrgAuthError} `invalid_usage` for a missing public token or a bad base URL.
 * @example
 * const client = createClient({ publicToken, baseUrl }, { discovery: createDiscoveryFlow });
 * await client.discovery.organizations.list();
 */
export function createClient<F extends Record<string, FlowFactory> = Record<never, FlowFactory>>(
  options: B2BClientOptions,
  flows: F = {} as F,
): ComposedClient<F> {
  return composeClient('createClient', options, flows).client;
}
