import type { Platform, PlatformCookieAttributes } from '../platform/types.js';
import { DEFAULT_COOKIE_NAMES, IST_LIFETIME_MINUTES } from '../protocol/constants.js';

/** Cookie names and attributes (the client's `cookieOptions`). Defaults follow the protocol (`stytch_session`, …). */
export interface CookieOptions {
  opaqueTokenCookieName?: string;
  jwtCookieName?: string;
  istCookieName?: string;
  path?: string;
  domain?: string;
  availableToSubdomains?: boolean;
}

/** Reads and writes the three token cookies with the attributes of docs/wire-protocol.md §3.1. */
export interface SessionCookies {
  readonly names: { session: string; sessionJwt: string; intermediateSession: string };
  sessionToken(): string | undefined;
  sessionJwt(): string | undefined;
  intermediateSessionToken(): string | undefined;
  /** Writes both session cookies until `expiresAt`; empty tokens (server-held cookies) remove them. */
  writeSession(sessionToken: string, sessionJwt: string, expiresAt: string): void;
  /** Writes the IST cookie for 10 minutes; an empty token removes it. */
  writeIntermediate(token: string): void;
  removeSession(): void;
  removeIntermediate(): void;
}

/** True for hosts where browsers refuse `Secure` cookies over plain http during development. */
export function isLocalHostname(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** Creates the cookie writer; names and scope come from `cookieOptions`. */
export function createSessionCookies(platform: Platform, options: CookieOptions = {}): SessionCookies {
  const names = {
    session: options.opaqueTokenCookieName ?? DEFAULT_COOKIE_NAMES.session,
    sessionJwt: options.jwtCookieName ?? DEFAULT_COOKIE_NAMES.sessionJwt,
    intermediateSession: options.istCookieName ?? DEFAULT_COOKIE_NAMES.intermediateSession,
  };

  const scope = (): PlatformCookieAttributes => {
    const hostname = new URL(platform.location.href()).hostname;
    const local = isLocalHostname(hostname);
    const attributes: PlatformCookieAttributes = { sameSite: 'lax' };
    if (!local) attributes.secure = true;
    if (options.path) attributes.path = options.path;
    // Stytch uses `location.host` here, but a Domain attribute with a port is rejected by browsers;
    // the hostname is what it means.
    if (options.availableToSubdomains && !local) attributes.domain = options.domain ?? hostname;
    return attributes;
  };

  const write = (name: string, value: string, expires: Date) => {
    if (!value) return remove(name);
    platform.cookies.set(name, value, { ...scope(), expires });
  };

  const remove = (name: string) => {
    const { path, domain } = scope();
    const attributes: PlatformCookieAttributes = {};
    if (path) attributes.path = path;
    platform.cookies.remove(name, attributes);
    // A cookie written while `availableToSubdomains` was on lives on the domain; remove that one too.
    if (domain) platform.cookies.remove(name, { ...attributes, domain });
  };

  return {
    names,
    sessionToken: () => platform.cookies.get(names.session) || undefined,
    sessionJwt: () => platform.cookies.get(names.sessionJwt) || undefined,
    intermediateSessionToken: () => platform.cookies.get(names.intermediateSession) || undefined,
    writeSession(sessionToken, sessionJwt, expiresAt) {
      const expires = new Date(expiresAt);
      write(names.session, sessionToken, expires);
      write(names.sessionJwt, sessionJwt, expires);
    },
    writeIntermediate: (token) =>
      write(names.intermediateSession, token, new Date(platform.now() + IST_LIFETIME_MINUTES * 60_000)),
    removeSession() {
      remove(names.session);
      remove(names.sessionJwt);
    },
    removeIntermediate: () => remove(names.intermediateSession),
  };
}
