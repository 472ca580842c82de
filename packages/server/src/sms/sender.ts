import type { Db } from '../db/schema.js';
import { ApiError } from '../lib/api-error.js';
import { createSmsOutbox } from './outbox.js';
import { createTwilioSender, type TwilioConfig } from './twilio.js';

/** A text message to send. */
export interface OutgoingSms {
  /** The project the message is sent for (the dev outbox keeps it; providers ignore it). */
  projectId: string;
  /** E.164 (sms/phone.ts). */
  to: string;
  body: string;
}

/** A text message as the dev outbox shows it. */
export interface Sms {
  id: string;
  to: string;
  body: string;
  sent_at: string;
}

/**
 * Sends text messages: to an SMS provider (Twilio's HTTP API or a compatible one), or into the
 * in-database dev outbox shown at `/dev/sms`. Chosen once at start by configuration, as the mailer
 * chooses between SMTP and the dev mailbox (mail/mailer.ts).
 */
export interface SmsSender {
  /** Which transport this is, for the start banner. */
  readonly kind: 'outbox' | 'twilio';
  /** @throws SmsDeliveryError (an ApiError: 400 or 503) when the provider refuses or cannot be reached. */
  send(sms: OutgoingSms): Promise<void>;
  /** Outbox contents, newest first (always empty with a provider: bodies are never stored then). */
  list(filter?: { to?: string | undefined }): Promise<Sms[]>;
  clear(): Promise<void>;
}

/** The API error types a failed send answers with (`API_ERRORS` in @orgauth/core/protocol). */
export type SmsDeliveryErrorType = 'invalid_phone_number' | 'unsubscribed_phone_number' | 'sms_provider_unavailable';

/** What the caller reads for each type: never the provider's own words, body or credentials. */
const CALLER_WORDS: Record<SmsDeliveryErrorType, string> = {
  invalid_phone_number: 'Text messages cannot be delivered to this phone number. Check it, or use another one.',
  unsubscribed_phone_number:
    'This phone number has opted out of text messages from this sender. Reply START from it, or use another number.',
  sms_provider_unavailable: 'The text message could not be sent right now. Try again in a few minutes.',
};

/**
 * A send the provider refused or could not take: answered to the caller as its `errorType` with
 * fixed words (an ApiError), while {@link SmsDeliveryError.detail} keeps the provider's refusal for
 * the operator's log (app.ts logs it), already cleared of the credentials.
 */
export class SmsDeliveryError extends ApiError {
  constructor(
    errorType: SmsDeliveryErrorType,
    /** For the operator's log only: the provider's status, code and words, never the auth token. */
    readonly detail: string,
  ) {
    super(errorType, CALLER_WORDS[errorType]);
    this.name = 'SmsDeliveryError';
  }
}

/** Options of {@link createSmsSender}. */
export interface SmsSenderOptions {
  db: Db;
  now: () => number;
  /** A Twilio-compatible provider; without one, messages go to the dev outbox. */
  twilio?: TwilioConfig | undefined;
}

/** Twilio when configured, otherwise the dev outbox table. */
export function createSmsSender({ db, now, twilio }: SmsSenderOptions): SmsSender {
  return twilio === undefined ? createSmsOutbox(db, now) : createTwilioSender(twilio);
}
