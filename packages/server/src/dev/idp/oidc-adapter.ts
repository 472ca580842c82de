import type { Adapter, AdapterPayload } from 'oidc-provider';
import type { DevIdpStore } from './idp-store.js';

interface Entry {
  payload: AdapterPayload;
  expiresAt: number;
}

/**
 * oidc-provider storage for the dev provider. Clients come from the database (they are created by
 * the demo seeding and must survive restarts); everything short-lived (sessions, interactions,
 * codes, grants, tokens) lives in process memory with its TTL — a restart mid-login just means
 * signing in again, which is fine for a test IdP.
 */
export function devAdapterFactory(store: DevIdpStore, now: () => number): new (model: string) => Adapter {
  const tables = new Map<string, Map<string, Entry>>();
  return class DevOidcAdapter implements Adapter {
    private readonly rows: Map<string, Entry>;
    constructor(private readonly model: string) {
      this.rows = tables.get(model) ?? new Map();
      tables.set(model, this.rows);
    }
    async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
      // Drop expired rows as we go so memory stays bounded by the live ones.
      const t = now();
      for (const [key, entry] of this.rows) if (entry.expiresAt <= t) this.rows.delete(key);
      this.rows.set(id, { payload, expiresAt: expiresIn ? t + expiresIn * 1000 : Number.MAX_SAFE_INTEGER });
    }
    async find(id: string): Promise<AdapterPayload | undefined> {
      if (this.model === 'Client') {
        const client = await store.findClient(id);
        if (!client) return undefined;
        return {
          client_id: client.client_id,
          client_secret: client.client_secret,
          redirect_uris: [client.redirect_uri],
          grant_types: ['authorization_code'],
          response_types: ['code'],
          // The OAuth default every RP library speaks (RFC 6749 §2.3.1: servers MUST support it).
          token_endpoint_auth_method: 'client_secret_basic',
        };
      }
      const entry = this.rows.get(id);
      if (!entry || entry.expiresAt <= now()) return undefined;
      return entry.payload;
    }
    async findByUserCode(): Promise<undefined> {
      return undefined;
    }
    async findByUid(uid: string): Promise<AdapterPayload | undefined> {
      for (const entry of this.rows.values())
        if (entry.payload.uid === uid && entry.expiresAt > now()) return entry.payload;
      return undefined;
    }
    async consume(id: string): Promise<void> {
      const entry = this.rows.get(id);
      if (entry) entry.payload = { ...entry.payload, consumed: Math.floor(now() / 1000) };
    }
    async destroy(id: string): Promise<void> {
      this.rows.delete(id);
    }
    async revokeByGrantId(grantId: string): Promise<void> {
      for (const [key, entry] of this.rows) if (entry.payload.grantId === grantId) this.rows.delete(key);
    }
  };
}
