import { randomBytes } from 'node:crypto';
import { consumeOnce } from '../db/consume-once.js';
import type { Db } from '../db/schema.js';
import type { SsoRequestsTable } from '../db/schema-sso.js';
import { type ApiError, apiError } from '../lib/api-error.js';
import { sha256Hex } from '../lib/crypto.js';

/** How long an SSO start stays redeemable: long enough for an IdP login with MFA, short enough to bound replay. */
export const SSO_REQUEST_TTL_MS = 10 * 60_000;

/** Inputs of {@link createSsoRequest}. */
export interface NewSsoRequest {
  projectId: string;
  connectionId: string;
  kind: 'saml' | 'oidc';
  loginRedirectUrl: string;
  signupRedirectUrl: string;
  pkceCodeChallenge?: string | undefined;
  /** SAML: the AuthnRequest ID; set now or via {@link setSamlRequestId}. */
  samlRequestId?: string | undefined;
  /** OIDC nonce (plain; it is echoed in the id_token). */
  nonce?: string | undefined;
  /** OIDC PKCE verifier, ALREADY sealed (lib/secret-box). */
  sealedCodeVerifier?: string | undefined;
  /** OIDC: SHA-256 of the browser-binding cookie's secret (sso/oidc/start.ts). */
  browserBindingHash?: string | undefined;
  /** A start from the discovery flow: its end is a `discovery_sso` token (sso/discovery.ts). */
  discovery?: boolean | undefined;
}

/** A live SSO request: its row plus the plaintext id (returned only at creation). */
export interface SsoRequest extends SsoRequestsTable {
  /** Plaintext id (RelayState / state). Empty on rows read back from the database. */
  id: string;
}

/**
 * Creates an SSO request. Its id is 256 random bits (base64url) and is stored as SHA-256 only: the
 * id is the RelayState / `state` a browser carries, so it must not be recoverable from the database.
 */
export async function createSsoRequest(db: Db, input: NewSsoRequest, now: number): Promise<SsoRequest> {
  const id = randomBytes(32).toString('base64url');
  const row: SsoRequestsTable = {
    id_hash: sha256Hex(id),
    project_id: input.projectId,
    connection_id: input.connectionId,
    kind: input.kind,
    saml_request_id: input.samlRequestId ?? null,
    nonce: input.nonce ?? null,
    code_verifier: input.sealedCodeVerifier ?? null,
    login_redirect_url: input.loginRedirectUrl,
    signup_redirect_url: input.signupRedirectUrl,
    pkce_code_challenge: input.pkceCodeChallenge ?? null,
    browser_binding_hash: input.browserBindingHash ?? null,
    discovery: input.discovery === true ? 1 : 0,
    created_at: now,
    expires_at: now + SSO_REQUEST_TTL_MS,
    used_at: null,
  };
  await db.insertInto('sso_requests').values(row).execute();
  return { ...row, id };
}

/** Records the AuthnRequest ID once node-saml has generated it (it is minted while building the URL). */
export async function setSamlRequestId(db: Db, request: SsoRequest, samlRequestId: string): Promise<void> {
  await db
    .updateTable('sso_requests')
    .set({ saml_request_id: samlRequestId })
    .where('id_hash', '=', request.id_hash)
    .execute();
  request.saml_request_id = samlRequestId;
}

/** The 400 for a state / RelayState that is unknown, used, expired or for another connection. */
export function ssoRequestNotFound(): ApiError {
  return apiError(
    'sso_request_not_found',
    'This sign-in attempt is unknown, already used, or expired. Start the sign-in again.',
  );
}

/**
 * Consumes the request whose plaintext id is `idOrState`, for `connectionId`, exactly once: the single
 * conditional UPDATE is the check, so of two concurrent callbacks at most one wins.
 * @throws ApiError 400 `sso_request_not_found`
 */
export async function consumeSsoRequest(
  db: Db,
  idOrState: string,
  connectionId: string,
  now: number,
): Promise<SsoRequestsTable> {
  if (idOrState === '' || idOrState.length > 512) throw ssoRequestNotFound();
  const hash = sha256Hex(idOrState);
  const consumed = await consumeOnce(db, 'sso_requests', now, (eb) =>
    eb.and([eb('id_hash', '=', hash), eb('connection_id', '=', connectionId)]),
  );
  if (!consumed) throw ssoRequestNotFound();
  const row = await db.selectFrom('sso_requests').selectAll().where('id_hash', '=', hash).executeTakeFirstOrThrow();
  return row;
}

/**
 * Reads (without consuming) a live request by plaintext id: error pages use it to find the login URL
 * to send the browser back to.
 */
export function peekSsoRequest(db: Db, idOrState: string, connectionId: string): Promise<SsoRequestsTable | undefined> {
  if (idOrState === '' || idOrState.length > 512) return Promise.resolve(undefined);
  return db
    .selectFrom('sso_requests')
    .selectAll()
    .where('id_hash', '=', sha256Hex(idOrState))
    .where('connection_id', '=', connectionId)
    .executeTakeFirst();
}

/** Deletes requests that expired more than a day ago (housekeeping; never needed for correctness). */
export async function purgeSsoRequests(db: Db, now: number): Promise<void> {
  await db
    .deleteFrom('sso_requests')
    .where('expires_at', '<', now - 86_400_000)
    .execute();
  await db.deleteFrom('saml_assertion_ids').where('expires_at', '<', now).execute();
}
