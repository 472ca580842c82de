import { createContext } from '@lit/context';
import type { B2BClient } from '@orgauth/core';

/**
 * Context key under which `<orgauth-provider>` hands its client to descendant elements. A global
 * symbol, so two copies of this package on one page (an app bundle and the script-tag build) still
 * find each other's providers.
 */
export const orgAuthClientContext = createContext<B2BClient | undefined>(Symbol.for('orgauth-client'));
