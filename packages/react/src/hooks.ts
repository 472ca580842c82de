import {
  selectIsSignedIn,
  selectMember,
  selectOrganization,
  selectSession,
  selectStatus,
  type B2BClient,
} from '@orgauth/core';
import { useStore } from 'zustand';
import { useOrgAuthClient } from './provider.js';

// Each hook is zustand's `useStore` over a core selector: `useSyncExternalStore` underneath, so a
// component re-renders only when its slice changes, and server rendering reads the store's initial
// state (no `window`, no hydration mismatch). Auth rules live in the selectors, not here (STYLE P5).

/**
 * The OrgAuth client of the nearest provider, for calling its methods (`session.revoke()`, …).
 *
 * @throws {OrgAuthError} `invalid_usage` outside an `<OrgAuthProvider>`.
 */
export const useOrgAuth = (): B2BClient => useOrgAuthClient();

/** The signed-in member's session, or `null`. Re-renders when it changes. */
export const useSession = () => useStore(useOrgAuthClient().store, selectSession);

/** The signed-in member, or `null`. Re-renders when it changes. */
export const useMember = () => useStore(useOrgAuthClient().store, selectMember);

/** The organization of the signed-in member, or `null`. Re-renders when it changes. */
export const useOrganization = () => useStore(useOrgAuthClient().store, selectOrganization);

/** The auth status: `initializing`, `signed-out`, `intermediate` or `signed-in`. */
export const useAuthStatus = () => useStore(useOrgAuthClient().store, selectStatus);

/** Whether a member is signed in. */
export const useIsSignedIn = () => useStore(useOrgAuthClient().store, selectIsSignedIn);
