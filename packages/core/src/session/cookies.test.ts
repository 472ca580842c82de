import { describe, expect, it } from 'vitest';
import { memoryPlatform } from '../platform/memory.js';
import { createSessionCookies, isLocalHostname } from './cookies.js';

describe('createSessionCookies', () => {
  it('writes lax, Secure session cookies expiring with the session on a real host', () => {
    const platform = memoryPlatform({ href: 'https://app.example.com/' });
    const cookies = createSessionCookies(platform);
    cookies.writeSession('tok', 'jwt', '2030-01-01T00:00:00.000Z');
    expect(platform.cookieJar.get('stytch_session')).toEqual({
      value: 'tok',
      attributes: { sameSite: 'lax', secure: true, expires: new Date('2030-01-01T00:00:00.000Z') },
    });
    expect(platform.cookieJar.get('stytch_session_jwt')?.value).toBe('jwt');
    expect(cookies.sessionToken()).toBe('tok');
    expect(cookies.sessionJwt()).toBe('jwt');
  });

  it('omits Secure on localhost and writes the IST for 10 minutes', () => {
    const platform = memoryPlatform({ href: 'http://localhost:3000/', now: 1_000_000 });
    const cookies = createSessionCookies(platform);
    cookies.writeIntermediate('ist');
    expect(platform.cookieJar.get('stytch_intermediate_session_token')).toEqual({
      value: 'ist',
      attributes: { sameSite: 'lax', expires: new Date(1_000_000 + 600_000) },
    });
    platform.advance(600_000);
    expect(cookies.intermediateSessionToken()).toBeUndefined();
  });

  it('honours custom names, path and subdomain scope', () => {
    const platform = memoryPlatform({ href: 'https://app.example.com:8443/' });
    const cookies = createSessionCookies(platform, {
      opaqueTokenCookieName: 's',
      jwtCookieName: 'j',
      istCookieName: 'i',
      path: '/app',
      availableToSubdomains: true,
      domain: 'example.com',
    });
    cookies.writeSession('tok', 'jwt', '2030-01-01T00:00:00.000Z');
    expect(platform.cookieJar.get('s')?.attributes).toMatchObject({
      path: '/app',
      domain: 'example.com',
      secure: true,
    });
    expect(cookies.names).toEqual({ session: 's', sessionJwt: 'j', intermediateSession: 'i' });
    cookies.removeSession();
    expect(platform.cookieJar.size).toBe(0);
  });

  it('removes session cookies when the server keeps its own (empty tokens)', () => {
    const platform = memoryPlatform();
    const cookies = createSessionCookies(platform);
    cookies.writeSession('tok', 'jwt', '2030-01-01T00:00:00.000Z');
    cookies.writeSession('', '', '2030-01-01T00:00:00.000Z');
    expect(cookies.sessionToken()).toBeUndefined();
    expect(platform.cookieJar.has('stytch_session_jwt')).toBe(false);
  });

  it.each([
    ['localhost', true],
    ['127.0.0.1', true],
    ['[::1]', true],
    ['127.example.com', false],
    ['app.test', false],
  ])('isLocalHostname(%s) = %s', (host, expected) => expect(isLocalHostname(host)).toBe(expected));
});
