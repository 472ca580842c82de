import type { Db, OrganizationsTable } from '../db/schema.js';
import { type ComposedMail, composeMail, type MailKind } from '../mail/compose.js';

/** What a reset mail is about. */
export interface ResetMailInput {
  projectId: string;
  /** Already resolved against the project's `reset_password` allowlist. */
  redirectUrl: string;
  /** The plaintext token, put in the link and nowhere else. */
  token: string;
  /** The organization of an organization reset; `undefined` for discovery. */
  organization?: OrganizationsTable | undefined;
  /** True when the email has no password yet: the mail says "set" rather than "reset". */
  firstPassword: boolean;
  ttlMinutes: number;
  /** The start call's `locale` (mail/locale.ts). */
  locale?: string | undefined;
}

/**
 * The link a reset mail carries: the allowlisted redirect URL with Stytch's query
 * (docs/wire-protocol.md §4): `stytch_token_type` `multi_tenant_passwords` (organization) or
 * `discovery`, the `token`, and `stytch_redirect_type=reset_password`, which tells a discovery reset
 * from a discovery magic link. Built only from the allowlisted URL, never from Host or
 * X-Forwarded-Host (docs/security.md REDIR-05).
 */
export function resetLink(redirectUrl: string, token: string, discovery: boolean): string {
  const link = new URL(redirectUrl);
  link.searchParams.set('stytch_token_type', discovery ? 'discovery' : 'multi_tenant_passwords');
  link.searchParams.set('token', token);
  link.searchParams.set('stytch_redirect_type', 'reset_password');
  return link.href;
}

/** The built-in mail kind of a reset: reset or first password, organization or discovery. */
export function resetMailKind(discovery: boolean, firstPassword: boolean): MailKind {
  if (discovery) return firstPassword ? 'password_set_discovery' : 'password_reset_discovery';
  return firstPassword ? 'password_set' : 'password_reset';
}

/**
 * Composes the reset mail (the environment's template and branding, mail/compose.ts). Pass the
 * caller's transaction as `db`; send the result after the commit, so no mail carries a token that
 * was rolled back.
 */
export function composeResetMail(db: Db, input: ResetMailInput): Promise<ComposedMail> {
  const discovery = input.organization === undefined;
  return composeMail(db, input.projectId, {
    kind: resetMailKind(discovery, input.firstPassword),
    link: resetLink(input.redirectUrl, input.token, discovery),
    organizationName: input.organization?.name,
    expiresInMinutes: input.ttlMinutes,
    locale: input.locale,
  });
}
