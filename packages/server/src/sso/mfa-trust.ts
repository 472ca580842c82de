import type { Db } from '../db/schema.js';

/**
 * An operator setting, never a wire field: Stytch's connection objects have no such flag, so the
 * backend API stays byte-compatible (docs/security.md AUTH-15). A trusted connection's identity
 * provider enforces MFA itself, so a sign-in through it satisfies the organization's MFA
 * (`PrimaryStart.mfaSatisfied`, mfa/gate.ts). Set with `orgauth-server sso trust` (cli/sso-commands.ts).
 */

/** One connection as `orgauth-server sso list` shows it. */
export interface ConnectionTrustRow {
  connectionId: string;
  organizationId: string;
  organizationSlug: string;
  type: 'saml' | 'oidc';
  displayName: string;
  status: string;
  trusted: boolean;
}

/** The project's SSO connections with their organization and trust, by organization slug then id. */
export async function listConnectionTrust(db: Db, projectId: string): Promise<ConnectionTrustRow[]> {
  const rows = await db
    .selectFrom('sso_connections')
    .innerJoin('organizations', 'organizations.id', 'sso_connections.organization_id')
    .select([
      'sso_connections.id',
      'sso_connections.organization_id',
      'organizations.slug',
      'sso_connections.type',
      'sso_connections.display_name',
      'sso_connections.status',
      'sso_connections.mfa_trusted',
    ])
    .where('sso_connections.project_id', '=', projectId)
    .orderBy('organizations.slug')
    .orderBy('sso_connections.id')
    .execute();
  return rows.map((r) => ({
    connectionId: r.id,
    organizationId: r.organization_id,
    organizationSlug: r.slug,
    type: r.type,
    displayName: r.display_name,
    status: r.status,
    trusted: r.mfa_trusted === 1,
  }));
}

/**
 * Marks the project's connection trusted (or not). Running servers read the flag at each SSO
 * redeem, so the change applies to the next sign-in; sessions already started are left alone.
 * @returns false when the project has no such connection.
 */
export async function setConnectionTrust(
  db: Db,
  projectId: string,
  connectionId: string,
  trusted: boolean,
): Promise<boolean> {
  // `updated_at` stays: it is on the wire, and this setting is not.
  const result = await db
    .updateTable('sso_connections')
    .set({ mfa_trusted: trusted ? 1 : 0 })
    .where('project_id', '=', projectId)
    .where('id', '=', connectionId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Whether the sign-in that came through `connectionId` into `organizationId` satisfies MFA: the
 * connection is the organization's, active, and trusted. A token without a connection (issued
 * before migration 1800) never does.
 */
export async function connectionSatisfiesMfa(
  db: Db,
  organizationId: string,
  connectionId: string | null,
): Promise<boolean> {
  if (connectionId === null) return false;
  const row = await db
    .selectFrom('sso_connections')
    .select('mfa_trusted')
    .where('id', '=', connectionId)
    .where('organization_id', '=', organizationId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return row?.mfa_trusted === 1;
}
