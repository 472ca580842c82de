import type { Platform, PlatformCookieAttributes } from './types.js';
import { sha256Sync } from './sha256.js';

/** A cookie held by {@link memoryPlatform}: its value and the attributes it was written with. */
export interface MemoryCookie {
  value: string;
  attributes: PlatformCookieAttributes;
}

/** Options of {@link memoryPlatform}. */
export interface MemoryPlatformOptions {
  /** The current URL. Default `http://localhost:3000/`. */
  href?: string;
  /** Start of the virtual clock (epoch ms), or a clock to follow. Default `Date.now()` at creation. */
  now?: number | (() => number);
  /** The network. Default: every request rejects, so a test never reaches a real server by accident. */
  fetch?: typeof fetch;
}

/** A request a {@link MemoryPlatform} sent, with the page URL at the moment it was sent. */
export interface MemoryFetch {
  url: string;
  init: RequestInit | undefined;
  /** `location.href()` when `fetch` was called: what a browser would send as `Referer`. */
  href: string;
}

/** A {@link Platform} held in memory, with its cookies, storage, navigations and clock open to tests. */
export interface MemoryPlatform extends Platform {
  /** Cookies by name (shared by every tab of this platform). */
  readonly cookieJar: Map<string, MemoryCookie>;
  /** Local storage (shared by every tab of this platform). */
  readonly storageMap: Map<string, string>;
  /** URLs passed to `location.assign`, oldest first. */
  readonly navigations: string[];
  /** Every call of this tab's `fetch`, oldest first. */
  readonly fetches: MemoryFetch[];
  /** Moves the virtual clock forward and runs the timers that fall due, in order. */
  advance(ms: number): void;
  /** How many timers are scheduled and not yet run or cancelled. */
  pendingTimers(): number;
  /** A second tab (or a reload): same cookies and storage, its own URL, timers and storage events. */
  openTab(options?: { href?: string; fetch?: typeof fetch }): MemoryPlatform;
}

interface Shared {
  cookieJar: Map<string, MemoryCookie>;
  storageMap: Map<string, string>;
  tabs: Set<(key: string, value: string | null) => void>;
}

const refuseFetch: typeof fetch = () =>
  Promise.reject(new TypeError('memoryPlatform has no fetch: pass `fetch` in its options.'));

/**
 * An in-memory {@link Platform} for tests, SSR and stories. Time is virtual: timers run only when
 * `advance(ms)` passes them, so refresh and retry logic is tested without waiting.
 * @example
 * const platform = memoryPlatform({ href: 'https://app.test/authenticate?stytch_token_type=discovery&token=t' });
 */
export function memoryPlatform(options: MemoryPlatformOptions = {}): MemoryPlatform {
  return createTab(options, { cookieJar: new Map(), storageMap: new Map(), tabs: new Set() });
}

function createTab(options: MemoryPlatformOptions, shared: Shared): MemoryPlatform {
  const { cookieJar, storageMap } = shared;
  let href = options.href ?? 'http://localhost:3000/';
  const start = options.now ?? Date.now();
  const base = typeof start === 'function' ? start : () => start;
  let offset = 0;
  const now = () => base() + offset;
  const timers = new Map<number, { at: number; callback: () => void }>();
  let nextTimerId = 1;
  const storageListeners = new Map<string, Set<(value: string | null) => void>>();
  const navigations: string[] = [];
  const fetches: MemoryFetch[] = [];
  const network = options.fetch ?? refuseFetch;

  // Browsers fire `storage` events only in the *other* tabs, and asynchronously.
  const receive = (key: string, value: string | null) => {
    for (const listener of storageListeners.get(key) ?? []) queueMicrotask(() => listener(value));
  };
  shared.tabs.add(receive);
  const broadcast = (key: string, value: string | null) => {
    for (const tab of shared.tabs) if (tab !== receive) tab(key, value);
  };

  const platform: MemoryPlatform = {
    cookieJar,
    storageMap,
    navigations,
    fetches,
    cookies: {
      get(name) {
        const cookie = cookieJar.get(name);
        if (cookie?.attributes.expires && cookie.attributes.expires.getTime() <= now()) {
          cookieJar.delete(name);
          return undefined;
        }
        return cookie?.value;
      },
      set: (name, value, attributes) => void cookieJar.set(name, { value, attributes: { ...attributes } }),
      remove: (name) => void cookieJar.delete(name),
    },
    storage: {
      get: (key) => storageMap.get(key) ?? null,
      set(key, value) {
        storageMap.set(key, value);
        broadcast(key, value);
      },
      remove(key) {
        if (!storageMap.delete(key)) return;
        broadcast(key, null);
      },
    },
    location: {
      href: () => href,
      replace: (url) => void (href = new URL(url, href).href),
      assign(url) {
        href = new URL(url, href).href;
        navigations.push(href);
      },
    },
    fetch(input, init) {
      fetches.push({ url: input instanceof Request ? input.url : String(input), init, href });
      return network(input, init);
    },
    now,
    setTimer(callback, ms) {
      const id = nextTimerId++;
      timers.set(id, { at: now() + Math.max(0, ms), callback });
      return () => void timers.delete(id);
    },
    onStorage(key, listener) {
      const set = storageListeners.get(key) ?? new Set();
      storageListeners.set(key, set);
      set.add(listener);
      return () => void set.delete(listener);
    },
    randomBytes: (length) => crypto.getRandomValues(new Uint8Array(length)),
    sha256: async (data) => sha256Sync(data),
    advance(ms) {
      const target = offset + ms;
      for (;;) {
        let due: [number, { at: number; callback: () => void }] | undefined;
        for (const entry of timers)
          if (entry[1].at <= base() + target && (!due || entry[1].at < due[1].at)) due = entry;
        if (!due) break;
        timers.delete(due[0]);
        offset = Math.max(offset, due[1].at - base());
        due[1].callback();
      }
      offset = target;
    },
    pendingTimers: () => timers.size,
    openTab: (tabOptions = {}) =>
      createTab({ href: tabOptions.href ?? href, now, fetch: tabOptions.fetch ?? network }, shared),
  };
  return platform;
}
