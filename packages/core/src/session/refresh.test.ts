import { describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { OrgAuthApiError, OrgAuthError } from '../errors.js';
import { memoryPlatform } from '../platform/memory.js';
import type { AuthState } from '../state/auth-state.js';
import { fixtureMember, fixtureMemberSession, fixtureOrganization } from '../testing/fixtures.js';
import { createSessionRefresher, REFRESH_INTERVAL_MS, retryDelay } from './refresh.js';

const signedIn = (fromCache: boolean): AuthState => ({
  status: 'signed-in',
  member: fixtureMember(),
  organization: fixtureOrganization(),
  session: fixtureMemberSession(),
  fromCache,
});

describe('retryDelay', () => {
  it('doubles from 4 s and caps at 256 s, with ±175 ms jitter', () => {
    expect([1, 2, 3, 7, 8, 20].map((n) => retryDelay(n, 0.5))).toEqual([4000, 8000, 16000, 256000, 256000, 256000]);
    expect(retryDelay(1, 0)).toBe(3825);
    expect(retryDelay(1, 1)).toBe(4175);
  });
});

describe('createSessionRefresher', () => {
  it('does nothing while signed out and arms a 3-minute timer once signed in', async () => {
    const platform = memoryPlatform();
    const store = createStore<AuthState>()(() => ({ status: 'signed-out' }));
    const authenticate = vi.fn(async () => store.setState(signedIn(false), true));
    const refresher = createSessionRefresher({ platform, store, authenticate });
    refresher.start();
    expect(authenticate).not.toHaveBeenCalled();
    store.setState(signedIn(false), true);
    platform.advance(REFRESH_INTERVAL_MS - 1);
    expect(authenticate).not.toHaveBeenCalled();
    platform.advance(1);
    expect(authenticate).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(platform.pendingTimers()).toBe(1));
    store.setState({ status: 'signed-out' }, true);
    expect(platform.pendingTimers()).toBe(0);
    refresher.stop();
  });

  it('stops after an unrecoverable error and retries other failures', async () => {
    const platform = memoryPlatform();
    const store = createStore<AuthState>()(() => signedIn(true));
    const authenticate = vi
      .fn<() => Promise<unknown>>()
      .mockRejectedValueOnce(new OrgAuthError('network_error', 'offline'))
      .mockRejectedValueOnce(new OrgAuthApiError('session_not_found', 404, 'r', 'gone'));
    createSessionRefresher({ platform, store, authenticate }).start();
    expect(authenticate).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(platform.pendingTimers()).toBe(1));
    platform.advance(4_200);
    expect(authenticate).toHaveBeenCalledTimes(2);
    await new Promise((r) => setTimeout(r, 0));
    expect(platform.pendingTimers()).toBe(0);
  });
});
