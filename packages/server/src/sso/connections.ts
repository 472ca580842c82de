import { X509Certificate } from 'node:crypto';
import type { Db, OrganizationsTable, SsoConnectionsTable } from '../db/schema.js';
import { apiError } from '../lib/api-error.js';
import { envOf, newId } from '../lib/crypto.js';
import { parseJson } from '../lib/json.js';

/** Identity providers a connection may name (Stytch's list); `generic` when unnamed. */
export const IDENTITY_PROVIDERS = [
  'generic',
  'okta',
  'microsoft-entra',
  'google-workspace',
  'jumpcloud',
  'onelogin',
  'ping-federate',
  'rippling',
  'cyberark',
  'duo',
  'keycloak',
  'shibboleth',
  'salesforce',
  'classlink',
  'auth0',
  'adfs',
] as const;

/** A stored verification certificate (public PEM only). */
export interface StoredCertificate {
  certificate_id: string;
  certificate: string;
  issuer: string;
  created_at: number;
  expires_at: number;
}

/** Changes to a SAML connection record; absent keys are left alone. */
export interface SamlPatch {
  displayName?: string;
  identityProvider?: string;
  idpEntityId?: string;
  idpSsoUrl?: string;
  attributeMapping?: Record<string, unknown>;
  /** A PEM certificate to add to the verification certificates. */
  x509Certificate?: string;
  /** False lets the IdP start sign-ins (unsolicited responses); default true. */
  idpInitiatedAuthDisabled?: boolean;
  /** True accepts SHA-1 signatures/digests from this IdP (legacy IdPs only); default false. */
  allowSha1?: boolean;
}

/**
 * Parses a PEM X.509 certificate (so we never store junk an IdP response would later be checked
 * against).
 * @throws ApiError 400 `invalid_x509_certificate`
 */
export function parseCertificate(pem: string, now: number): StoredCertificate {
  let cert: X509Certificate;
  try {
    if (!pem.includes('-----BEGIN CERTIFICATE-----')) throw new Error('not PEM');
    cert = new X509Certificate(pem);
  } catch {
    throw apiError('invalid_x509_certificate', 'x509_certificate must be one PEM-encoded X.509 certificate.');
  }
  return {
    certificate_id: newId('saml-verification-key'),
    certificate: cert.toString().trim(),
    issuer: cert.issuer,
    created_at: now,
    expires_at: Date.parse(cert.validTo),
  };
}

/**
 * Rewrites the organization's denormalised `sso_active_connections` from its active connections.
 * Call it in the same transaction as every connection change.
 */
export async function refreshActiveConnections(db: Db, organizationId: string): Promise<void> {
  const active = await db
    .selectFrom('sso_connections')
    .select(['id', 'display_name', 'identity_provider'])
    .where('organization_id', '=', organizationId)
    .where('status', '=', 'active')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const json = JSON.stringify(
    active.map((c) => ({ connection_id: c.id, display_name: c.display_name, identity_provider: c.identity_provider })),
  );
  await db
    .updateTable('organizations')
    .set({ sso_active_connections: json })
    .where('id', '=', organizationId)
    .execute();
}

/** Creates a `pending` connection record of `org` (it has no IdP settings yet). */
export async function createConnection(
  db: Db,
  org: OrganizationsTable,
  type: 'saml' | 'oidc',
  input: { displayName: string; identityProvider: string; idpMetadataUrl?: string | undefined },
  now: number,
): Promise<SsoConnectionsTable> {
  const row: SsoConnectionsTable = {
    id: newId(type === 'saml' ? 'saml-connection' : 'oidc-connection', envOf(org.project_id)),
    project_id: org.project_id,
    organization_id: org.id,
    type,
    display_name: input.displayName,
    identity_provider: input.identityProvider,
    status: 'pending',
    idp_entity_id: '',
    idp_sso_url: '',
    idp_metadata_url: input.idpMetadataUrl ?? '',
    x509_certificates: '[]',
    attribute_mapping: '{}',
    created_at: now,
    updated_at: now,
  };
  await db.insertInto('sso_connections').values(row).execute();
  return row;
}

/** The connections of `organizationId`, oldest first. */
export function listConnections(db: Db, organizationId: string): Promise<SsoConnectionsTable[]> {
  return db
    .selectFrom('sso_connections')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/**
 * The connection `connectionId` of `organizationId` (of `type` when given).
 * @throws ApiError 404 `connection_not_found`
 */
export async function getConnection(
  db: Db,
  organizationId: string,
  connectionId: string,
  type?: 'saml' | 'oidc',
): Promise<SsoConnectionsTable> {
  const row = await db
    .selectFrom('sso_connections')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', connectionId)
    .$if(type !== undefined, (q) => q.where('type', '=', type as 'saml' | 'oidc'))
    .executeTakeFirst();
  if (row === undefined)
    throw apiError('connection_not_found', 'No SSO connection of this organization matches that connection_id.');
  return row;
}

/**
 * Updates a SAML connection record; it becomes `active` once it has an IdP entity id, an SSO URL
 * and a verification certificate. Refreshes the organization's active connections.
 */
export async function updateSamlConnection(
  db: Db,
  conn: SsoConnectionsTable,
  patch: SamlPatch,
  now: number,
): Promise<SsoConnectionsTable> {
  const next: SsoConnectionsTable = { ...conn, updated_at: now };
  if (patch.displayName !== undefined) next.display_name = patch.displayName;
  if (patch.identityProvider !== undefined) next.identity_provider = patch.identityProvider;
  if (patch.idpEntityId !== undefined) next.idp_entity_id = patch.idpEntityId;
  if (patch.idpSsoUrl !== undefined) next.idp_sso_url = patch.idpSsoUrl;
  if (patch.attributeMapping !== undefined) next.attribute_mapping = JSON.stringify(patch.attributeMapping);
  if (patch.idpInitiatedAuthDisabled !== undefined)
    next.idp_initiated_auth_disabled = patch.idpInitiatedAuthDisabled ? 1 : 0;
  if (patch.allowSha1 !== undefined) next.saml_allow_sha1 = patch.allowSha1 ? 1 : 0;
  if (patch.x509Certificate !== undefined) {
    const certs = parseJson<StoredCertificate[]>(conn.x509_certificates, []);
    next.x509_certificates = JSON.stringify([...certs, parseCertificate(patch.x509Certificate, now)].slice(-5));
  }
  const complete =
    next.idp_entity_id !== '' && next.idp_sso_url !== '' && parseJson<unknown[]>(next.x509_certificates, []).length > 0;
  next.status = complete ? 'active' : 'pending';
  const { id, ...set } = next;
  await db.updateTable('sso_connections').set(set).where('id', '=', id).execute();
  await refreshActiveConnections(db, conn.organization_id);
  return next;
}

/** Deletes a connection and every reference the organization holds to it. */
export async function deleteConnection(
  db: Db,
  org: OrganizationsTable,
  conn: SsoConnectionsTable,
  now: number,
): Promise<void> {
  // Its identity links, pending sign-ins and replay records go with it (a later connection never inherits them).
  for (const table of ['sso_identities', 'sso_requests', 'saml_assertion_ids'] as const)
    await db.deleteFrom(table).where('connection_id', '=', conn.id).execute();
  await db.deleteFrom('sso_connections').where('id', '=', conn.id).execute();
  const allowed = parseJson<string[]>(org.sso_jit_provisioning_allowed_connections ?? '[]', []).filter(
    (id) => id !== conn.id,
  );
  await db
    .updateTable('organizations')
    .set({
      sso_jit_provisioning_allowed_connections: JSON.stringify(allowed),
      sso_default_connection_id:
        org.sso_default_connection_id === conn.id ? null : (org.sso_default_connection_id ?? null),
      updated_at: now,
    })
    .where('id', '=', org.id)
    .execute();
  await refreshActiveConnections(db, org.id);
}
