import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createTestServer, type TestResponse, type TestServer } from '../testing/test-server.js';

let t: TestServer;
beforeEach(async () => {
  t = await createTestServer({ dev: true });
});
afterEach(async () => {
  await t.close();
});

describe('GET /v1/b2b/events', () => {
  test('needs the secret; immediately shows the requests before it, newest first', async () => {
    expect((await t.api('/events', { auth: null })).status).toBe(401);
    const created = await t.api('/organizations', { body: { organization_name: 'Acme', organization_slug: 'acme' } });
    const res = await t.api('/events?limit=1000');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status_code: 200, results_metadata: { next_cursor: null } });
    const mine = res.body.events.filter((e: { request_id: string }) => e.request_id === created.body.request_id);
    expect(mine.map((e: { status: string }) => e.status)).toEqual(['success', 'start']);
    expect(mine[0]).toMatchObject({
      action: 'OrganizationsCreate',
      http_status: 200,
      project_id: t.server.project.project_id,
      timestamp: '2030-01-01T00:00:00.000Z',
    });
    // Newest first; the 401 above authenticated as no project, so it is in no project's log.
    expect(res.body.events[0]).toMatchObject({ request_id: created.body.request_id, status: 'success' });
    expect(res.body.events.some((e: { http_status: number }) => e.http_status === 401)).toBe(false);
    // Start rows have no project of their own: only those whose request ended in this project show
    // (not the 401's, not this in-flight query's), so an unauthenticated caller cannot add any.
    const count = (status: string) => res.body.events.filter((e: { status: string }) => e.status === status).length;
    expect(count('start')).toBe(count('success') + count('error'));
  });

  test('filters by status, action and since', async () => {
    await t.api('/organizations/organization-test-missing');
    t.clock.advance(60_000);
    await t.api('/organizations', { body: { organization_name: 'Acme', organization_slug: 'acme' } });
    const errors = await t.api('/events?status=error');
    expect(errors.body.events.map((e: { action: string }) => e.action)).toEqual(['OrganizationsGet']);
    const creates = await t.api('/events?action=OrganizationsCreate');
    expect(creates.body.events.map((e: { status: string }) => e.status)).toEqual(['success', 'start']);
    const since = await t.api(`/events?since=${encodeURIComponent('2030-01-01T00:01:00Z')}&action=OrganizationsGet`);
    expect(since.body.events).toEqual([]);
  });

  test('limit + opaque cursor page through without duplicates or gaps, while new events arrive', async () => {
    for (let i = 0; i < 5; i++) await t.api(`/organizations/organization-test-${i}`);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: TestResponse = await t.api(`/events?status=error&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.body.events.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.events.map((e: { organization_id: string }) => e.organization_id));
      cursor = res.body.results_metadata.next_cursor;
      await t.api('/organizations/organization-test-late'); // newer than every page: never shows up
      pages++;
    } while (cursor !== null && pages < 10);
    expect(seen).toEqual([4, 3, 2, 1, 0].map((i) => `organization-test-${i}`));
  });

  test('bad filters are 400s with specific error types', async () => {
    const cases: Array<[string, string]> = [
      ['status=done', 'bad_request'],
      ['action=%3Cscript%3E', 'bad_request'],
      ['since=yesterday', 'bad_request'],
      ['limit=0', 'invalid_limit'],
      ['limit=1001', 'invalid_limit'],
      ['limit=1e3', 'invalid_limit'],
      ['cursor=not-a-cursor', 'invalid_cursor'],
      [`cursor=${Buffer.from('[1,2]').toString('base64url')}`, 'invalid_cursor'],
    ];
    for (const [query, errorType] of cases) {
      const res = await t.api(`/events?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error_type, query).toBe(errorType);
    }
  });

  test('another project cannot read these events', async () => {
    await t.api('/organizations', { body: { organization_name: 'Acme', organization_slug: 'acme' } });
    const res = await t.api('/events', {
      auth: { user: 'project-test-00000000-0000-4000-8000-000000000000', password: t.server.project.secret },
    });
    expect(res.status).toBe(401);
  });
});

describe('GET /dev/events', () => {
  test('renders an escaped HTML table', async () => {
    await t.api(`/organizations/${encodeURIComponent('<img src=x onerror=alert(1)>')}`);
    const res = await t.http('/dev/events?status=error');
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toContain('OrganizationsGet');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
  });
});
