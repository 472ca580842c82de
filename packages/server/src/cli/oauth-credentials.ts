import { OAUTH_PROVIDERS, type OAuthProviderType } from '@orgauth/core/protocol';
import type { Db } from '../db/schema.js';
import type { SecretBox } from '../lib/secret-box.js';

/** True when `name` is a provider the server signs in with. */
export function isOAuthProvider(name: string | undefined): name is OAuthProviderType {
  return (OAUTH_PROVIDERS as readonly string[]).includes(name ?? '');
}

/** Why `value` cannot be a client id or secret, or `undefined` when it can. */
export function credentialProblem(what: string, value: string | undefined): string | undefined {
  if (value === undefined || value.trim() === '') return `Missing ${what}.`;
  if (value.length > 1024) return `${what} is longer than 1024 characters.`;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point.
  if (/[\u0000-\u001f\u007f\s]/.test(value)) return `${what} must not contain spaces or control characters.`;
  return undefined;
}

/**
 * Stores the project's OAuth client at `provider` (replacing any earlier one). The secret is sealed
 * with the server's secret box (lib/secret-box.ts), as OIDC connection secrets are: the database
 * never holds it in plaintext.
 */
export async function setOAuthCredentials(
  db: Db,
  box: SecretBox,
  row: { projectId: string; provider: OAuthProviderType; clientId: string; clientSecret: string; now: number },
): Promise<void> {
  const sealed = box.seal(row.clientSecret);
  await db
    .insertInto('oauth_credentials')
    .values({
      project_id: row.projectId,
      provider: row.provider,
      client_id: row.clientId,
      client_secret: sealed,
      created_at: row.now,
      updated_at: row.now,
    })
    .onConflict((oc) =>
      oc
        .columns(['project_id', 'provider'])
        .doUpdateSet({ client_id: row.clientId, client_secret: sealed, updated_at: row.now }),
    )
    .execute();
}

/** The project's OAuth clients: provider and client id only (the secret is never read back). */
export async function listOAuthCredentials(
  db: Db,
  projectId: string,
): Promise<Array<{ provider: string; client_id: string }>> {
  return db
    .selectFrom('oauth_credentials')
    .select(['provider', 'client_id'])
    .where('project_id', '=', projectId)
    .orderBy('provider')
    .execute();
}

/** Removes the project's client at `provider`; true when there was one. */
export async function removeOAuthCredentials(db: Db, projectId: string, provider: OAuthProviderType): Promise<boolean> {
  const result = await db
    .deleteFrom('oauth_credentials')
    .where('project_id', '=', projectId)
    .where('provider', '=', provider)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
