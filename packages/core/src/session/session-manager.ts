import type { StoreApi } from 'zustand/vanilla';
import { isOrgAuthApiError, type OrgAuthApiError } from '../errors.js';
import type { Platform } from '../platform/types.js';
import { UNRECOVERABLE_ERROR_TYPES } from '../protocol/errors.js';
import type { B2BAuthenticateMfaResponse } from '../protocol/mfa-types.js';
import type {
  DiscoveredOrganization,
  DiscoveryAuthenticateResponse,
  DiscoveryOrganizationsResponse,
} from '../protocol/types.js';
import type { AuthState } from '../state/auth-state.js';
import type { SessionCookies } from './cookies.js';
import { type CachedSessionState, parseCachedState, writeCachedState } from './state-cache.js';

/** Why a session ended (the `orgauth-session-ended` event's `detail.reason`). */
export type SessionEndReason = 'signed-out' | 'expired' | 'revoked';

/**
 * The only writer of tokens and of the auth store; flows call it with responses.
 *
 * Tabs share the cookies, so an answer can arrive after another tab has signed in or out. An answer
 * about an existing session (revalidation, revoke, an unrecoverable error) is applied only while the
 * session cookie still holds the token its request carried ({@link SessionManager.isCurrent}). A
 * sign-in made in this tab (magic link, SSO, discovery exchange, organization create) is applied
 * whatever the cookie holds: the person acted here last, and the answer is a new session rather than
 * news about an old one, so it is the newest state there is.
 */
export interface SessionManager {
  /** The opaque session token (Basic-auth password), read from its cookie at call time. */
  getSessionToken(): string | undefined;
  getIntermediateSessionToken(): string | undefined;
  /** Both session tokens, or null unless both exist. */
  getTokens(): { session_token: string; session_jwt: string } | null;
  /**
   * Stores a full authentication (cookies, cache, store); an answer with `member_authenticated:
   * false` (a second factor owed) stores its IST and leaves no session (the `intermediate` state).
   */
  applyAuthenticateResponse<T extends B2BAuthenticateMfaResponse>(response: T): T;
  /** Stores a discovery answer: the IST cookie and the `intermediate` state. */
  applyDiscoveryResponse<T extends DiscoveryAuthenticateResponse>(response: T): T;
  /** Keeps the session's own member or organization, as the server answered it, in the store and cache. */
  applyRecords(records: Partial<Omit<CachedSessionState, 'session'>>): void;
  /** Refreshes the discovered organizations of the `intermediate` state. */
  applyDiscoveredOrganizations(response: DiscoveryOrganizationsResponse): void;
  /** Removes every token and the cache; the store becomes signed-out. */
  clear(reason: SessionEndReason): void;
  /** Forgets the intermediate session only (a discovery abandoned by the user). */
  clearIntermediate(): void;
  /**
   * True while the session cookie holds `sentToken`, the session token a request carried (undefined:
   * none). Otherwise another tab signed in or out after the request left: the caller drops its answer,
   * and the store takes what the cookie and the cached state say now.
   */
  isCurrent(sentToken: string | undefined): boolean;
  /** Clears the session when the error type is unrecoverable and the request carried the cookie's token. */
  handleApiError(error: OrgAuthApiError, sentToken: string | undefined): void;
  /** Why the last session ended, or null when none has. */
  lastEndReason(): SessionEndReason | null;
  /** Stops listening to other tabs. */
  destroy(): void;
}

/** Dependencies of {@link createSessionManager}. */
export interface SessionManagerDeps {
  platform: Platform;
  store: StoreApi<AuthState>;
  cookies: SessionCookies;
  /** Storage key of the cached state. */
  stateKey: string;
}

const UNRECOVERABLE: readonly string[] = UNRECOVERABLE_ERROR_TYPES;

const keepIfEqual = <T>(previous: T, next: T): T =>
  JSON.stringify(previous) === JSON.stringify(next) ? previous : next;

// The answered record if it is the session's own (same id): an answer about another changes nothing.
const own = <T>(current: T, next: T | undefined, id: keyof T): T =>
  next && next[id] === current[id] ? keepIfEqual(current, next) : current;

/** True for API errors after which the session can never recover (the client clears it). */
export const isUnrecoverableError = (error: unknown): error is OrgAuthApiError =>
  isOrgAuthApiError(error) && UNRECOVERABLE.includes(error.errorType);

/** Creates the session manager and starts following sign-in/out in other tabs. */
export function createSessionManager({ platform, store, cookies, stateKey }: SessionManagerDeps): SessionManager {
  let endReason: SessionEndReason | null = null;

  const signOutStore = (reason: SessionEndReason) => {
    const { status } = store.getState();
    if (status === 'signed-in' || status === 'initializing') endReason = reason;
    if (status !== 'signed-out') store.setState({ status: 'signed-out' }, true);
  };

  const clear = (reason: SessionEndReason) => {
    cookies.removeSession();
    cookies.removeIntermediate();
    writeCachedState(platform, stateKey, null);
    signOutStore(reason);
  };

  // Shows what the shared cookie and cached state say now: on another tab's write (cookies are shared
  // natively; the cached state tells the other tabs what changed), and when an answer is dropped
  // because the cookie moved on while its request was out. A session cookie without a cached state is
  // one this tab must revalidate (`initializing`: the refresher does it). Without a session cookie a
  // cached state means server-held cookies, and a discovery under way in this tab has none either:
  // both stay as they are.
  const sync = () => {
    const cached = parseCachedState(platform.storage.get(stateKey), platform.now());
    if (cookies.sessionToken())
      store.setState(cached ? { status: 'signed-in', ...cached, fromCache: false } : { status: 'initializing' }, true);
    else if (!cached && store.getState().status !== 'intermediate') signOutStore('signed-out');
  };
  const isCurrent = (sentToken: string | undefined) => {
    if (cookies.sessionToken() === sentToken) return true;
    sync();
    return false;
  };
  // An intermediate session replaces any session: its cookie, no cached state, the `intermediate` status.
  const intermediate = (token: string, emailAddress: string, discoveredOrganizations: DiscoveredOrganization[]) => {
    cookies.removeSession();
    cookies.writeIntermediate(token);
    writeCachedState(platform, stateKey, null);
    store.setState({ status: 'intermediate', emailAddress, discoveredOrganizations }, true);
  };
  const stopListening = platform.onStorage(stateKey, sync);

  return {
    getSessionToken: () => cookies.sessionToken(),
    getIntermediateSessionToken: () => cookies.intermediateSessionToken(),
    getTokens() {
      const session_token = cookies.sessionToken();
      const session_jwt = cookies.sessionJwt();
      return session_token && session_jwt ? { session_token, session_jwt } : null;
    },
    applyAuthenticateResponse(response) {
      if (!response.member_session) {
        // MFA or another primary factor is still required: the server answered with an IST instead.
        const previous = store.getState();
        intermediate(
          response.intermediate_session_token,
          response.member.email_address,
          previous.status === 'intermediate' ? previous.discoveredOrganizations : [],
        );
        return response;
      }
      const { member, organization, member_session: session } = response;
      cookies.writeSession(response.session_token, response.session_jwt, session.expires_at);
      cookies.removeIntermediate();
      writeCachedState(platform, stateKey, { member, organization, session });
      endReason = null;
      // A refresh usually returns the same member and organization: keep their references so
      // selector subscribers (React, Lit) do not re-render every three minutes.
      const previous = store.getState();
      const same = previous.status === 'signed-in';
      store.setState(
        {
          status: 'signed-in',
          member: same ? keepIfEqual(previous.member, member) : member,
          organization: same ? keepIfEqual(previous.organization, organization) : organization,
          session,
          fromCache: false,
        },
        true,
      );
      return response;
    },
    applyDiscoveryResponse(response) {
      intermediate(response.intermediate_session_token, response.email_address, response.discovered_organizations);
      return response;
    },
    applyRecords(records) {
      const state = store.getState();
      if (state.status !== 'signed-in') return;
      const member = own(state.member, records.member, 'member_id');
      const organization = own(state.organization, records.organization, 'organization_id');
      if (member === state.member && organization === state.organization) return;
      writeCachedState(platform, stateKey, { member, organization, session: state.session });
      store.setState({ ...state, member, organization }, true);
    },
    applyDiscoveredOrganizations(response) {
      if (store.getState().status !== 'intermediate') return;
      store.setState(
        {
          status: 'intermediate',
          emailAddress: response.email_address,
          discoveredOrganizations: response.discovered_organizations,
        },
        true,
      );
    },
    clear,
    clearIntermediate() {
      cookies.removeIntermediate();
      if (store.getState().status === 'intermediate') store.setState({ status: 'signed-out' }, true);
    },
    isCurrent,
    handleApiError(error, sentToken) {
      if (isUnrecoverableError(error) && isCurrent(sentToken)) clear('expired');
    },
    lastEndReason: () => endReason,
    destroy: stopListening,
  };
}
