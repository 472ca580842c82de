import type { PkceStore } from '../pkce.js';
import type { SessionManager } from '../session/session-manager.js';
import type { HttpTransport } from '../transport/http.js';

/** What every flow receives from the composition root (`client.ts`). */
export interface FlowDeps {
  http: HttpTransport;
  session: SessionManager;
  pkce: PkceStore;
  /** Length of the sessions this client creates, in minutes. */
  sessionDurationMinutes: number;
  redirectUrls: { discovery?: string; login?: string; signup?: string };
}
