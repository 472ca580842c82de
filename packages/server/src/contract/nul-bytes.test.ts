import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestServer, type TestServer } from '../testing/test-server.js';

// Found by the fuzzer on PostgreSQL (text cannot hold U+0000, so lookups failed as 500s). Each case
// here fails if its guard (app.ts URL check, lib/validate body check, Basic-auth decoding) goes.
let t: TestServer;
beforeAll(async () => {
  t = await createTestServer();
});
afterAll(async () => {
  await t.close();
});

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('NUL bytes are refused as 4xx on every input channel', () => {
  test('in a path parameter or query value → 400 bad_request', async () => {
    for (const path of [
      '/organizations/%00',
      '/organizations/a%00b/members',
      '/sessions/jwks/%00',
      '/events?action=%00',
    ]) {
      const res = await t.api(path);
      expect(res.status, path).toBe(400);
      expect(res.body.error_type).toBe('bad_request');
    }
    const sdk = await t.sdk('/projects/bootstrap/%00');
    expect(sdk.status).toBe(400);
    // A literal "%00" (double-encoded) is just text: an ordinary 404.
    expect((await t.api('/organizations/%2500')).status).toBe(404);
  });

  test('in a JSON body string or key → 400, nothing written', async () => {
    for (const body of [
      { organization_name: 'a\u0000b' },
      { 'organization_name\u0000': 'x' },
      { organization_name: 'x', trusted_metadata: { deep: ['\u0000'] } },
    ]) {
      const res = await t.api('/organizations', { body });
      expect(res.status).toBe(400);
      expect(res.body.error_message).toMatch(/NUL/);
    }
    expect(await t.server.db.selectFrom('organizations').select('id').execute()).toEqual([]);
  });

  test('in Basic credentials → 401', async () => {
    const { project_id, secret, public_token } = t.server.project;
    const api = await t.server.app.fetch(
      new Request('http://localhost/v1/b2b/organizations/x', {
        headers: { authorization: basic(`\u0000${project_id}`, secret) },
      }),
    );
    expect(api.status).toBe(401);
    const sdk = await t.server.app.fetch(
      new Request('http://localhost/sdk/v1/b2b/sessions/authenticate', {
        method: 'POST',
        headers: { authorization: basic(`${public_token}\u0000`, 'x') },
      }),
    );
    expect(sdk.status).toBe(401);
  });
});
