import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeProtectedHeader } from 'jose';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { runKeysCommand } from '../cli/keys-command.js';
import { createSigningKeys } from '../sessions/signing-keys.js';
import { createOrgAuthServer } from '../server.js';
import { createOidcFixture, type OidcFixture } from '../sso/oidc/testing/oidc-flow.js';
import { checkSecretBoxKey, createSecretBox } from './secret-box.js';

let f: OidcFixture;
beforeEach(async () => {
  f = await createOidcFixture();
});
afterEach(async () => {
  await f.close();
});

const session = (now: number) => ({
  member_session_id: 'member-session-test-x',
  member_id: 'member-test-x',
  organization_id: 'organization-test-x',
  organization_slug: 'x',
  started_at: new Date(now).toISOString(),
  last_accessed_at: new Date(now).toISOString(),
  expires_at: new Date(now + 3_600_000).toISOString(),
  authentication_factors: [],
  roles: [],
  custom_claims: {},
});

describe('encryption at rest', () => {
  test('the SQLite files hold no plaintext client secret, signing private key or PKCE verifier', async (ctx) => {
    if (f.t.dialect !== 'sqlite') ctx.skip();
    const t = f.t;
    expect((await f.signIn()).status).toBe(303); // uses the sealed client secret at the token endpoint
    await f.start(); // a pending attempt: its sealed code verifier stays in sso_requests
    const pending = await t.server.db
      .selectFrom('sso_requests')
      .select('code_verifier')
      .where('used_at', 'is', null)
      .executeTakeFirstOrThrow();
    const verifier = t.server.secretBox.open(pending.code_verifier as string);
    await t.api(`/sessions/jwks/${t.server.project.project_id}`, { auth: null });
    const keys = await t.server.db.selectFrom('session_signing_keys').select('private_jwk').execute();
    expect(keys.length).toBeGreaterThanOrEqual(2);
    const privateDs = keys.map((k) => {
      expect(k.private_jwk.startsWith('v1.')).toBe(true);
      return (JSON.parse(t.server.secretBox.open(k.private_jwk)) as { d: string }).d;
    });
    const conn = await t.server.db
      .selectFrom('sso_connections')
      .select('oidc_client_secret')
      .where('id', '=', f.connectionId)
      .executeTakeFirstOrThrow();
    expect(conn.oidc_client_secret?.startsWith('v1.')).toBe(true);
    await t.server.checkpoint();
    const bytes = ['orgauth.db', 'orgauth.db-wal', 'orgauth.db-shm'].map((name) => {
      try {
        return readFileSync(join(t.dataDir, name)).toString('latin1');
      } catch {
        return '';
      }
    });
    for (const secret of [f.op.clientSecret, verifier, ...privateDs]) {
      for (const content of bytes)
        expect(content.includes(secret), `${secret.slice(0, 6)}… in the database files`).toBe(false);
    }
    // Sanity: the scan sees stored text (the sealed secret itself and the issuer URL).
    expect(bytes.some((content) => content.includes(conn.oidc_client_secret as string))).toBe(true);
  });

  test('a server started with another key refuses to start', async (ctx) => {
    await expect(checkSecretBoxKey(f.t.server.db, createSecretBox(randomBytes(32)), 0)).rejects.toThrow(
      /does not match/,
    );
    await expect(checkSecretBoxKey(f.t.server.db, f.t.server.secretBox, 0)).resolves.toBeUndefined();
    if (f.t.dialect !== 'sqlite') ctx.skip();
    await expect(
      createOrgAuthServer({ dataDir: f.t.dataDir, encryptionKey: randomBytes(32).toString('base64') }),
    ).rejects.toThrow(/does not match/);
  });

  test('a plaintext private_jwk from before sealing is sealed on read and keeps signing with its kid', async () => {
    const t = f.t;
    const projectId = t.server.project.project_id;
    await t.api(`/sessions/jwks/${projectId}`, { auth: null });
    const active = await t.server.db
      .selectFrom('session_signing_keys')
      .selectAll()
      .where('project_id', '=', projectId)
      .where('state', '=', 'active')
      .executeTakeFirstOrThrow();
    const plain = t.server.secretBox.open(active.private_jwk);
    await t.server.db
      .updateTable('session_signing_keys')
      .set({ private_jwk: plain })
      .where('kid', '=', active.kid)
      .execute();
    // A fresh key service (no cached import) meets the plaintext row on its signing path.
    const jwt = await createSigningKeys(t.server.db, t.clock.now, t.server.secretBox).signSessionJwt(
      projectId,
      session(t.clock.now()),
      t.clock.now(),
    );
    expect(decodeProtectedHeader(jwt).kid).toBe(active.kid);
    const after = await t.server.db
      .selectFrom('session_signing_keys')
      .select('private_jwk')
      .where('kid', '=', active.kid)
      .executeTakeFirstOrThrow();
    expect(after.private_jwk.startsWith('v1.')).toBe(true);
    expect(t.server.secretBox.open(after.private_jwk)).toBe(plain);
    // …and at start-up every remaining plaintext row (next, retired) is sealed.
    await t.server.db
      .updateTable('session_signing_keys')
      .set({ private_jwk: plain })
      .where('kid', '=', active.kid)
      .execute();
    await t.restart();
    const rows = await t.server.db.selectFrom('session_signing_keys').select('private_jwk').execute();
    for (const row of rows) expect(row.private_jwk.startsWith('v1.')).toBe(true);
  });

  test('`keys rotate` (a separate process on the data dir) seals the keys it makes with the same key', async (ctx) => {
    if (f.t.dialect !== 'sqlite') ctx.skip();
    const t = f.t;
    const projectId = t.server.project.project_id;
    await t.api(`/sessions/jwks/${projectId}`, { auth: null });
    const out: string[] = [];
    const code = await runKeysCommand(['rotate', '--data-dir', t.dataDir, '--project-id', projectId], {
      env: {},
      out: (x) => out.push(x),
      err: (x) => out.push(x),
    });
    expect(code, out.join('')).toBe(0);
    const rows = await t.server.db
      .selectFrom('session_signing_keys')
      .select(['private_jwk', 'state'])
      .where('project_id', '=', projectId)
      .execute();
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const row of rows) expect(t.server.secretBox.open(row.private_jwk)).toContain('"d"');
    // A key from elsewhere is refused before anything is written.
    const errors: string[] = [];
    const other = await runKeysCommand(['rotate', '--data-dir', t.dataDir], {
      env: { ORGAUTH_ENCRYPTION_KEY: randomBytes(32).toString('base64') },
      out: () => {},
      err: (x) => errors.push(x),
    });
    expect(other).toBe(1);
    expect(errors.join('')).toMatch(/does not match/);
    expect(
      await t.server.db.selectFrom('session_signing_keys').select('kid').where('project_id', '=', projectId).execute(),
    ).toHaveLength(rows.length);
  });
});
