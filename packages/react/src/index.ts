'use client';

/**
 * `@orgauth/react`: the provider and hooks over the headless client. This entry is React + core
 * only; the Lit-based `<Login>` lives in `@orgauth/react/components`, so apps with their own UI
 * never load Lit (docs/architecture.md P1).
 */
export { OrgAuthProvider, useOrgAuth } from './provider.js';
export type { OrgAuthProviderProps } from './provider.js';
export { useAuthStatus, useIsSignedIn, useMember, useOrganization, useSession } from './hooks.js';
