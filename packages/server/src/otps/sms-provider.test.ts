import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { signUp } from '../testing/journey.js';
import { createTestServer, type TestServer } from '../testing/test-server.js';

// The whole path with a Twilio-compatible provider configured (ServerOptions.twilio): the route's
// text reaches a local stand-in of Twilio's API and nothing is kept in the outbox; a provider's
// refusal is a 500 to the caller, with the provider's words in the operator's log only.

let t: TestServer | undefined;
let provider: Server | undefined;
afterEach(async () => {
  await t?.close();
  await new Promise((resolve) => provider?.close(resolve) ?? resolve(undefined));
  t = undefined;
  provider = undefined;
  vi.restoreAllMocks();
});

const TOKEN = 'twilio-auth-token-do-not-log';

async function standIn(status: number, answer: unknown) {
  const forms: URLSearchParams[] = [];
  provider = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      forms.push(new URLSearchParams(body));
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => provider!.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
  t = await createTestServer({
    dev: true,
    rateLimits: false,
    twilio: { accountSid: 'AC1', authToken: TOKEN, from: '+14155550199', baseUrl, allowPrivateNetwork: true },
  });
  const ada = await signUp(t, 'ada@acme.test', 'acme');
  await t.api(`/organizations/${ada.organization_id}/members/${ada.member_id}`, {
    method: 'PUT',
    body: { mfa_phone_number: '+14155550100' },
  });
  return { forms, ids: { organization_id: ada.organization_id, member_id: ada.member_id } };
}

describe('otps/sms/send through a Twilio-compatible provider', () => {
  test('the code goes to the provider, never into the outbox', async () => {
    const { forms, ids } = await standIn(201, { sid: 'SM1' });
    const res = await t!.sdk('/b2b/otps/sms/send', { body: { ...ids, locale: 'ja' } });
    expect(res.status).toBe(200);
    expect(forms).toHaveLength(1);
    expect(forms[0]?.get('To')).toBe('+14155550100');
    expect(forms[0]?.get('From')).toBe('+14155550199');
    expect(forms[0]?.get('Body')).toMatch(/の確認コード: [0-9]{6}$/);
    expect(await t!.server.smsOutbox.list()).toEqual([]);
    expect(await (await t!.http('/dev/sms.json')).json()).toEqual([]);
  });

  test("a provider's refusal is a named 503 to the caller; the log has its words, neither has the token", async () => {
    const logged: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
    const { ids } = await standIn(400, { code: 21608, message: 'The number is unverified on a trial account.' });
    const res = await t!.sdk('/b2b/otps/sms/send', { body: ids });
    expect([res.status, res.body.error_type]).toEqual([503, 'sms_provider_unavailable']);
    expect(JSON.stringify(res.body)).not.toContain('21608');
    expect(JSON.stringify(res.body)).not.toContain(TOKEN);
    expect(logged.join('\n')).toContain('code 21608');
    expect(logged.join('\n')).not.toContain(TOKEN);
  });
});
