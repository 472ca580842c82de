import {
  selectIsSignedIn,
  selectMember,
  selectOrganization,
  selectSession,
  selectStatus,
  type AuthState,
} from '@orgauth/core';
import { useSyncExternalStore } from 'react';
import { useOrgAuth } from './provider.js';

/**
 * The state the server renders and hydration starts from, whatever cookies the request carried. The
 * server cannot see the browser's cookies, cache and storage, so both sides render "not known yet";
 * right after hydrating, the client moves on to its real state (signed in from cache, signed out…).
 */
const SERVER_STATE: AuthState = Object.freeze({ status: 'initializing' });

/**
 * Subscribes to one slice of the client's store. React's `useSyncExternalStore` rather than zustand's
 * `useStore`: the latter renders the store's *initial* state on the server and during hydration, and
 * that differs between a server without cookies (signed out) and a browser with them (signed in or
 * initializing), which is a hydration mismatch. A render that is not a hydration (`createRoot`) reads
 * the real state at once. Re-renders happen only when the selected slice changes; auth rules live in
 * the core selectors, not here.
 */
function useAuthSelector<T>(selector: (state: AuthState) => T): T {
  const { store } = useOrgAuth();
  return useSyncExternalStore(
    store.subscribe,
    () => selector(store.getState()),
    () => selector(SERVER_STATE),
  );
}

/**
 * The auth status, and the hook to branch on before reading the others:
 * - `initializing`: not known yet. Always on the server and in the hydration render (so they agree),
 *   and in the browser while a session cookie without a cached state is being revalidated. Render a
 *   neutral placeholder, neither the login nor the signed-in page.
 * - `signed-out`: show the login.
 * - `intermediate`: an email is proven and an organization is still to be chosen (the login shows it).
 * - `signed-in`: {@link useMember}, {@link useOrganization} and {@link useSession} are non-null.
 *
 * @example
 * const status = useAuthStatus();
 * if (status === 'initializing') return <Spinner />;
 * if (status !== 'signed-in') return <Login />;
 */
export const useAuthStatus = () => useAuthSelector(selectStatus);

/**
 * The signed-in member's session, or `null` unless {@link useAuthStatus} is `signed-in` (so also
 * while `initializing`: check the status before treating `null` as signed out).
 */
export const useSession = () => useAuthSelector(selectSession);

/**
 * The signed-in member, or `null` unless {@link useAuthStatus} is `signed-in` (so also while
 * `initializing`: check the status before treating `null` as signed out).
 */
export const useMember = () => useAuthSelector(selectMember);

/**
 * The organization of the signed-in member, or `null` unless {@link useAuthStatus} is `signed-in`
 * (so also while `initializing`).
 */
export const useOrganization = () => useAuthSelector(selectOrganization);

/** Whether a member is signed in: `false` while `initializing` too (see {@link useAuthStatus}). */
export const useIsSignedIn = () => useAuthSelector(selectIsSignedIn);
