import { describe, expect, it } from 'vitest';
import { createB2BClient, selectIsSignedIn } from './index.js';

/** The core must import and construct on a server (no window, no document) for SSR. */
describe('server-side rendering', () => {
  it('runs in Node without browser globals and starts signed out', () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
    const client = createB2BClient({ publicToken: 'public-token-test-ssr', baseUrl: 'https://auth.example.com' });
    expect(client.store.getState()).toEqual({ status: 'signed-out' });
    expect(selectIsSignedIn(client.store.getState())).toBe(false);
    expect(client.session.getTokens()).toBeNull();
    client.destroy();
  });
});
