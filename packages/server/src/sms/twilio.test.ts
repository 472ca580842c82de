import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { EgressRefusedError } from '../lib/egress-guard.js';
import { SmsDeliveryError } from './sender.js';
import { createTwilioSender, type TwilioConfig } from './twilio.js';

// A local stand-in for Twilio's API records each request and answers what the test says.
interface Recorded {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

async function recorder(answer: { status: number; body: unknown; delayMs?: number }) {
  const seen: Recorded[] = [];
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      setTimeout(() => {
        res.writeHead(answer.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(answer.body));
      }, answer.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { seen, baseUrl: `http://127.0.0.1:${(server!.address() as AddressInfo).port}` };
}

const SECRET = 'auth-token-0123456789abcdef';
const config = (baseUrl: string, extra: Partial<TwilioConfig> = {}): TwilioConfig => ({
  accountSid: 'AC0123456789abcdef0123456789abcdef',
  authToken: SECRET,
  from: '+14155550100',
  baseUrl,
  egress: { allowPrivate: true },
  ...extra,
});
const message = { projectId: 'project-test-x', to: '+4915123456789', body: '123456 is your Acme verification code.' };

describe('Twilio-compatible sender', () => {
  test("posts Twilio's form to the account's Messages.json with Basic auth", async () => {
    const { seen, baseUrl } = await recorder({ status: 201, body: { sid: 'SM1', status: 'queued' } });
    await createTwilioSender(config(`${baseUrl}/`)).send(message);
    expect(seen).toHaveLength(1);
    const [request] = seen;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages.json');
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    const basic = Buffer.from(`AC0123456789abcdef0123456789abcdef:${SECRET}`).toString('base64');
    expect(request?.headers.authorization).toBe(`Basic ${basic}`);
    expect(Object.fromEntries(new URLSearchParams(request?.body))).toEqual({
      To: '+4915123456789',
      Body: '123456 is your Acme verification code.',
      From: '+14155550100',
    });
  });

  test('a Messaging Service replaces From', async () => {
    const { seen, baseUrl } = await recorder({ status: 201, body: {} });
    await createTwilioSender(config(baseUrl, { messagingServiceSid: 'MG0123' })).send(message);
    const form = new URLSearchParams(seen[0]?.body);
    expect(form.get('MessagingServiceSid')).toBe('MG0123');
    expect(form.has('From')).toBe(false);
  });

  test("an error answer becomes a named SmsDeliveryError: Twilio's code and words for the log only, never the token", async () => {
    const { baseUrl } = await recorder({
      status: 400,
      body: { code: 21211, message: `Invalid 'To' Phone Number (auth ${SECRET})`, more_info: 'https://x' },
    });
    const sending = createTwilioSender(config(baseUrl)).send(message);
    await expect(sending).rejects.toThrow(SmsDeliveryError);
    const error = (await sending.catch((e: unknown) => e)) as SmsDeliveryError;
    expect([error.errorType, error.status]).toEqual(['invalid_phone_number', 400]);
    expect(error.detail).toContain('HTTP 400');
    expect(error.detail).toContain('code 21211');
    expect(error.detail).toContain("Invalid 'To' Phone Number");
    // What the caller reads (the envelope's error_message) names neither Twilio's words nor the token.
    for (const text of [error.message, error.detail]) expect(text).not.toContain(SECRET);
    expect(error.message).not.toContain('Invalid');
    expect(error.message).not.toContain('21211');
  });

  test.each([
    [400, 21610, 'unsubscribed_phone_number', 400],
    [400, 21614, 'invalid_phone_number', 400],
    [400, '21408', 'invalid_phone_number', 400],
    [401, 20003, 'sms_provider_unavailable', 503],
    [429, 20429, 'sms_provider_unavailable', 503],
    [400, 21606, 'sms_provider_unavailable', 503],
    [500, 21211, 'sms_provider_unavailable', 503],
    [503, undefined, 'sms_provider_unavailable', 503],
  ])('HTTP %s with code %s → %s (%s)', async (status, code, type, answer) => {
    const { baseUrl } = await recorder({ status, body: code === undefined ? 'down' : { code, message: 'no' } });
    const error = (await createTwilioSender(config(baseUrl))
      .send(message)
      .catch((e: unknown) => e)) as SmsDeliveryError;
    expect([error.errorType, error.status]).toEqual([type, answer]);
  });

  test('control characters in the provider words cannot start a new log line (LOG-03)', async () => {
    const { baseUrl } = await recorder({ status: 400, body: { code: 1, message: 'a\r\n[orgauth] forged' } });
    const error = (await createTwilioSender(config(baseUrl))
      .send(message)
      .catch((e: unknown) => e)) as SmsDeliveryError;
    expect(error.detail).not.toMatch(/[\r\n]/);
  });

  test('a provider that does not answer in time is abandoned', async () => {
    const { baseUrl } = await recorder({ status: 201, body: {}, delayMs: 2_000 });
    const error = (await createTwilioSender(config(baseUrl, { timeoutMs: 100 }))
      .send(message)
      .catch((e: unknown) => e)) as SmsDeliveryError;
    expect(error.detail).toMatch(/could not be reached/);
    expect([error.errorType, error.status]).toEqual(['sms_provider_unavailable', 503]);
  });

  test('goes through the egress guard: a private base URL is refused unless allowed', async () => {
    const { seen, baseUrl } = await recorder({ status: 201, body: {} });
    const sending = createTwilioSender(config(baseUrl, { egress: { allowPrivate: false } })).send(message);
    const error = (await sending.catch((e: unknown) => e)) as SmsDeliveryError;
    expect(error).toBeInstanceOf(SmsDeliveryError);
    expect(error.detail).toContain(new EgressRefusedError('127.0.0.1').name);
    expect(error.errorType).toBe('sms_provider_unavailable');
    expect(seen).toHaveLength(0);
  });
});
