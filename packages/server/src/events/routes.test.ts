import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { EVENT_RETENTION_MS, purgeOldEvents } from './store.js';
import { discover, signUp } from '../testing/journey.js';
import { createTestServer, type TestServer } from '../testing/test-server.js';

let t: TestServer;
beforeEach(async () => {
  t = await createTestServer({ dev: true });
});
afterEach(async () => {
  vi.restoreAllMocks();
  await t.close();
});

const allEvents = async () => {
  await t.server.flushEvents();
  return t.server.db.selectFrom('events').selectAll().orderBy('seq').execute();
};

describe('event log middleware', () => {
  test('every API request writes start then success, tied by request_id, named by action', async () => {
    const created = await t.api('/organizations', { body: { organization_name: 'Acme', organization_slug: 'acme' } });
    const orgId = created.body.organization.organization_id as string;
    const member = await t.api(`/organizations/${orgId}/members`, { body: { email_address: 'ada@acme.test' } });
    const events = await allEvents();
    expect(events.map((e) => [e.action, e.status])).toEqual([
      ['OrganizationsCreate', 'start'],
      ['OrganizationsCreate', 'success'],
      ['OrganizationsMembersCreate', 'start'],
      ['OrganizationsMembersCreate', 'success'],
    ]);
    expect(events[0]?.request_id).toBe(created.body.request_id);
    expect(events[1]?.request_id).toBe(created.body.request_id);
    expect(events[3]).toMatchObject({
      request_id: member.body.request_id,
      project_id: t.server.project.project_id,
      method: 'POST',
      route: '/v1/b2b/organizations/:organization_id/members',
      http_status: 200,
      error_type: null,
      organization_id: orgId,
      member_id: member.body.member_id,
    });
    expect(events[3]?.duration_ms).toBeGreaterThanOrEqual(0);
    // The start row is written before authentication: no project on it; the query attributes it.
    expect(events[2]?.project_id).toBeNull();
  });

  test('SDK requests are logged with their action names; preflights and dev pages are not', async () => {
    const data = await signUp(t, 'ada@example.com', 'acme');
    await t.sdk('/b2b/sessions/authenticate', { body: {}, session: data.session_token });
    await t.server.app.fetch(
      new Request('http://localhost/sdk/v1/b2b/sessions/authenticate', {
        method: 'OPTIONS',
        headers: { origin: 'http://localhost:3000' },
      }),
    );
    await t.server.app.fetch(new Request('http://localhost/dev/mailbox.json'));
    const success = (await allEvents()).filter((e) => e.status === 'success');
    expect(success.map((e) => e.action)).toEqual([
      'MagicLinksEmailDiscoverySend',
      'MagicLinksDiscoveryAuthenticate',
      'DiscoveryOrganizationsCreate',
      'MultiTenantSessionsAuthenticate',
    ]);
    expect(success[3]).toMatchObject({
      route: '/sdk/v1/b2b/sessions/authenticate',
      member_id: data.member_id,
      organization_id: data.organization_id,
    });
  });

  test('errors: status, error_type, unknown action; unauthenticated requests belong to no project', async () => {
    const missing = await t.api('/organizations/organization-test-nope');
    expect(missing.status).toBe(404);
    await t.api('/organizations', { body: {}, auth: null });
    await t.api('/no/such/path');
    const errors = (await allEvents()).filter((e) => e.status === 'error');
    expect(errors.map((e) => [e.action, e.http_status, e.error_type, e.project_id])).toEqual([
      ['OrganizationsGet', 404, missing.body.error_type, t.server.project.project_id],
      ['OrganizationsCreate', 401, 'unauthorized_credentials', null],
      ['Unknown', 404, 'not_found', t.server.project.project_id],
    ]);
    // Unknown paths are recorded by prefix only: a raw path could carry anything.
    expect(errors[2]?.route).toBe('/v1/b2b/*');
  });

  test('no token, secret or body ever lands in the events table', async () => {
    const { secret, public_token } = t.server.project;
    const { ist } = await discover(t, 'grace@example.com');
    const data = await signUp(t, 'ada@example.com', 'acme');
    const mails = await t.server.mailbox.list();
    const linkTokens = mails.flatMap((m) => [...m.text.matchAll(/token=([A-Za-z0-9_-]+)/g)].map((x) => x[1] as string));
    await t.sdk('/b2b/sessions/authenticate', { body: {}, session: data.session_token });
    await t.api('/sessions/authenticate', { body: { session_token: data.session_token } });
    await t.api('/sessions/authenticate', { body: { session_jwt: data.session_jwt } });
    await t.api('/organizations', { body: { organization_name: 'Body Marker', organization_slug: 'body-marker-xyz' } });
    await t.api('/organizations', {
      body: {},
      auth: { user: t.server.project.project_id, password: 'secret-test-guessed-secret-value' },
    });
    const dump = JSON.stringify(await allEvents());
    const secrets = [
      secret,
      public_token,
      ist,
      data.session_token,
      data.session_jwt,
      ...linkTokens,
      'Body Marker',
      'body-marker-xyz',
      'secret-test-guessed-secret-value',
    ];
    expect(linkTokens.length).toBeGreaterThanOrEqual(2);
    for (const value of secrets) {
      expect(value.length).toBeGreaterThan(8);
      expect(dump.includes(value), `events contain ${value.slice(0, 12)}…`).toBe(false);
    }
    expect(dump).not.toMatch(/Basic /);
  });

  test('a failed log write is reported to stderr and never breaks the request', async () => {
    const stderr = vi.spyOn(console, 'error').mockImplementation(() => {});
    await sql`DROP TABLE events`.execute(t.server.db);
    const created = await t.api('/organizations', { body: { organization_name: 'Acme', organization_slug: 'acme' } });
    expect(created.status).toBe(200);
    expect(created.body.organization.organization_slug).toBe('acme');
    await t.server.flushEvents();
    expect(stderr.mock.calls.some((call) => String(call[0]).includes('event log write failed'))).toBe(true);
  });
});

describe('purgeOldEvents', () => {
  test('removes rows older than 30 days, keeps the rest; also runs at start', async () => {
    await t.api('/organizations/organization-test-old');
    t.clock.advance(EVENT_RETENTION_MS - 1000);
    await t.api('/organizations/organization-test-recent');
    await t.server.flushEvents();
    expect(await purgeOldEvents(t.server.db, t.clock.now())).toBe(0);
    t.clock.advance(2000);
    expect(await purgeOldEvents(t.server.db, t.clock.now())).toBe(2);
    const left = await allEvents();
    expect(left.map((e) => e.organization_id)).toEqual(['organization-test-recent', 'organization-test-recent']);
    t.clock.advance(EVENT_RETENTION_MS);
    await t.restart();
    expect(await allEvents()).toEqual([]);
  });
});
