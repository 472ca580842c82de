import { describe, expect, test } from 'vitest';
import { twilioConfig, twilioOptionsFromEnv } from './config.js';

describe('SMS provider from the environment', () => {
  test('nothing set: the dev outbox', () => {
    expect(twilioOptionsFromEnv({})).toBeUndefined();
  });

  test('a complete Twilio configuration, egress guarded unless private networks are allowed', () => {
    const env = {
      ORGAUTH_SMS_TWILIO_ACCOUNT_SID: 'AC1',
      ORGAUTH_SMS_TWILIO_AUTH_TOKEN: 'secret-token',
      ORGAUTH_SMS_TWILIO_FROM: '+14155550100',
    };
    const options = twilioOptionsFromEnv(env);
    expect(options).toMatchObject({ accountSid: 'AC1', authToken: 'secret-token', from: '+14155550100' });
    expect(twilioConfig(options!).egress).toEqual({ allowPrivate: false });
    const relay = twilioOptionsFromEnv({
      ...env,
      ORGAUTH_SMS_TWILIO_BASE_URL: 'http://sms-relay.internal',
      ORGAUTH_SMS_ALLOW_PRIVATE: '1',
    });
    expect(twilioConfig(relay!)).toMatchObject({
      baseUrl: 'http://sms-relay.internal',
      egress: { allowPrivate: true },
    });
  });

  test('a half configuration refuses to start, naming the variable and never the token', () => {
    const token = 'secret-token';
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ ORGAUTH_SMS_TWILIO_AUTH_TOKEN: token, ORGAUTH_SMS_TWILIO_FROM: '+1' }, /ACCOUNT_SID/],
      [{ ORGAUTH_SMS_TWILIO_ACCOUNT_SID: 'AC1', ORGAUTH_SMS_TWILIO_FROM: '+1' }, /AUTH_TOKEN/],
      [{ ORGAUTH_SMS_TWILIO_ACCOUNT_SID: 'AC1', ORGAUTH_SMS_TWILIO_AUTH_TOKEN: token }, /FROM .*MESSAGING_SERVICE_SID/],
      [
        {
          ORGAUTH_SMS_TWILIO_ACCOUNT_SID: 'AC1',
          ORGAUTH_SMS_TWILIO_AUTH_TOKEN: token,
          ORGAUTH_SMS_TWILIO_MESSAGING_SERVICE_SID: 'MG1',
          ORGAUTH_SMS_TWILIO_BASE_URL: 'ftp://x',
        },
        /BASE_URL/,
      ],
    ];
    for (const [env, message] of cases) {
      expect(() => twilioOptionsFromEnv(env)).toThrow(message);
      try {
        twilioOptionsFromEnv(env);
      } catch (error) {
        expect((error as Error).message).not.toContain(token);
      }
    }
  });
});
