import { OrgAuthError, type B2BClient } from '@orgauth/core';
import { createContext, useContext, type ReactNode } from 'react';

const OrgAuthContext = createContext<B2BClient | null>(null);
OrgAuthContext.displayName = 'OrgAuthContext';

/** Props of {@link OrgAuthProvider}. */
export interface OrgAuthProviderProps {
  /** The client every hook and component below reads, from `createB2BClient()`. */
  client: B2BClient;
  children?: ReactNode;
}

/**
 * Makes an OrgAuth client available to the hooks and components below it. Create the client once,
 * outside render, so that every render passes the same instance.
 *
 * @example
 * const client = createB2BClient({ publicToken, baseUrl });
 * root.render(<OrgAuthProvider client={client}><App /></OrgAuthProvider>);
 */
export function OrgAuthProvider({ client, children }: OrgAuthProviderProps) {
  return <OrgAuthContext.Provider value={client}>{children}</OrgAuthContext.Provider>;
}

/**
 * The client of the nearest {@link OrgAuthProvider}, or `null` when there is none. Internal: `Login`
 * also works with a `client` prop and no provider.
 */
export function useOptionalOrgAuth(): B2BClient | null {
  return useContext(OrgAuthContext);
}

/**
 * The OrgAuth client of the nearest {@link OrgAuthProvider}, for calling its methods
 * (`session.revoke()`, `createLogin()`, …); Stytch's `useStytchB2BClient`.
 *
 * @throws {OrgAuthError} `invalid_usage` when no provider is above the calling component.
 * @example
 * const client = useOrgAuth();
 * return <button onClick={() => client.session.revoke()}>Sign out</button>;
 */
export function useOrgAuth(): B2BClient {
  const client = useContext(OrgAuthContext);
  if (!client) {
    throw new OrgAuthError(
      'invalid_usage',
      'No OrgAuth client found: wrap your component tree in <OrgAuthProvider client={client}> (from @orgauth/react).',
    );
  }
  return client;
}
