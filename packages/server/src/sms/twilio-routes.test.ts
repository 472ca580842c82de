import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { signUp } from '../testing/journey.js';
import { createTestServer, type TestServer } from '../testing/test-server.js';

// A refusal of the Twilio-compatible provider reaches the caller of otps/sms/send as a named error of
// the catalogue (sms/sender.ts), never a 500 and never the provider's words or the auth token; the
// operator's log keeps what the provider said.
const SECRET = 'auth-token-0123456789abcdef';
const PHONE = '+14155550100';
let t: TestServer;
let stand: Server | undefined;
afterEach(async () => {
  await t.close();
  await new Promise((resolve) => stand?.close(resolve) ?? resolve(undefined));
  vi.restoreAllMocks();
});

/** A local stand-in for Twilio's API answering every message with `status` and `body`. */
async function twilioStandIn(status: number, body: unknown): Promise<string> {
  stand = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => stand!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(stand!.address() as AddressInfo).port}`;
}

async function sendThrough(status: number, body: unknown) {
  const baseUrl = await twilioStandIn(status, body);
  t = await createTestServer({
    dev: true,
    rateLimits: false,
    twilio: { accountSid: 'AC0123', authToken: SECRET, from: '+14155550199', baseUrl, allowPrivateNetwork: true },
  });
  const ada = await signUp(t, 'ada@acme.test', 'acme');
  const org = ada.organization_id as string;
  await t.api(`/organizations/${org}/members/${ada.member_id}`, { method: 'PUT', body: { mfa_phone_number: PHONE } });
  const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const sdk = await t.sdk('/b2b/otps/sms/send', { body: { organization_id: org, member_id: ada.member_id } });
  const api = await t.api('/otps/sms/send', { body: { organization_id: org, member_id: ada.member_id } });
  return { sdk, api, logged: log.mock.calls.map((args) => args.join(' ')).join('\n') };
}

describe('SMS provider refusals on otps/sms/send', () => {
  test.each([
    [400, { code: 21211, message: `Invalid 'To' Phone Number ${SECRET}` }, 'invalid_phone_number', 400],
    [400, { code: 21610, message: 'Attempt to send to unsubscribed recipient' }, 'unsubscribed_phone_number', 400],
    [401, { code: 20003, message: `Authenticate ${SECRET}` }, 'sms_provider_unavailable', 503],
    [500, { message: 'Twilio is down' }, 'sms_provider_unavailable', 503],
  ])('Twilio HTTP %s %j → %s %s, on both APIs', async (status, body, type, answer) => {
    const { sdk, api, logged } = await sendThrough(status, body);
    for (const res of [sdk, api]) {
      expect(res.status).toBe(answer);
      expect(res.body).toMatchObject({ status_code: answer, error_type: type });
      const text = JSON.stringify(res.body);
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(body.message.split(' ')[0]);
    }
    expect(logged).toContain(`HTTP ${status}`);
    expect(logged).not.toContain(SECRET);
  });
});
