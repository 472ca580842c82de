import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createTestServer, type TestServer } from '../testing/test-server.js';
import { mailedReset, organizationWith, sdkReset, sdkResetStart, STRONG } from './testing/reset-journey.js';

// Backend `passwords/email/require_reset`: the email's password is gone until a reset by email sets
// a new one; the reset answers show the new `member_password_id`.

let t: TestServer;
let acme: string;
beforeEach(async () => {
  t = await createTestServer({ dev: true });
  acme = await organizationWith(t, 'acme', ['ada@acme.test']);
});
afterEach(async () => {
  await t.close();
});

const signIn = (password: string) =>
  t.sdk('/b2b/passwords/authenticate', {
    body: { organization_id: acme, email_address: 'ada@acme.test', password, session_duration_minutes: 60 },
  });

async function resetTo(password: string) {
  await sdkResetStart(t, acme, 'ada@acme.test');
  const { token, subject } = await mailedReset(t, 'ada@acme.test');
  return { res: await sdkReset(t, token, password), subject };
}

describe('require_reset', () => {
  test('deletes the password: sign-in fails until a reset by email sets a new one', async () => {
    const first = await resetTo(STRONG);
    expect(first.subject).toBe('Set a password for Org acme');
    const row = await t.server.db.selectFrom('member_passwords').select('id').executeTakeFirstOrThrow();
    expect(first.res.body.data.member.member_password_id).toBe(row.id);
    expect((await signIn(STRONG)).status).toBe(200);

    const started = await t.api('/passwords/email/reset/start', {
      body: { organization_id: acme, email_address: 'ada@acme.test' },
    });
    expect(started.body.member.member_password_id).toBe(row.id);

    const required = await t.api('/passwords/email/require_reset', {
      body: { email_address: 'ada@acme.test', organization_id: 'acme' },
    });
    expect(required.status).toBe(200);
    expect(required.body).toMatchObject({
      member_id: expect.stringMatching(/^member-test-/),
      member: { email_address: 'ada@acme.test', member_password_id: '' },
      organization: { organization_id: acme },
    });
    expect((await signIn(STRONG)).status).toBe(401);
    const again = await t.api('/passwords/email/require_reset', { body: { email_address: 'ada@acme.test' } });
    expect(again.body).toEqual({ status_code: 200, request_id: expect.any(String) });

    const second = await resetTo(`${STRONG}#2`);
    expect(second.subject).toBe('Set a password for Org acme');
    expect(second.res.status).toBe(200);
    expect((await signIn(`${STRONG}#2`)).status).toBe(200);
  });

  test('names a member only by its own email', async () => {
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [{ email_address: 'eve@acme.test', organization_id: acme }, 404, 'member_not_found'],
      [{ email_address: 'ada@acme.test', organization_id: 'nope' }, 404, 'organization_not_found'],
      [{ email_address: 'ada@acme.test', member_id: 'member-test-x' }, 400, 'bad_request'],
      [{ organization_id: acme }, 400, 'invalid_email'],
    ];
    for (const [body, status, type] of cases) {
      const res = await t.api('/passwords/email/require_reset', { body });
      expect([res.status, res.body.error_type], JSON.stringify(body)).toEqual([status, type]);
    }
  });
});
