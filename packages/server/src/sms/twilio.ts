import { type EgressPolicy, egressFetch } from '../lib/egress-guard.js';
import { SmsDeliveryError, type SmsDeliveryErrorType, type SmsSender } from './sender.js';

/** Twilio's API origin, the default of {@link TwilioConfig.baseUrl}. */
export const TWILIO_BASE_URL = 'https://api.twilio.com';
const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * A Twilio-compatible SMS provider (Twilio's Programmable Messaging API, or any service answering
 * the same request): `POST {baseUrl}/2010-04-01/Accounts/{accountSid}/Messages.json`, form-encoded
 * `To`, `From` or `MessagingServiceSid`, and `Body`, with HTTP Basic `accountSid:authToken`.
 */
export interface TwilioConfig {
  accountSid: string;
  /** The account's auth token (or an API key secret): sent only in the Authorization header. */
  authToken: string;
  /** The sending number (E.164) or alphanumeric sender id; one of this and `messagingServiceSid`. */
  from?: string | undefined;
  /** A Messaging Service (`MG…`), which picks the sender itself; wins over `from`. */
  messagingServiceSid?: string | undefined;
  /** Default {@link TWILIO_BASE_URL}; a test points it at a local recorder. */
  baseUrl?: string | undefined;
  /** Abort a request that has not answered after this long. Default 10 s. */
  timeoutMs?: number | undefined;
  /**
   * How the provider is reached: through the egress guard (lib/egress-guard.ts), so a base URL that
   * resolves to this server's own network is refused unless `allowPrivate` says otherwise.
   */
  egress: EgressPolicy;
}

/** Twilio's error body (`code`, `message`, `more_info`); anything else reads as empty. */
async function providerError(res: Response): Promise<{ code?: unknown; message?: unknown }> {
  try {
    const body = (await res.json()) as unknown;
    return typeof body === 'object' && body !== null ? (body as { code?: unknown; message?: unknown }) : {};
  } catch {
    return {};
  }
}

/**
 * The provider's words with any echo of the credentials blanked out and control characters turned
 * into spaces (one log line that cannot forge another: LOG-03), shortened.
 */
function safeText(value: unknown, secret: string): string {
  const text = typeof value === 'string' ? value : '';
  const redacted = secret === '' ? text : text.split(secret).join('[redacted]');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
  return redacted.replace(/[\u0000-\u001f\u007f]/g, ' ').slice(0, 300);
}

/**
 * Twilio's error codes that say the recipient cannot get a text: the number is invalid, unreachable,
 * a landline, or in a region the account may not send to. 21610 is
 * a recipient that replied STOP. Any other refusal (credentials, the sender, Twilio's own limits or
 * outage) is the provider's side: the caller cannot fix it, so it is `sms_provider_unavailable`.
 */
const UNDELIVERABLE_CODES = new Set([21211, 21214, 21217, 21401, 21407, 21408, 21612, 21614]);
const UNSUBSCRIBED_CODE = 21610;

/** The API error type of a refusal with HTTP `status` and Twilio `code`. */
export function refusalType(status: number, code: unknown): SmsDeliveryErrorType {
  const n = typeof code === 'string' ? Number(code) : code;
  if (status >= 400 && status < 500 && n === UNSUBSCRIBED_CODE) return 'unsubscribed_phone_number';
  if (status >= 400 && status < 500 && typeof n === 'number' && UNDELIVERABLE_CODES.has(n))
    return 'invalid_phone_number';
  return 'sms_provider_unavailable';
}

/**
 * Sends each message with one request to the provider; a non-2xx answer or no answer becomes a
 * {@link SmsDeliveryError} of {@link refusalType}'s type.
 */
export function createTwilioSender(config: TwilioConfig): SmsSender {
  const base = (config.baseUrl ?? TWILIO_BASE_URL).replace(/\/+$/, '');
  const url = `${base}/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}/Messages.json`;
  const authorization = `Basic ${Buffer.from(`${config.accountSid}:${config.authToken}`).toString('base64')}`;
  return {
    kind: 'twilio',
    async send(sms) {
      const form = new URLSearchParams({ To: sms.to, Body: sms.body });
      if (config.messagingServiceSid) form.set('MessagingServiceSid', config.messagingServiceSid);
      else form.set('From', config.from ?? '');
      let res: Response;
      try {
        res = await egressFetch(
          url,
          {
            method: 'POST',
            headers: {
              authorization,
              'content-type': 'application/x-www-form-urlencoded',
              accept: 'application/json',
            },
            body: form.toString(),
            signal: AbortSignal.timeout(config.timeoutMs ?? DEFAULT_TIMEOUT_MS),
          },
          config.egress,
        );
      } catch (error) {
        const reason = error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error';
        throw new SmsDeliveryError(
          'sms_provider_unavailable',
          `The SMS provider at ${base} could not be reached (${safeText(reason, config.authToken)}).`,
        );
      }
      if (res.ok) {
        await res.body?.cancel();
        return;
      }
      const { code, message } = await providerError(res);
      const detail = [
        typeof code === 'number' || typeof code === 'string' ? `code ${code}` : '',
        safeText(message, config.authToken),
      ]
        .filter((part) => part !== '')
        .join(': ');
      throw new SmsDeliveryError(
        refusalType(res.status, code),
        `The SMS provider refused the message (HTTP ${res.status}${detail === '' ? '' : `, ${detail}`}).`,
      );
    },
    list: () => Promise.resolve([]),
    clear: () => Promise.resolve(),
  };
}
