import Cookies from 'js-cookie';
import type { Platform } from './types.js';

/**
 * Storage throws in some privacy modes, sandboxed iframes and on quota errors. The cached state is an
 * optimisation and PKCE falls back to a failed link, so the client runs on without storage.
 */
function quietly<T>(work: () => T, fallback: T): T {
  try {
    return work();
  } catch {
    return fallback;
  }
}

/**
 * The {@link Platform} of a real browser page. This is the only module of the core that touches
 * browser globals, and it reads them inside each function, never at import time, so servers and
 * SSR frameworks can import the core safely.
 */
export function browserPlatform(): Platform {
  return {
    cookies: {
      get: (name) => Cookies.get(name),
      set: (name, value, attributes) => void Cookies.set(name, value, attributes),
      remove: (name, attributes) => Cookies.remove(name, attributes),
    },
    storage: {
      get: (key) => quietly(() => window.localStorage.getItem(key), null),
      set: (key, value) => quietly(() => window.localStorage.setItem(key, value), undefined),
      remove: (key) => quietly(() => window.localStorage.removeItem(key), undefined),
    },
    location: {
      href: () => window.location.href,
      // replaceState keeps the page and its history entry, and drops one-time tokens from the address bar.
      replace: (url) => window.history.replaceState(window.history.state, '', url),
      assign: (url) => window.location.assign(url),
    },
    // Called through a wrapper so a fetch patched after start-up (MSW, Sentry) is still used.
    fetch: (input, init) => globalThis.fetch(input, init),
    now: () => Date.now(),
    setTimer(callback, ms) {
      const id = setTimeout(callback, ms);
      return () => clearTimeout(id);
    },
    onStorage(key, listener) {
      // On a server there are no other tabs to hear from.
      if (typeof window === 'undefined') return () => {};
      const handler = (event: StorageEvent) => {
        if (event.key === key || event.key === null) listener(event.key === null ? null : event.newValue);
      };
      window.addEventListener('storage', handler);
      return () => window.removeEventListener('storage', handler);
    },
    randomBytes: (length) => window.crypto.getRandomValues(new Uint8Array(length)),
    sha256: async (data) =>
      new Uint8Array(await window.crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>)),
  };
}
