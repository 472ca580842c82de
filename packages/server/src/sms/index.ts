/**
 * Text messages: the sender port (the dev outbox, or a Twilio-compatible provider), phone number
 * validation and the words of an SMS code. A layer below the features, as mail/ is.
 */
export { SMS_ENV_USAGE, twilioConfig, twilioOptionsFromEnv, type TwilioOptions } from './config.js';
export { smsCodeText } from './copy.js';
export { normalizePhoneNumber } from './phone.js';
export { createSmsSender, type OutgoingSms, type Sms, SmsDeliveryError, type SmsSender } from './sender.js';
export { TWILIO_BASE_URL, type TwilioConfig } from './twilio.js';
