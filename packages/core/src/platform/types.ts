/** Attributes used when writing a cookie. */
export interface PlatformCookieAttributes {
  expires?: Date;
  path?: string;
  domain?: string;
  sameSite?: 'lax' | 'strict' | 'none';
  secure?: boolean;
}

/**
 * Everything the core needs from its environment. `platform/browser.ts` is the only file that touches
 * browser globals; tests and SSR use `memoryPlatform()`.
 */
export interface Platform {
  cookies: {
    get(name: string): string | undefined;
    set(name: string, value: string, attributes: PlatformCookieAttributes): void;
    remove(name: string, attributes?: PlatformCookieAttributes): void;
  };
  storage: {
    get(key: string): string | null;
    set(key: string, value: string): void;
    remove(key: string): void;
  };
  location: {
    href(): string;
    /** Replaces the current URL without navigating (history.replaceState). */
    replace(url: string): void;
    /** Navigates to `url`. */
    assign(url: string): void;
  };
  fetch: typeof fetch;
  now(): number;
  /** Schedules a callback; returns a cancel function. */
  setTimer(callback: () => void, ms: number): () => void;
  /** Subscribes to writes of `key` by other tabs; returns an unsubscribe function. */
  onStorage(key: string, listener: (value: string | null) => void): () => void;
  /** Cryptographically secure random bytes. */
  randomBytes(length: number): Uint8Array;
  /** SHA-256 digest. */
  sha256(data: Uint8Array): Promise<Uint8Array>;
}
