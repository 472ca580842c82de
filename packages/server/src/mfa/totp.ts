import { Secret, TOTP } from 'otpauth';
import { toDataURL } from 'qrcode';

/**
 * RFC 6238 as every authenticator app reads it: HMAC-SHA-1, 30-second steps, six digits. The
 * `otpauth` library computes and compares the codes (constant-time); this file only fixes the
 * parameters and the window.
 */
const PARAMS = { algorithm: 'SHA1', digits: 6, period: 30 } as const;
/** Codes of the step before and after the current one are accepted (clock drift, typing time). */
export const TOTP_WINDOW = 1;

/** A new 160-bit secret (RFC 4226's recommended length), base32 as authenticator apps take it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

const totpOf = (secret: string, issuer = '', label = '') =>
  new TOTP({ ...PARAMS, issuer, label, secret: Secret.fromBase32(secret) });

/** The time step of `now` (epoch ms). */
export function totpStep(now: number): number {
  return TOTP.counter({ period: PARAMS.period, timestamp: now });
}

/** The code of `secret` at `now`: for tests and the demo's dev tools, never sent by the server. */
export function totpCode(secret: string, now: number): string {
  return totpOf(secret).generate({ timestamp: now });
}

/**
 * The time step `code` belongs to when it is a code of `secret` within ±{@link TOTP_WINDOW} steps of
 * `now`, else `null`.
 */
export function matchTotpStep(secret: string, code: string, now: number): number | null {
  if (!/^[0-9]{6}$/.test(code)) return null;
  const delta = totpOf(secret).validate({ token: code, timestamp: now, window: TOTP_WINDOW });
  return delta === null ? null : totpStep(now) + delta;
}

/**
 * The `otpauth://` URI of the registration and its QR code as a `data:image/png;base64,…` URL (the
 * `qrcode` library), shown once at creation like the secret.
 */
export async function totpQrCode(secret: string, issuer: string, account: string): Promise<string> {
  return toDataURL(totpOf(secret, issuer, account).toString(), { errorCorrectionLevel: 'M', margin: 2 });
}
