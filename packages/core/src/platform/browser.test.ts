// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browserPlatform } from './browser.js';

afterEach(() => {
  for (const c of document.cookie.split(';')) {
    // biome-ignore lint/suspicious/noDocumentCookie: clears the real cookie jar the platform under test writes to.
    document.cookie = `${c.split('=')[0]!.trim()}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
  }
  window.localStorage.clear();
});

describe('browserPlatform', () => {
  it('reads and writes cookies through document.cookie', () => {
    const platform = browserPlatform();
    platform.cookies.set('stytch_session', 'abc', { path: '/', sameSite: 'lax' });
    expect(document.cookie).toContain('stytch_session=abc');
    expect(platform.cookies.get('stytch_session')).toBe('abc');
    platform.cookies.remove('stytch_session', { path: '/' });
    expect(platform.cookies.get('stytch_session')).toBeUndefined();
  });

  it('uses localStorage and survives a throwing storage', () => {
    const platform = browserPlatform();
    platform.storage.set('k', 'v');
    expect(window.localStorage.getItem('k')).toBe('v');
    expect(platform.storage.get('k')).toBe('v');
    platform.storage.remove('k');
    expect(platform.storage.get('k')).toBeNull();
    const spy = vi.spyOn(window.localStorage, 'getItem').mockImplementation(() => {
      throw new Error('SecurityError');
    });
    expect(platform.storage.get('k')).toBeNull();
    spy.mockRestore();
  });

  it('replaces the URL with history.replaceState, without navigating', () => {
    const platform = browserPlatform();
    window.history.replaceState(null, '', '/authenticate?token=t&stytch_token_type=discovery');
    platform.location.replace('/authenticate');
    expect(platform.location.href()).toBe(new URL('/authenticate', window.location.origin).href);
  });

  it('delivers storage events for one key only', () => {
    const platform = browserPlatform();
    const seen: (string | null)[] = [];
    const off = platform.onStorage('state', (value) => seen.push(value));
    window.dispatchEvent(new StorageEvent('storage', { key: 'other', newValue: 'x' }));
    window.dispatchEvent(new StorageEvent('storage', { key: 'state', newValue: 'null' }));
    off();
    window.dispatchEvent(new StorageEvent('storage', { key: 'state', newValue: 'again' }));
    expect(seen).toEqual(['null']);
  });

  it('hashes with crypto.subtle and draws random bytes', async () => {
    const platform = browserPlatform();
    const digest = await platform.sha256(new TextEncoder().encode('abc'));
    expect(Buffer.from(digest).toString('hex')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(platform.randomBytes(16)).toHaveLength(16);
  });

  it('runs and cancels timers', async () => {
    vi.useFakeTimers();
    const platform = browserPlatform();
    const fn = vi.fn();
    const cancel = platform.setTimer(fn, 100);
    platform.setTimer(fn, 50);
    cancel();
    vi.advanceTimersByTime(200);
    expect(fn).toHaveBeenCalledTimes(1);
    vi.useRealTimers();
  });
});
