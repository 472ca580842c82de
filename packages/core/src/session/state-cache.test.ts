import { describe, expect, it } from 'vitest';
import { memoryPlatform } from '../platform/memory.js';
import { fixtureMember, fixtureMemberSession, fixtureOrganization } from '../testing/fixtures.js';
import { initialAuthState, parseCachedState, stateKey, writeCachedState } from './state-cache.js';

const cached = { member: fixtureMember(), organization: fixtureOrganization(), session: fixtureMemberSession() };

describe('state cache', () => {
  it('names the key after the public token', () => expect(stateKey('pk')).toBe('stytch_sdk_state_pk'));

  it('parses a valid cache and rejects junk, partial or expired ones', () => {
    expect(parseCachedState(JSON.stringify(cached), 0)).toEqual(cached);
    expect(parseCachedState(null, 0)).toBeNull();
    expect(parseCachedState('null', 0)).toBeNull();
    expect(parseCachedState('{bad', 0)).toBeNull();
    expect(parseCachedState(JSON.stringify({ member: cached.member }), 0)).toBeNull();
    expect(parseCachedState(JSON.stringify(cached), Date.parse(cached.session.expires_at))).toBeNull();
  });

  it('never stores tokens, writes "null" to clear, and skips no-op writes', () => {
    const platform = memoryPlatform();
    writeCachedState(platform, 'k', null);
    expect(platform.storageMap.has('k')).toBe(false);
    writeCachedState(platform, 'k', cached);
    expect(platform.storageMap.get('k')).not.toMatch(/token|jwt/);
    writeCachedState(platform, 'k', null);
    expect(platform.storageMap.get('k')).toBe('null');
  });

  it('chooses the start state from the cookie and the cache', () => {
    expect(initialAuthState(cached, false)).toEqual({ status: 'signed-out' });
    expect(initialAuthState(null, true)).toEqual({ status: 'initializing' });
    expect(initialAuthState(cached, true)).toEqual({ status: 'signed-in', ...cached, fromCache: true });
  });
});
