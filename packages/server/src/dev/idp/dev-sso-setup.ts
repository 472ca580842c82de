import { seedDemoSso, type SeededOrg } from './demo-sso.js';
import type { OrgAuthServer } from '../../server.js';
import { createDevIdpStore } from './idp-store.js';
import { devOidcCreateServer } from './node-listener.js';
import type { DevOidcProvider } from './oidc-provider.js';

/** What the CLI needs to run the test IdP. */
export interface DevSso {
  /** `serve({ createServer })`: routes `/dev/idp/oidc/*` to the provider before Hono. */
  createServer: ReturnType<typeof devOidcCreateServer>;
  /** The provider itself (hosts with their own Node server: `withDevOidc(oidc, listener)`). */
  oidc: DevOidcProvider;
  seeded: { demo: SeededOrg; locked: SeededOrg };
  /** Start-up banner lines. */
  banner: string[];
}

/**
 * `--dev` start-up: seeds the demo SSO organizations (idempotent) and builds the OIDC provider.
 * The SAML IdP is already part of the app's `/dev` routes. The CLI imports this module only with
 * `--dev` (seeding loads samlify), and `oidc-provider` is imported lazily below, so a server started
 * without `--dev` never loads either (cli/process.test.ts).
 */
export async function setUpDevSso(
  server: Pick<OrgAuthServer, 'db' | 'secretBox' | 'project'>,
  publicUrl: string,
  now: () => number = Date.now,
): Promise<DevSso> {
  const seeded = await seedDemoSso({
    db: server.db,
    secretBox: server.secretBox,
    projectId: server.project.project_id,
    publicUrl,
    now,
  });
  const { createDevOidcProvider } = await import('./oidc-provider.js');
  const oidc = await createDevOidcProvider({ store: createDevIdpStore(server.db, now, server.secretBox), publicUrl });
  return {
    createServer: devOidcCreateServer(oidc),
    oidc,
    seeded,
    banner: [
      `Test IdP:      SAML ${publicUrl}/dev/idp/saml/metadata · OIDC ${oidc.issuer}/.well-known/openid-configuration`,
      `Demo SSO org:  "Demo SSO Co" (slug ${seeded.demo.organization_slug}, ${seeded.demo.organization_id}), people @demo-sso.test`,
      `  SAML:        ${seeded.demo.saml_connection_id}`,
      `  OIDC:        ${seeded.demo.oidc_connection_id ?? ''}`,
      `  Try it:      ${publicUrl}/v1/public/sso/start?public_token=<public_token below>&connection_id=<one of the two>`,
      `Locked org:    "Locked Co" (slug ${seeded.locked.organization_slug}, SSO JIT NOT_ALLOWED), SAML ${seeded.locked.saml_connection_id}`,
    ],
  };
}
