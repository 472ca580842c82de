/** Tables of SMS one-time codes and the dev SMS outbox (migration 1710_sms_otps; packages/server/src/sms/). */

/**
 * `sms_otps`: the live SMS code of one member (one row per project, organization and member, so a new
 * send replaces the previous code). The code is bound to the number it was sent to: authenticating
 * it verifies THAT number for the member.
 */
export interface SmsOtpsTable {
  project_id: string;
  organization_id: string;
  member_id: string;
  /** E.164 (sms/phone.ts), the number the code went to. */
  phone_number: string;
  /** HMAC of the code under the secret box key, over `salt` and the binding (otps/sms-codes.ts). */
  code_hash: string;
  salt: string;
  attempts: number;
  expires_at: number;
  created_at: number;
}

/** `sms_outbox`: text messages the dev outbox holds instead of sending them (never written with Twilio). */
export interface SmsOutboxTable {
  id: string;
  project_id: string;
  to_number: string;
  body: string;
  sent_at: number;
  /** Real-time microseconds: orders messages sent within the same (possibly frozen) clock tick. */
  seq: number;
}
