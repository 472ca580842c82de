import { X509Certificate } from 'node:crypto';
import type { Hono } from 'hono';
import { getOrganization } from '../../organizations/index.js';
import { checkMetadataUrl, fetchMetadata, parseIdpMetadata } from './metadata.js';
import { parseJson } from '../../lib/json.js';
import { getConnection, updateSamlConnection, type SamlPatch, type StoredCertificate } from '../connections.js';
import { toSamlConnection } from '../serialize.js';
import { apiOk, type AppDeps, type AppEnv, defineRoutes, readBody } from '../../http/index.js';
import { requiredString } from '../../lib/validate.js';

const fingerprint = (pem: string) => new X509Certificate(pem).fingerprint256;

/**
 * `PUT /v1/b2b/sso/saml/{organization_id}/connections/{connection_id}/url` (`metadata_url`): fetches
 * the IdP metadata (bounded, no redirects, no private networks unless allowed), parses entity id, SSO URL and signing certificate, and
 * updates the connection as the plain PUT would. The fetch happens before the transaction.
 */
export function samlMetadataRoutes(deps: AppDeps): Hono<AppEnv> {
  const api = defineRoutes();
  api.put('/sso/saml/:organization_id/connections/:connection_id/url', { action: 'SSOSAMLUpdateByURL' }, async (c) => {
    const url = checkMetadataUrl(requiredString(await readBody(c), 'metadata_url', { max: 2048 }));
    const org = await getOrganization(deps.db, c.get('project').id, c.req.param('organization_id'));
    await getConnection(deps.db, org.id, c.req.param('connection_id'), 'saml');
    const metadata = parseIdpMetadata(await fetchMetadata(url, deps.idpEgress));
    const row = await deps.db.transaction().execute(async (trx) => {
      const conn = await getConnection(trx, org.id, c.req.param('connection_id'), 'saml');
      const known = new Set(
        parseJson<StoredCertificate[]>(conn.x509_certificates, []).map((s) => fingerprint(s.certificate)),
      );
      const patch: SamlPatch = { idpEntityId: metadata.entityId, idpSsoUrl: metadata.ssoUrl };
      const cert = metadata.certificates[0]!;
      if (!known.has(fingerprint(cert))) patch.x509Certificate = cert;
      const updated = await updateSamlConnection(trx, conn, patch, deps.now());
      await trx.updateTable('sso_connections').set({ idp_metadata_url: url.href }).where('id', '=', conn.id).execute();
      return { ...updated, idp_metadata_url: url.href };
    });
    return apiOk(c, { connection: toSamlConnection(row, deps.publicUrl) });
  });
  return api.app;
}
