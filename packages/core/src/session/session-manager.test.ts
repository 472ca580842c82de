import { describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { OrgAuthApiError } from '../errors.js';
import { memoryPlatform } from '../platform/memory.js';
import type { AuthState } from '../state/auth-state.js';
import {
  fixtureAuthenticateResponse,
  fixtureDiscoveryResponse,
  fixtureMember,
  fixtureOrganization,
} from '../testing/fixtures.js';
import { createSessionCookies } from './cookies.js';
import { createSessionManager } from './session-manager.js';

function setup(platform = memoryPlatform({ href: 'https://app.test/' })) {
  const store = createStore<AuthState>()(() => ({ status: 'signed-out' }));
  const session = createSessionManager({ platform, store, cookies: createSessionCookies(platform), stateKey: 'state' });
  return { platform, store, session };
}

describe('createSessionManager', () => {
  it('applies a full authentication: cookies until expires_at, cache without tokens, signed-in store', () => {
    const { platform, store, session } = setup();
    platform.cookies.set('stytch_intermediate_session_token', 'old-ist', {});
    const response = fixtureAuthenticateResponse();
    expect(session.applyAuthenticateResponse(response)).toBe(response);
    expect(platform.cookieJar.get('stytch_session')).toEqual({
      value: response.session_token,
      attributes: { sameSite: 'lax', secure: true, expires: new Date(response.member_session.expires_at) },
    });
    expect(session.getIntermediateSessionToken()).toBeUndefined();
    expect(platform.storageMap.get('state')).not.toContain(response.session_token);
    expect(JSON.parse(platform.storageMap.get('state')!)).toEqual({
      member: response.member,
      organization: response.organization,
      session: response.member_session,
    });
    expect(store.getState()).toEqual({
      status: 'signed-in',
      member: response.member,
      organization: response.organization,
      session: response.member_session,
      fromCache: false,
    });
    expect(session.getTokens()).toEqual({ session_token: response.session_token, session_jwt: response.session_jwt });
  });

  it('removes the session cookies when the server keeps them itself (empty tokens)', () => {
    const { platform, store, session } = setup();
    session.applyAuthenticateResponse(fixtureAuthenticateResponse({ session_token: '', session_jwt: '' }));
    expect(platform.cookieJar.has('stytch_session')).toBe(false);
    expect(store.getState().status).toBe('signed-in');
  });

  it('applies discovery: IST cookie, no session, intermediate store', () => {
    const { platform, store, session } = setup();
    session.applyAuthenticateResponse(fixtureAuthenticateResponse());
    session.applyDiscoveryResponse(fixtureDiscoveryResponse());
    expect(session.getSessionToken()).toBeUndefined();
    expect(platform.cookies.get('stytch_intermediate_session_token')).toBe('intermediate-session-token-test-fixture');
    expect(store.getState()).toMatchObject({ status: 'intermediate', emailAddress: 'ada@acme.test' });
    session.clearIntermediate();
    expect(session.getIntermediateSessionToken()).toBeUndefined();
    expect(store.getState()).toEqual({ status: 'signed-out' });
  });

  it('clears on unrecoverable error types only, and remembers why', () => {
    const { store, session } = setup();
    session.applyAuthenticateResponse(fixtureAuthenticateResponse());
    const sent = session.getSessionToken();
    session.handleApiError(new OrgAuthApiError('too_many_requests', 429, 'r', 'slow down'), sent);
    expect(store.getState().status).toBe('signed-in');
    expect(session.lastEndReason()).toBeNull();
    session.handleApiError(new OrgAuthApiError('invalid_secret_authentication', 401, 'r', 'no'), sent);
    expect(store.getState()).toEqual({ status: 'signed-out' });
    expect(session.lastEndReason()).toBe('expired');
    expect(session.getTokens()).toBeNull();
  });

  it('follows sign-in and sign-out of other tabs until destroyed', async () => {
    const first = setup();
    const second = setup(first.platform.openTab());
    first.session.applyAuthenticateResponse(fixtureAuthenticateResponse());
    await Promise.resolve();
    expect(second.store.getState()).toMatchObject({ status: 'signed-in', fromCache: false });
    first.session.clear('signed-out');
    await Promise.resolve();
    expect(second.store.getState()).toEqual({ status: 'signed-out' });
    expect(second.session.lastEndReason()).toBe('signed-out');
    second.session.destroy();
    first.session.applyAuthenticateResponse(fixtureAuthenticateResponse());
    await Promise.resolve();
    expect(second.store.getState().status).toBe('signed-out');
  });

  it('ignores a sign-in from another tab when this browser holds no session cookie', async () => {
    const first = setup();
    const second = setup(first.platform.openTab());
    // Server-held (HttpOnly) cookies: the response carries empty tokens, so no JS cookie is written.
    first.session.applyAuthenticateResponse(fixtureAuthenticateResponse({ session_token: '', session_jwt: '' }));
    await Promise.resolve();
    expect(second.store.getState().status).toBe('signed-out');
  });
});

describe('reference stability', () => {
  it('keeps member and organization references across an identical refresh', () => {
    const { store, session } = setup();
    session.applyAuthenticateResponse(fixtureAuthenticateResponse());
    const before = store.getState();
    session.applyAuthenticateResponse(fixtureAuthenticateResponse());
    const after = store.getState();
    expect(after).not.toBe(before);
    if (before.status !== 'signed-in' || after.status !== 'signed-in') throw new Error('expected signed-in');
    expect(after.member).toBe(before.member);
    expect(after.organization).toBe(before.organization);
    session.applyAuthenticateResponse(fixtureAuthenticateResponse({ member: { ...before.member, name: 'Ada King' } }));
    const renamed = store.getState();
    expect(renamed.status === 'signed-in' && renamed.member.name).toBe('Ada King');
  });

  it("keeps the session's own member and organization in store and cache, and other tabs follow", async () => {
    const a = setup();
    const b = setup(a.platform.openTab());
    const renamed = {
      member: fixtureMember({ name: 'Ada King' }),
      organization: fixtureOrganization({ organization_name: 'Acme Corp' }),
    };
    a.session.applyRecords(renamed);
    expect(a.store.getState()).toEqual({ status: 'signed-out' });
    const response = fixtureAuthenticateResponse();
    a.session.applyAuthenticateResponse(response);
    const before = a.store.getState();
    a.session.applyRecords({
      member: fixtureMember({ member_id: 'member-test-other', name: 'Grace' }),
      organization: fixtureOrganization({ organization_id: 'organization-test-other' }),
    });
    a.session.applyRecords({ member: { ...response.member } });
    expect(a.store.getState()).toBe(before);
    a.session.applyRecords(renamed);
    const expected = { ...renamed, session: response.member_session };
    expect(a.store.getState()).toEqual({ status: 'signed-in', ...expected, fromCache: false });
    expect(JSON.parse(a.platform.storageMap.get('state')!)).toEqual(expected);
    await vi.waitFor(() => expect(b.store.getState()).toEqual({ status: 'signed-in', ...expected, fromCache: false }));
  });
});
