import type { StoreApi } from 'zustand/vanilla';
import type { Platform } from '../platform/types.js';
import type { AuthState } from '../state/auth-state.js';
import { isUnrecoverableError } from './session-manager.js';

/** Re-authenticate this long after the latest session change, well inside the JWT's 5 minutes. */
export const REFRESH_INTERVAL_MS = 3 * 60_000;

/** Delay before retry `attempt` (1-based) after a failure that may pass: 4 s, 8 s … 256 s, ±175 ms. */
export function retryDelay(attempt: number, jitter = Math.random()): number {
  return 2000 * 2 ** Math.min(attempt, 7) + Math.round((jitter * 2 - 1) * 175);
}

/** Keeps the session (and so the JWT cookie) fresh, and revalidates a cached one at start-up. */
export interface SessionRefresher {
  /** Revalidates now when the state is cached or unknown; then follows the store. */
  start(): void;
  /** Stops the timer and the store subscription. */
  stop(): void;
}

/** Dependencies of {@link createSessionRefresher}. */
export interface SessionRefresherDeps {
  platform: Platform;
  store: StoreApi<AuthState>;
  /** `sessions/authenticate`; its response goes through the session manager. */
  authenticate(): Promise<unknown>;
}

/**
 * Creates the refresher. Every state change while signed in re-arms one timer; a failed call that
 * may pass (network, 5xx, rate limit) keeps the cached session and retries with exponential backoff,
 * while an unrecoverable error type has already cleared the session, which stops the loop.
 */
export function createSessionRefresher({ platform, store, authenticate }: SessionRefresherDeps): SessionRefresher {
  let cancelTimer: (() => void) | null = null;
  let unsubscribe: (() => void) | null = null;
  let inFlight = false;
  let failures = 0;

  const arm = (ms: number) => {
    cancelTimer?.();
    cancelTimer = platform.setTimer(run, ms);
  };
  const disarm = () => {
    cancelTimer?.();
    cancelTimer = null;
  };

  function run(): void {
    if (inFlight) return;
    inFlight = true;
    authenticate().then(
      () => {
        inFlight = false;
        failures = 0;
      },
      (error: unknown) => {
        inFlight = false;
        // The session manager has cleared the session (the store subscription disarms), or the
        // answer was stale and the store already shows the newer session, which keeps its timer.
        if (isUnrecoverableError(error)) return;
        const { status } = store.getState();
        if (status === 'signed-in' || status === 'initializing') arm(retryDelay(++failures));
      },
    );
  }

  return {
    start() {
      unsubscribe = store.subscribe((state) => {
        if (state.status === 'signed-in') arm(REFRESH_INTERVAL_MS);
        // Back to initializing: a stale answer met a session cookie this tab knows nothing about yet.
        else if (state.status === 'initializing') arm(0);
        else disarm();
      });
      const state = store.getState();
      if (state.status === 'initializing' || (state.status === 'signed-in' && state.fromCache)) run();
      else if (state.status === 'signed-in') arm(REFRESH_INTERVAL_MS);
    },
    stop() {
      unsubscribe?.();
      unsubscribe = null;
      disarm();
    },
  };
}
