import { afterEach, beforeEach, expect, test } from 'vitest';
import { sha256Hex } from '../lib/crypto.js';
import { createTestServer, type TestServer } from '../testing/test-server.js';
import { consumeSsoRequest, createSsoRequest, SSO_REQUEST_TTL_MS } from './requests.js';

let t: TestServer;
beforeEach(async () => {
  t = await createTestServer();
});
afterEach(async () => {
  await t.close();
});

const make = () =>
  createSsoRequest(
    t.server.db,
    {
      projectId: t.server.project.project_id,
      connectionId: 'conn-a',
      kind: 'oidc',
      loginRedirectUrl: 'http://localhost:3000/',
      signupRedirectUrl: 'http://localhost:3000/',
      nonce: 'n',
      sealedCodeVerifier: 'sealed',
    },
    t.clock.now(),
  );

test('ids are 256-bit, stored only as SHA-256, and expire after 10 minutes', async () => {
  const request = await make();
  expect(request.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
  const rows = await t.server.db.selectFrom('sso_requests').selectAll().execute();
  expect(rows).toEqual([
    expect.objectContaining({
      id_hash: sha256Hex(request.id),
      expires_at: t.clock.now() + SSO_REQUEST_TTL_MS,
      nonce: 'n',
      code_verifier: 'sealed',
    }),
  ]);
  expect(JSON.stringify(rows)).not.toContain(request.id);
  t.clock.advance(SSO_REQUEST_TTL_MS);
  await expect(consumeSsoRequest(t.server.db, request.id, 'conn-a', t.clock.now())).rejects.toMatchObject({
    errorType: 'sso_request_not_found',
  });
});

test('single use even under concurrency, and bound to its connection', async () => {
  const request = await make();
  await expect(consumeSsoRequest(t.server.db, request.id, 'conn-b', t.clock.now())).rejects.toMatchObject({
    errorType: 'sso_request_not_found',
  });
  const results = await Promise.allSettled(
    [1, 2, 3].map(() => consumeSsoRequest(t.server.db, request.id, 'conn-a', t.clock.now())),
  );
  expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  await expect(consumeSsoRequest(t.server.db, '', 'conn-a', t.clock.now())).rejects.toMatchObject({
    errorType: 'sso_request_not_found',
  });
});
