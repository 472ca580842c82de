import type { BootstrapResponse } from './protocol/types.js';
import type { HttpTransport } from './transport/http.js';

/**
 * Loads the project's SDK settings once (`GET /projects/bootstrap/<public_token>`). A failed load is
 * not cached, so the next call tries again.
 */
export function createBootstrap(http: HttpTransport, publicToken: string): () => Promise<BootstrapResponse> {
  let pending: Promise<BootstrapResponse> | null = null;
  return () => {
    pending ??= http
      .get<BootstrapResponse>(`/projects/bootstrap/${encodeURIComponent(publicToken)}`)
      .catch((error: unknown) => {
        pending = null;
        throw error;
      });
    return pending;
  };
}
