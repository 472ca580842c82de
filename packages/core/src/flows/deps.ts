import type { PkceStore } from '../pkce.js';
import type { Platform } from '../platform/types.js';
import type { SessionManager } from '../session/session-manager.js';
import type { HttpTransport } from '../transport/http.js';

/** What every flow receives from the composition root (`client.ts`). */
export interface FlowDeps {
  http: HttpTransport;
  session: SessionManager;
  pkce: PkceStore;
  /** For navigations that leave the page (SSO start). */
  platform: Platform;
  /** Origin of the OrgAuth server, without a trailing slash. */
  baseUrl: string;
  publicToken: string;
  /** Length of the sessions this client creates, in minutes. */
  sessionDurationMinutes: number;
  redirectUrls: { discovery?: string; login?: string; signup?: string };
}
