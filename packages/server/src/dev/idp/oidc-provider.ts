import { createHash, createPrivateKey, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import Provider, { interactionPolicy, type Configuration } from 'oidc-provider';
import type { DevIdpStore } from './idp-store.js';
import { DEV_OIDC_PATH } from './node-listener.js';
import { devAdapterFactory } from './oidc-adapter.js';
import { handleInteraction, type DevOidcAccount } from './oidc-interaction.js';
import { CHOOSER_CSP } from './user-chooser.js';

export { DEV_OIDC_PATH };

/** The dev OIDC provider as Node request handling. */
export interface DevOidcProvider {
  issuer: string;
  /** The `(req, res)` handler for every path under {@link DEV_OIDC_PATH}. */
  handler(req: IncomingMessage, res: ServerResponse): void;
  /** Whether `url` (a request path) belongs to the provider. */
  owns(url: string | undefined): boolean;
  /** Registers a static client for `redirectUri` (demo seeding). */
  createClient(
    redirectUri: string,
    org: { orgName: string; domain: string },
  ): Promise<{ client_id: string; client_secret: string }>;
}

/**
 * Builds `oidc-provider` (a Koa app) at issuer `<publicUrl>/dev/idp/oidc`: authorization code flow
 * only, PKCE (S256) required for every client, `email_verified: true` claims, RS256 id_tokens from a
 * key kept in the database. Clients come from `store` (one per demo OIDC connection). The sign-in
 * interaction reuses the SAML IdP's user chooser. Node's `http` only: the CLI routes
 * `/dev/idp/oidc/*` here before Hono.
 */
export async function createDevOidcProvider(options: {
  store: DevIdpStore;
  publicUrl: string;
  now?: () => number;
}): Promise<DevOidcProvider> {
  const now = options.now ?? Date.now;
  const issuer = `${options.publicUrl}${DEV_OIDC_PATH}`;
  const keys = await options.store.keyPair('oidc');
  const jwk = {
    ...createPrivateKey(keys.privateKeyPem).export({ format: 'jwk' }),
    kid: `dev-${createHash('sha256').update(keys.certificatePem).digest('hex').slice(0, 16)}`,
    alg: 'RS256',
    use: 'sig',
  };
  const accounts = new Map<string, DevOidcAccount>();
  // A test IdP should ask every time (to switch between ada and grace), not silently reuse its
  // session: the login prompt is required unless this very request just completed one.
  const policy = interactionPolicy.base();
  policy
    .get('login')
    ?.checks.add(
      new interactionPolicy.Check(
        'dev_idp_choose_user',
        'the test IdP asks who signs in every time',
        (ctx) => !ctx.oidc.result?.login,
      ),
    );

  const configuration: Configuration = {
    adapter: devAdapterFactory(options.store, now),
    jwks: { keys: [jwk as never] },
    // Cookie signing keys: per process (sessions are in memory anyway).
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    features: {
      devInteractions: { enabled: false },
      introspection: { enabled: false },
      revocation: { enabled: false },
    },
    pkce: { required: () => true },
    responseTypes: ['code'],
    scopes: ['openid', 'email', 'profile'],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'given_name', 'family_name'] },
    // Put the scope's claims into the id_token too: RPs read identity from the verified id_token.
    conformIdTokenClaims: false,
    interactions: { policy, url: (_ctx, interaction) => `${DEV_OIDC_PATH}/interaction/${interaction.uid}` },
    async findAccount(_ctx, sub) {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        claims: async () => ({
          sub,
          email: account.email,
          email_verified: true,
          name: `${account.firstName} ${account.lastName}`.trim(),
          given_name: account.firstName,
          family_name: account.lastName,
        }),
      };
    },
    ttl: { AuthorizationCode: 120, IdToken: 600, AccessToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
    renderError(ctx, out) {
      ctx.type = 'html';
      ctx.set('Content-Security-Policy', CHOOSER_CSP);
      ctx.body = `<!doctype html><meta charset="utf-8"><title>OrgAuth test IdP</title><h1>Test identity provider</h1><p>${String(out.error).replace(/[^\w .:-]/g, '')}: ${String(out.error_description ?? '').replace(/[<>&"']/g, '')}</p>`;
    },
  };
  const provider = new Provider(issuer, configuration);
  const callback = provider.callback();
  const issuerHost = new URL(issuer).host;

  return {
    issuer,
    owns: (url) =>
      url !== undefined &&
      (url === DEV_OIDC_PATH || url.startsWith(`${DEV_OIDC_PATH}/`) || url.startsWith(`${DEV_OIDC_PATH}?`)),
    handler(req, res) {
      const full = req.url ?? '/';
      // Mounted like Express's app.use(path, …): oidc-provider derives its mount path from
      // `originalUrl` minus `url`, and builds every endpoint URL from the issuer.
      (req as IncomingMessage & { originalUrl?: string }).originalUrl = full;
      req.url = full.slice(DEV_OIDC_PATH.length) || '/';
      // Endpoint URLs in discovery and redirects are built from Host: pin it to the issuer's, so
      // 127.0.0.1 vs localhost (or a spoofed Host) cannot make them disagree with the issuer.
      req.headers.host = issuerHost;
      if (req.url.startsWith('/interaction/')) {
        handleInteraction({ provider, store: options.store, accounts, path: DEV_OIDC_PATH }, req, res).catch(
          (error: unknown) => {
            console.error('[orgauth] dev OIDC interaction failed:', error);
            if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
            res.end('Interaction failed.');
          },
        );
        return;
      }
      void callback(req, res);
    },
    createClient: (redirectUri, org) => options.store.createClient(redirectUri, org),
  };
}
