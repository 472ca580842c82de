import type { JitPolicy } from '@orgauth/core/protocol';
import type { Db, OrganizationsTable, SsoConnectionsTable } from '../../db/schema.js';
import { createDevIdpStore, type DevIdpStore } from './idp-store.js';
import { DEV_OIDC_PATH } from './node-listener.js';
import { createDevSamlIdp } from './saml-idp.js';
import {
  createConnection,
  listConnections,
  oidcRedirectUri,
  oidcSettings,
  type StoredCertificate,
  updateOidcConnection,
  updateSamlConnection,
} from '../../sso/index.js';
import { findOrganization, insertOrganization } from '../../organizations/index.js';
import { inBootstrapLock } from '../../projects/index.js';
import { parseJson } from '../../lib/json.js';
import type { SecretBox } from '../../lib/secret-box.js';

/** Ids of one seeded organization (printed in the start-up banner). */
export interface SeededOrg {
  organization_id: string;
  organization_slug: string;
  saml_connection_id: string;
  oidc_connection_id?: string;
}

/** What {@link seedDemoSso} needs: the server's database, its secret box and test project. */
export interface DemoSsoDeps {
  db: Db;
  secretBox: SecretBox;
  projectId: string;
  publicUrl: string;
  now?: () => number;
}

// Stytch field → attribute name in the dev IdP's assertions.
const ATTRIBUTE_MAPPING = { email: 'email', first_name: 'first_name', last_name: 'last_name' };

async function ensureOrg(
  db: Db,
  projectId: string,
  slug: string,
  name: string,
  domain: string,
  sso: JitPolicy,
  now: number,
): Promise<OrganizationsTable> {
  return (
    (await findOrganization(db, projectId, slug)) ??
    insertOrganization(db, projectId, { name, slug, emailAllowedDomains: [domain], ssoJitProvisioning: sso }, now)
  );
}

async function ensureConnection(
  db: Db,
  org: OrganizationsTable,
  type: 'saml' | 'oidc',
  displayName: string,
  now: number,
): Promise<SsoConnectionsTable> {
  const existing = (await listConnections(db, org.id)).find((c) => c.type === type && c.display_name === displayName);
  return existing ?? createConnection(db, org, type, { displayName, identityProvider: 'generic' }, now);
}

async function pointSamlAtDevIdp(
  db: Db,
  store: DevIdpStore,
  publicUrl: string,
  conn: SsoConnectionsTable,
  now: number,
): Promise<void> {
  const idp = createDevSamlIdp(store, publicUrl);
  const certificate = await idp.certificate();
  const pinned = parseJson<StoredCertificate[]>(conn.x509_certificates, []).some(
    (c) => c.certificate.trim() === certificate.trim(),
  );
  // Entity id and SSO URL follow the current public URL (another --port); the cert is added once.
  await updateSamlConnection(
    db,
    conn,
    {
      idpEntityId: idp.entityId,
      idpSsoUrl: idp.ssoUrl(conn.id),
      attributeMapping: ATTRIBUTE_MAPPING,
      ...(pinned ? {} : { x509Certificate: certificate }),
    },
    now,
  );
}

async function pointOidcAtDevIdp(
  deps: DemoSsoDeps,
  store: DevIdpStore,
  org: OrganizationsTable,
  conn: SsoConnectionsTable,
  now: number,
): Promise<void> {
  const issuer = `${deps.publicUrl}${DEV_OIDC_PATH}`;
  const redirectUri = oidcRedirectUri(deps.publicUrl);
  const current = oidcSettings(conn);
  const known = current.clientId === '' ? undefined : await store.findClient(current.clientId);
  if (known && known.redirect_uri === redirectUri && current.issuer === issuer && current.issParameterSupported) return;
  const domain = parseJson<string[]>(org.email_allowed_domains, [])[0] ?? 'example.test';
  const client = await store.createClient(redirectUri, { orgName: org.name, domain });
  // Endpoints given explicitly: seeding runs before the server listens, so no discovery fetch.
  await updateOidcConnection(
    deps.db,
    deps.secretBox,
    conn,
    {
      issuer,
      clientId: client.client_id,
      clientSecret: client.client_secret,
      authorizationUrl: `${issuer}/auth`,
      tokenUrl: `${issuer}/token`,
      userinfoUrl: `${issuer}/me`,
      jwksUrl: `${issuer}/jwks`,
      attributeMapping: ATTRIBUTE_MAPPING,
      // What its discovery document says (oidc-provider sends RFC 9207 `iss`): the demo requires it too.
      issParameterSupported: true,
    },
    now,
  );
}

/**
 * `--dev` demo data, idempotent (every start): "Demo SSO Co" (`demo-sso`, domain `demo-sso.test`,
 * SSO JIT for everyone) with a SAML and an OIDC connection pointed at the built-in test IdP, and
 * "Locked Co" (`locked-co`, SSO JIT `NOT_ALLOWED`) with a SAML connection, for the refusal path.
 * Seeded in one transaction under the bootstrap lock (projects/create.ts).
 */
export async function seedDemoSso(deps: DemoSsoDeps): Promise<{ demo: SeededOrg; locked: SeededOrg }> {
  const now = (deps.now ?? Date.now)();
  // One transaction under the bootstrap lock: servers starting together on one PostgreSQL would
  // otherwise both find "demo-sso" missing and the slower one fail to start.
  return inBootstrapLock(deps.db, async (trx) => {
    const store = createDevIdpStore(trx, deps.now ?? Date.now, deps.secretBox);
    const demoOrg = await ensureOrg(
      trx,
      deps.projectId,
      'demo-sso',
      'Demo SSO Co',
      'demo-sso.test',
      'ALL_ALLOWED',
      now,
    );
    const demoSaml = await ensureConnection(trx, demoOrg, 'saml', 'Demo SAML IdP', now);
    await pointSamlAtDevIdp(trx, store, deps.publicUrl, demoSaml, now);
    const oidc = await ensureConnection(trx, demoOrg, 'oidc', 'Demo OIDC IdP', now);
    await pointOidcAtDevIdp({ ...deps, db: trx }, store, demoOrg, oidc, now);
    const lockedOrg = await ensureOrg(
      trx,
      deps.projectId,
      'locked-co',
      'Locked Co',
      'locked-co.test',
      'NOT_ALLOWED',
      now,
    );
    const lockedSaml = await ensureConnection(trx, lockedOrg, 'saml', 'Locked SAML IdP', now);
    await pointSamlAtDevIdp(trx, store, deps.publicUrl, lockedSaml, now);
    return {
      demo: {
        organization_id: demoOrg.id,
        organization_slug: demoOrg.slug,
        saml_connection_id: demoSaml.id,
        oidc_connection_id: oidc.id,
      },
      locked: { organization_id: lockedOrg.id, organization_slug: lockedOrg.slug, saml_connection_id: lockedSaml.id },
    };
  });
}
