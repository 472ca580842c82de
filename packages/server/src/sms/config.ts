import { TWILIO_BASE_URL, type TwilioConfig } from './twilio.js';

/** `ServerOptions.twilio`: a Twilio-compatible provider, minus the egress policy the server derives. */
export type TwilioOptions = Omit<TwilioConfig, 'egress'> & {
  /** Let the base URL reach loopback or private addresses (a local relay, tests). Default false. */
  allowPrivateNetwork?: boolean | undefined;
};

/** The environment variables of {@link twilioOptionsFromEnv}, as `--help` lists them. */
export const SMS_ENV_USAGE = `  ORGAUTH_SMS_TWILIO_ACCOUNT_SID, ORGAUTH_SMS_TWILIO_AUTH_TOKEN
                     send SMS codes through Twilio (or a Twilio-compatible API) instead of the dev
                     outbox, with ORGAUTH_SMS_TWILIO_FROM (sender number) or
                     ORGAUTH_SMS_TWILIO_MESSAGING_SERVICE_SID; ORGAUTH_SMS_TWILIO_BASE_URL (default
                     ${TWILIO_BASE_URL}); ORGAUTH_SMS_ALLOW_PRIVATE=1 lets it be on a private network
`;

/**
 * Reads the SMS provider from the environment: `undefined` when none is configured (the dev outbox),
 * else every field checked, so a half-configured provider refuses to start rather than fail at the
 * first sign-in.
 * @throws Error naming the variable that is missing or malformed (never echoing the auth token).
 */
export function twilioOptionsFromEnv(env: NodeJS.ProcessEnv): TwilioOptions | undefined {
  const read = (name: string) => env[`ORGAUTH_SMS_TWILIO_${name}`]?.trim() || undefined;
  const accountSid = read('ACCOUNT_SID');
  const authToken = read('AUTH_TOKEN');
  const from = read('FROM');
  const messagingServiceSid = read('MESSAGING_SERVICE_SID');
  const baseUrl = read('BASE_URL');
  if ([accountSid, authToken, from, messagingServiceSid, baseUrl].every((v) => v === undefined)) return undefined;
  if (accountSid === undefined)
    throw new Error('ORGAUTH_SMS_TWILIO_ACCOUNT_SID is required to send SMS through Twilio.');
  if (authToken === undefined) throw new Error('ORGAUTH_SMS_TWILIO_AUTH_TOKEN is required to send SMS through Twilio.');
  if (from === undefined && messagingServiceSid === undefined)
    throw new Error('Set ORGAUTH_SMS_TWILIO_FROM (the sending number) or ORGAUTH_SMS_TWILIO_MESSAGING_SERVICE_SID.');
  if (baseUrl !== undefined) {
    let protocol = '';
    try {
      protocol = new URL(baseUrl).protocol;
    } catch {
      // Reported below.
    }
    if (protocol !== 'https:' && protocol !== 'http:')
      throw new Error('ORGAUTH_SMS_TWILIO_BASE_URL must be an http(s) URL such as https://api.twilio.com.');
  }
  return {
    accountSid,
    authToken,
    from,
    messagingServiceSid,
    baseUrl,
    allowPrivateNetwork: env.ORGAUTH_SMS_ALLOW_PRIVATE === '1',
  };
}

/** The sender configuration of {@link TwilioOptions}: egress guarded unless the operator allowed private networks. */
export function twilioConfig(options: TwilioOptions): TwilioConfig {
  const { allowPrivateNetwork, ...rest } = options;
  return { ...rest, egress: { allowPrivate: allowPrivateNetwork === true } };
}
