/** The table of password resets by email (migration 1610_password_resets; packages/server/src/passwords/). */

/** `password_resets`: one reset link, found by the SHA-256 of its token, spent once. */
export interface PasswordResetsTable {
  hash: string;
  project_id: string;
  /** Lowercased: passwords are per email within a project. */
  email: string;
  /** The organization of an organization reset; null for a discovery reset. */
  organization_id: string | null;
  /** The SDK's PKCE challenge (base64url SHA-256 of its verifier); null when the backend started it. */
  code_challenge: string | null;
  expires_at: number;
  used_at: number | null;
  created_at: number;
}
