import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

/** Prefixed, Stytch-shaped identifiers (docs/wire-protocol.md §6) for the `test` environment. */
export type IdKind =
  | 'project'
  | 'public-token'
  | 'organization'
  | 'member'
  | 'member-session'
  | 'member-email'
  | 'member-password'
  | 'saml-connection'
  | 'oidc-connection'
  | 'saml-verification-key'
  | 'request-id'
  | 'mail'
  | 'oauth-registration'
  | 'sms'
  | 'phone-number';

/** A new identifier such as `organization-test-<uuid>`. */
export function newId(kind: IdKind, env = 'test'): string {
  return `${kind}-${env}-${randomUUID()}`;
}

/** The environment (`test` or `live`) a project id belongs to, so ids made for it carry the same word. */
export function envOf(projectId: string): 'test' | 'live' {
  return projectId.startsWith('project-live-') ? 'live' : 'test';
}

/**
 * A new bearer token: 33 CSPRNG bytes as URL-safe base64 (44 chars, no padding), so it can travel in a
 * query string without escaping. 264 bits is far above the 128-bit floor of ASVS 7.2.3.
 */
export function newToken(): string {
  return randomBytes(33).toString('base64url');
}

/** A new project secret, `secret-test-<base64url>`. */
export function newSecret(env = 'test'): string {
  return `secret-${env}-${randomBytes(32).toString('base64url')}`;
}

/** SHA-256 hex digest: the only form in which tokens and secrets are stored. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** Constant-time comparison of two hex digests. */
export function digestsEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}

/** PKCE S256 challenge of a verifier: `base64url(sha256(verifier))`, no padding. */
export function pkceChallenge(verifier: string): string {
  return createHash('sha256').update(verifier, 'utf8').digest('base64url');
}
