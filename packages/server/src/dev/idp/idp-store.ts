import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Db } from '../../db/schema.js';
import type { SecretBox } from '../../lib/secret-box.js';
import { createSelfSignedCertificate, type KeyAndCertificate } from './self-signed-cert.js';

/** Rows of migration 0800 (kept out of db/schema.ts: only the dev IdP reads them). */
interface DevIdpTables {
  dev_idp_keys: { purpose: string; private_key: string; certificate: string; created_at: number };
  dev_idp_clients: {
    client_id: string;
    client_secret: string;
    redirect_uri: string;
    org_name: string;
    domain: string;
    created_at: number;
  };
}

/** A static OIDC client of the dev provider. */
export interface DevIdpClient {
  client_id: string;
  client_secret: string;
  redirect_uri: string;
  /** Shown on the sign-in page. */
  org_name: string;
  /** Domain of the demo people offered. */
  domain: string;
}

/** Persistence of the test IdP: its signing keys and its OIDC clients. */
export interface DevIdpStore {
  /** The key pair for `purpose`, created on first use and kept (restarts keep connections valid). */
  keyPair(purpose: 'saml' | 'oidc'): Promise<KeyAndCertificate>;
  /** The client `clientId`, or `undefined`. */
  findClient(clientId: string): Promise<DevIdpClient | undefined>;
  /** Registers a new client for `redirectUri` with a random id and secret. */
  createClient(redirectUri: string, org: { orgName: string; domain: string }): Promise<DevIdpClient>;
  /**
   * The authorized origins of every project on this server (at most 100): where the IdP's pages
   * may send the browser back to after a form post (their CSP `form-action`, user-chooser.ts).
   */
  appOrigins(): Promise<string[]>;
}

/**
 * The store over the server database. Private keys and client secrets are sealed (AES-256-GCM,
 * lib/secret-box.ts) like every other secret at rest, even though they are throwaway dev credentials:
 * the rule "the database holds no plaintext secret" has no exceptions to remember.
 */
export function createDevIdpStore(db: Db, now: () => number, box: SecretBox): DevIdpStore {
  const q = db as unknown as Kysely<DevIdpTables>;
  const seal = (value: string) => box.seal(value);
  const open = (value: string) => box.open(value);
  const pending = new Map<string, Promise<KeyAndCertificate>>();

  async function loadOrCreate(purpose: string): Promise<KeyAndCertificate> {
    const row = await q.selectFrom('dev_idp_keys').selectAll().where('purpose', '=', purpose).executeTakeFirst();
    if (row) return { privateKeyPem: open(row.private_key), certificatePem: row.certificate };
    const fresh = await createSelfSignedCertificate(`OrgAuth dev IdP (${purpose})`, now());
    // Two servers starting on one database: the first insert wins and both read it back.
    await q
      .insertInto('dev_idp_keys')
      .values({ purpose, private_key: seal(fresh.privateKeyPem), certificate: fresh.certificatePem, created_at: now() })
      .onConflict((oc) => oc.column('purpose').doNothing())
      .execute();
    const stored = await q
      .selectFrom('dev_idp_keys')
      .selectAll()
      .where('purpose', '=', purpose)
      .executeTakeFirstOrThrow();
    return { privateKeyPem: open(stored.private_key), certificatePem: stored.certificate };
  }

  return {
    keyPair(purpose) {
      let p = pending.get(purpose);
      if (!p) {
        p = loadOrCreate(purpose);
        // A failed load must not be cached forever.
        p.catch(() => pending.delete(purpose));
        pending.set(purpose, p);
      }
      return p;
    },
    async findClient(clientId) {
      const row = await q
        .selectFrom('dev_idp_clients')
        .selectAll()
        .where('client_id', '=', clientId)
        .executeTakeFirst();
      return row
        ? {
            client_id: row.client_id,
            client_secret: open(row.client_secret),
            redirect_uri: row.redirect_uri,
            org_name: row.org_name,
            domain: row.domain,
          }
        : undefined;
    },
    async createClient(redirectUri, org) {
      const client = {
        client_id: `dev-oidc-client-${randomBytes(8).toString('hex')}`,
        client_secret: randomBytes(24).toString('base64url'),
        redirect_uri: redirectUri,
        org_name: org.orgName,
        domain: org.domain,
      };
      await q
        .insertInto('dev_idp_clients')
        .values({ ...client, client_secret: seal(client.client_secret), created_at: now() })
        .execute();
      return client;
    },
    async appOrigins() {
      const rows = await db
        .selectFrom('authorized_origins')
        .select('origin')
        .distinct()
        .orderBy('origin')
        .limit(100)
        .execute();
      // Stored normalized (scheme://host[:port]); checked again because they go into a header.
      return rows.map((row) => row.origin).filter((origin) => /^https?:\/\/[a-z0-9.:[\]-]+$/i.test(origin));
    },
  };
}
