import { describe, expect, it } from 'vitest';
import { createB2BClient } from '../client.js';
import { memoryPlatform, type MemoryPlatform } from '../platform/memory.js';
import type { B2BAuthenticateResponse } from '../protocol/types.js';
import {
  fixtureAuthenticateResponse,
  fixtureMember,
  fixtureMemberSession,
  fixtureOrganization,
} from '../testing/fixtures.js';
import {
  createScriptedTransport,
  fixtureErrorEnvelope,
  type ScriptedReply,
  type ScriptedReplyValue,
  type ScriptedTransport,
} from '../testing/scripted-transport.js';

const PUBLIC_TOKEN = 'public-token-test-00000000-0000-4000-8000-000000000000';
const STATE_KEY = `stytch_sdk_state_${PUBLIC_TOKEN}`;
const AUTHENTICATE = 'POST /b2b/sessions/authenticate';

/** A sign-in answer for one person, with that person's own tokens. */
const signInAs = (who: 'ada' | 'grace' | 'lin'): B2BAuthenticateResponse => {
  const member = fixtureMember({ member_id: `member-test-${who}`, email_address: `${who}@acme.test` });
  return fixtureAuthenticateResponse({
    member,
    member_session: fixtureMemberSession({
      member_id: member.member_id,
      member_session_id: `member-session-test-${who}`,
    }),
    session_token: `session-token-${who}`,
    session_jwt: `session-jwt-${who}`,
  });
};

/** A reply the test answers later: the delayed answer of a slow network. */
function held() {
  let answer!: (value: ScriptedReplyValue) => void;
  const reply = new Promise<ScriptedReplyValue>((resolve) => (answer = resolve));
  return { reply: () => reply, answer };
}

/**
 * Ada is signed in (cookies, cached state) and two tabs start: each revalidates at start-up, tab A
 * with `replies.a` (held, to play a slow network), tab B with Ada's answer unless told otherwise.
 */
function twoTabs(replies: { a?: Record<string, ScriptedReply>; b?: Record<string, ScriptedReply> } = {}) {
  const transportA = createScriptedTransport({ [AUTHENTICATE]: signInAs('ada'), ...replies.a });
  const transportB = createScriptedTransport({ [AUTHENTICATE]: signInAs('ada'), ...replies.b });
  const platformA = memoryPlatform({ href: 'https://app.test/', fetch: transportA.fetch });
  const platformB = platformA.openTab({ fetch: transportB.fetch });
  const ada = signInAs('ada');
  const expires = new Date(ada.member_session.expires_at);
  platformA.cookies.set('stytch_session', ada.session_token, { expires });
  platformA.cookies.set('stytch_session_jwt', ada.session_jwt, { expires });
  platformA.storageMap.set(
    STATE_KEY,
    JSON.stringify({ member: ada.member, organization: ada.organization, session: ada.member_session }),
  );
  const tab = (platform: MemoryPlatform, transport: ScriptedTransport) => ({
    platform,
    transport,
    client: createB2BClient({ publicToken: PUBLIC_TOKEN, baseUrl: 'https://auth.test', platform }),
  });
  return { a: tab(platformA, transportA), b: tab(platformB, transportB) };
}

/** Tab `platform` holds the verifier of an SSO sign-in it started. */
const startedSso = (platform: MemoryPlatform) =>
  platform.storage.set(
    `${STATE_KEY}::PKCE_VERIFIER:sso`,
    JSON.stringify({ code_challenge: 'c', code_verifier: 'v'.repeat(64) }),
  );

const email = (client: ReturnType<typeof createB2BClient>) => {
  const state = client.store.getState();
  return state.status === 'signed-in' ? state.member.email_address : state.status;
};
const cachedEmail = (platform: MemoryPlatform) =>
  (JSON.parse(platform.storageMap.get(STATE_KEY) ?? 'null') as { member?: { email_address: string } } | null)?.member
    ?.email_address ?? null;
// Storage events reach the other tabs in microtasks; let them land.
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('a stale tab cannot overwrite a newer sign-in', () => {
  it('a revalidation answer that lands after another tab signed in someone else is dropped', async () => {
    const slow = held();
    const { a, b } = twoTabs({ a: { [AUTHENTICATE]: slow.reply } });
    // Tab A is a reload: its start-up revalidation is on the wire with Ada's token.
    expect((a.platform.fetches[0]!.init!.headers as Record<string, string>).Authorization).toBe(
      `Basic ${btoa(`${PUBLIC_TOKEN}:session-token-ada`)}`,
    );
    const stale = a.client.session.authenticate();

    // Tab B signs in as Grace (an organization chosen after discovery): her cookies and cached state.
    b.platform.cookies.set('stytch_intermediate_session_token', 'ist-grace', {});
    b.transport.reply('POST /b2b/discovery/intermediate_sessions/exchange', signInAs('grace'));
    await b.client.discovery.intermediateSessions.exchange({ organization_id: fixtureOrganization().organization_id });
    await settle();
    expect(email(a.client)).toBe('grace@acme.test');

    // Ada's answers land late (the start-up one and the explicit one).
    slow.answer(signInAs('ada'));
    await expect(stale).resolves.toMatchObject({ session_token: 'session-token-ada' });
    await settle();
    expect(a.platform.cookies.get('stytch_session')).toBe('session-token-grace');
    expect(a.platform.cookies.get('stytch_session_jwt')).toBe('session-jwt-grace');
    expect(cachedEmail(a.platform)).toBe('grace@acme.test');
    expect(email(a.client)).toBe('grace@acme.test');
    expect(email(b.client)).toBe('grace@acme.test');
  });

  it('a late session_not_found for the old session leaves the new session’s cookies alone', async () => {
    const slow = held();
    const { a, b } = twoTabs({ a: { [AUTHENTICATE]: slow.reply } });
    const call = a.client.session.authenticate().catch((e: unknown) => e);
    // Ada's session ends on the server; tab B signs in as Grace through SSO while A's requests are out.
    startedSso(b.platform);
    b.transport.reply('POST /b2b/sso/authenticate', signInAs('grace'));
    await b.client.sso.authenticate({ sso_token: 'sso-token-grace' });
    await settle();

    slow.answer(fixtureErrorEnvelope('session_not_found', 404));
    expect(await call).toMatchObject({ errorType: 'session_not_found' });
    await settle();
    expect(a.platform.cookies.get('stytch_session')).toBe('session-token-grace');
    expect(cachedEmail(a.platform)).toBe('grace@acme.test');
    expect(email(a.client)).toBe('grace@acme.test');
    expect(email(b.client)).toBe('grace@acme.test');
    expect(a.client.session.lastEndReason()).toBeNull();
  });

  it('session_not_found for the session the cookie still holds clears it, as before', async () => {
    const { a, b } = twoTabs({ a: { [AUTHENTICATE]: fixtureErrorEnvelope('session_not_found', 404) } });
    await a.client.session.authenticate().catch(() => undefined);
    await settle();
    expect(a.platform.cookieJar.size).toBe(0);
    expect(a.client.store.getState()).toEqual({ status: 'signed-out' });
    expect(b.client.store.getState()).toEqual({ status: 'signed-out' });
    expect(a.client.session.lastEndReason()).toBe('expired');
  });

  it('a late answer does not bring back a session another tab signed out of', async () => {
    const slow = held();
    const { a, b } = twoTabs({ a: { [AUTHENTICATE]: slow.reply } });
    const call = a.client.session.authenticate();
    b.transport.reply('POST /b2b/sessions/revoke', { request_id: 'r', status_code: 200 });
    await b.client.session.revoke();
    await settle();
    slow.answer(signInAs('ada'));
    await call;
    expect(a.platform.cookies.get('stytch_session')).toBeUndefined();
    expect(a.platform.storageMap.get(STATE_KEY)).toBe('null');
    expect(a.client.store.getState()).toEqual({ status: 'signed-out' });
    expect(b.client.store.getState()).toEqual({ status: 'signed-out' });
  });

  it('a sign-in made in this tab still applies when the cookie changed while it was out', async () => {
    const slow = held();
    const { a, b } = twoTabs();
    // Tab A: the person picks an organization after discovery; the exchange is slow.
    a.platform.cookies.set('stytch_intermediate_session_token', 'ist-grace', {});
    a.transport.reply('POST /b2b/discovery/intermediate_sessions/exchange', slow.reply);
    const exchange = a.client.discovery.intermediateSessions.exchange({
      organization_id: fixtureOrganization().organization_id,
    });
    // Meanwhile tab B signs in as Lin through SSO: the cookie no longer holds the token A's request carried.
    startedSso(b.platform);
    b.transport.reply('POST /b2b/sso/authenticate', signInAs('lin'));
    await b.client.sso.authenticate({ sso_token: 'sso-token-lin' });
    await settle();
    expect(email(a.client)).toBe('lin@acme.test');
    // The person's own choice in tab A is the newest sign-in there is: it applies, and B follows.
    slow.answer(signInAs('grace'));
    await exchange;
    await settle();
    expect(a.platform.cookies.get('stytch_session')).toBe('session-token-grace');
    expect(email(a.client)).toBe('grace@acme.test');
    expect(email(b.client)).toBe('grace@acme.test');
  });

  it('a revoke that lands after another tab signed in keeps the newer session', async () => {
    const slow = held();
    const { a, b } = twoTabs();
    a.transport.reply('POST /b2b/sessions/revoke', slow.reply);
    const revoke = a.client.session.revoke({ forceClear: true });
    startedSso(b.platform);
    b.transport.reply('POST /b2b/sso/authenticate', signInAs('grace'));
    await b.client.sso.authenticate({ sso_token: 'sso-token-grace' });
    slow.answer({ request_id: 'r', status_code: 200 });
    await revoke;
    await settle();
    expect(a.platform.cookies.get('stytch_session')).toBe('session-token-grace');
    expect(email(a.client)).toBe('grace@acme.test');
    expect(email(b.client)).toBe('grace@acme.test');
  });

  it('a session cookie without a cached state makes the stale tab revalidate that session', async () => {
    const slow = held();
    const { a } = twoTabs({ a: { [AUTHENTICATE]: slow.reply } });
    const call = a.client.session.authenticate();
    // Another browser tab wrote a new session cookie, but its cached state is unreadable here.
    a.platform.cookies.set('stytch_session', 'session-token-grace', {});
    a.platform.storageMap.delete(STATE_KEY);
    slow.answer(signInAs('ada'));
    await call;
    await settle();
    expect(a.client.store.getState()).toEqual({ status: 'initializing' });
    a.transport.reply(AUTHENTICATE, signInAs('grace'));
    a.platform.advance(0);
    await settle();
    expect(a.transport.requests.at(-1)!.headers.authorization).toBe(
      `Basic ${btoa(`${PUBLIC_TOKEN}:session-token-grace`)}`,
    );
    expect(email(a.client)).toBe('grace@acme.test');
  });
});
