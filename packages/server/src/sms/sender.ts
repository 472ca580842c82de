import type { Db } from '../db/schema.js';
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
  /** @throws SmsDeliveryError when the provider refuses or cannot be reached. */
  send(sms: OutgoingSms): Promise<void>;
  /** Outbox contents, newest first (always empty with a provider: bodies are never stored then). */
  list(filter?: { to?: string | undefined }): Promise<Sms[]>;
  clear(): Promise<void>;
}

/** The provider's refusal, in words safe for the operator's log: never the credentials. */
export class SmsDeliveryError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
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
