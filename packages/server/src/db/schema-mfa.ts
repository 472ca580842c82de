/** Tables of multi-factor authentication (migration 1700, mfa/). */

/** `member_totps`: TOTP registrations; `verified` once a code from the authenticator app passed. */
export interface MemberTotpsTable {
  id: string;
  project_id: string;
  organization_id: string;
  member_id: string;
  /** The base32 secret, sealed (lib/secret-box.ts): verifying a code needs it back. */
  secret_sealed: string;
  verified: number;
  /** The RFC 6238 time step of the last accepted code: a code of this step or earlier is refused. */
  last_used_step: number | null;
  /** An unverified registration dies at this time; a verified one lives until deleted. */
  expires_at: number;
  created_at: number;
}

/** `member_recovery_codes`: a member's ten single-use recovery codes. */
export interface MemberRecoveryCodesTable {
  project_id: string;
  organization_id: string;
  member_id: string;
  /** Keyed digest of the normalized code (SecretBox.mac), the only thing verification reads. */
  code_mac: string;
  /** The code, sealed, so `recovery_codes/get` can show the member the codes left. */
  sealed: string;
  used_at: number | null;
  created_at: number;
}
