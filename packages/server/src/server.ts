import { resolve } from 'node:path';
import type { OAuthProviderType, RedirectUrlType } from '@orgauth/core/protocol';
import { openDatabase, type DialectName } from './db/database.js';
import { migrateToLatest } from './db/migrations/index.js';
import type { Db } from './db/schema.js';
import { createProjectStore, ensureProjects, type ProjectCredentials } from './projects/index.js';
import type { MemberRolesFormat } from './members/index.js';
import { createSigningKeys, sealLegacySigningKeys } from './sessions/index.js';
import { checkSecretBoxKey, loadSecretBox, type SecretBox } from './lib/secret-box.js';
import { createApp } from './app.js';
import { defaultScriptBundleDirs } from './http/script-bundle.js';
import { createClientIpResolver } from './http/client-ip.js';
import { createRateLimiter, type RateLimitOptions } from './http/rate-limit.js';
import { createEventWriter, startEventPurger } from './events/index.js';
import { parseMailFrom } from './mail/mail-from.js';
import { createMailer, type Mail } from './mail/mailer.js';
import type { ProviderEndpoints } from './oauth/index.js';
import { type ScryptCost, setPasswordHashCost } from './passwords/index.js';
import { createSmsSender, type Sms, twilioConfig, type TwilioOptions } from './sms/index.js';

/** Options of {@link createOrgAuthServer}. */
export interface ServerOptions {
  /** SQLite file lives at `<dataDir>/orgauth.db`; `project.json` too. Default `./.orgauth` (SQLite only). */
  dataDir?: string;
  /** `postgres://…` → PostgreSQL instead of SQLite (`DATABASE_URL` in the CLI). */
  databaseUrl?: string;
  /** Mounts the dev mailbox routes (`/dev/mailbox`, `/dev/mailbox.json`). */
  dev?: boolean;
  /** Real SMTP through nodemailer; otherwise mails go to the in-database dev mailbox. */
  smtpUrl?: string;
  /**
   * The sender of every mail, `Name <addr@host>` or `addr@host` (`SMTP_FROM` in the CLI). Default
   * `OrgAuth <no-reply@orgauth.localhost>`. A malformed value refuses to start.
   */
  from?: string;
  /**
   * Send SMS codes through Twilio or a Twilio-compatible API (`ORGAUTH_SMS_TWILIO_*` in the CLI);
   * otherwise text messages go to the in-database dev outbox (`/dev/sms` with `dev`).
   */
  twilio?: TwilioOptions;
  /** Injectable clock in epoch milliseconds (expiry tests). */
  now?: () => number;
  /**
   * Rate limits on email sends, token/OTP/magic-link/password attempts and strength checks
   * (http/rate-limit.ts `DEFAULT_RATE_LIMITS`): override any rule, or `false` to switch limiting off
   * (benchmarks).
   */
  rateLimits?: RateLimitOptions;
  /**
   * Take the caller's IP (IP allowlist, per-IP limits) from this header, set by YOUR reverse proxy
   * (e.g. `x-forwarded-for`, rightmost entry). Unset (default): the TCP peer; headers are ignored.
   */
  trustProxyHeader?: string;
  /**
   * This server's public origin (`https://auth.example.com`): SAML SP entity id, ACS URL and IdP
   * callback URLs are built from it, never from a request's Host header. Default `http://localhost:3000`.
   */
  publicUrl?: string;
  /**
   * Base64 of 32 random bytes: the AES-256-GCM key that seals OIDC client secrets, SP private keys and
   * session signing keys at rest. Default: `ORGAUTH_ENCRYPTION_KEY`, else `<dataDir>/encryption.key`
   * (made 0600 on first start). PostgreSQL without a data dir needs one of the first two. Every server
   * of one database must use the same key (a mismatch refuses to start).
   */
  encryptionKey?: string;
  /**
   * Lets tenant-configured IdP URLs (OIDC discovery/token/userinfo/JWKS, SAML metadata) reach
   * loopback, private and link-local addresses. Default: `dev` (the built-in test IdP is on
   * localhost), else false: an org admin must not point this server at its own network (O20).
   */
  allowPrivateIdpNetworks?: boolean;
  /**
   * Folder holding the script-tag bundles `orgauth.global.js` and `orgauth-account.global.js` with
   * their `.map` files, served at `/<name>`. Default: the copy the build put next to the server (`dist/`), else
   * the installed `@orgauth/elements` package's `dist/`.
   */
  scriptBundleDir?: string;
  /**
   * Reach these OAuth providers at other URLs than their real ones (a local fake provider in tests,
   * an egress proxy). Only providers with credentials use it; `--dev` stand-ins never do.
   */
  oauthEndpoints?: Partial<Record<OAuthProviderType, ProviderEndpoints>>;
  /**
   * scrypt cost of new password hashes (passwords/hash.ts `DEFAULT_SCRYPT_COST`: N=2^16, r=8, p=2).
   * Raising it later is safe: older hashes are re-hashed at their owner's next sign-in. Tests lower it.
   * Process-wide: the last server created sets it.
   */
  passwordHashCost?: ScryptCost;
}

/** A running (not listening) OrgAuth server: a fetch handler plus admin helpers. */
export interface OrgAuthServer {
  /** The Hono app; `app.fetch(request)` is a web-standard handler. */
  app: { fetch(request: Request, env?: unknown): Response | Promise<Response> };
  /**
   * The test environment's credentials, and the live one's under `live` (as in project.json).
   * A `secret` is `''` when it cannot be recovered (no dataDir, existing project).
   */
  project: ProjectCredentials;
  /** The dev mailbox (empty when SMTP is configured). */
  mailbox: { list(): Promise<Mail[]>; clear(): Promise<void> };
  /** The dev SMS outbox (empty when an SMS provider is configured). */
  smsOutbox: { list(): Promise<Sms[]>; clear(): Promise<void> };
  /** Project configuration for hosts, e2e setups and the CLI's `--demo`. */
  projects: {
    /** Adds a redirect URL for `types` (default: every type). Idempotent. */
    addRedirectUrl(url: string, types?: RedirectUrlType[]): Promise<void>;
    /** Adds an authorized SDK origin (`scheme://host[:port]`). Idempotent. */
    addAuthorizedOrigin(origin: string): Promise<void>;
    /** How the backend API spells `Member.roles` (members/roles.ts); test environment. */
    setMemberRolesFormat(format: MemberRolesFormat): Promise<void>;
  };
  /** Which database engine is in use. */
  dialect: DialectName;
  /** Internal: the query builder (tests, maintenance). */
  db: Db;
  /** Internal: seals and opens secrets at rest (lib/secret-box.ts). */
  secretBox: SecretBox;
  /** Writes the event-log rows still queued in memory (events/writer.ts); `close` does it too. */
  flushEvents(): Promise<void>;
  /** SQLite: folds the WAL into the main file. PostgreSQL: no-op. */
  checkpoint(): Promise<void>;
  /** Closes the database and the mail transport. */
  close(): Promise<void>;
}

/**
 * Opens (and migrates) the database, ensures the test project, and builds the app.
 * @throws Error when the database cannot be opened or migrated, or `from` is not a valid sender.
 * @example
 * const server = await createOrgAuthServer({ dataDir: './.orgauth', dev: true });
 * const res = await server.app.fetch(new Request(`http://localhost/sdk/v1/projects/bootstrap/${server.project.public_token}`));
 */
export async function createOrgAuthServer(options: ServerOptions = {}): Promise<OrgAuthServer> {
  const now = options.now ?? Date.now;
  // Checked before anything is opened: a bad sender must stop the start, not the first sign-in.
  const from = options.from === undefined ? undefined : parseMailFrom(options.from);
  const usesPostgres = options.databaseUrl !== undefined && options.databaseUrl !== '';
  const dataDir =
    options.dataDir !== undefined ? resolve(options.dataDir) : usesPostgres ? undefined : resolve('.orgauth');
  const database = openDatabase({ dataDir: dataDir ?? resolve('.orgauth'), databaseUrl: options.databaseUrl });
  try {
    setPasswordHashCost(options.passwordHashCost);
    await migrateToLatest(database.db as never);
    const secretBox = loadSecretBox({ encryptionKey: options.encryptionKey, env: process.env, dataDir });
    await checkSecretBoxKey(database.db, secretBox, now());
    await sealLegacySigningKeys(database.db, secretBox);
    const projects = createProjectStore(database.db, now);
    const project = await ensureProjects(database.db, dataDir, now, usesPostgres);
    const mailer = createMailer({ db: database.db, now, smtpUrl: options.smtpUrl, from });
    const sms = createSmsSender({
      db: database.db,
      now,
      twilio: options.twilio === undefined ? undefined : twilioConfig(options.twilio),
    });
    const keys = createSigningKeys(database.db, now, secretBox);
    const rateLimiter = createRateLimiter(database.db, now, options.rateLimits);
    const events = createEventWriter(database.db, now);
    const clientIp = createClientIpResolver(
      options.trustProxyHeader === undefined ? {} : { trustProxyHeader: options.trustProxyHeader },
    );
    const publicUrl = new URL(options.publicUrl ?? 'http://localhost:3000').href.replace(/\/+$/, '');
    const app = createApp({
      db: database.db,
      projects,
      keys,
      mailer,
      sms,
      now,
      dev: options.dev === true,
      clientIp,
      events,
      rateLimiter,
      publicUrl,
      secretBox,
      oauthEndpoints: options.oauthEndpoints,
      idpEgress: { allowPrivate: options.allowPrivateIdpNetworks ?? options.dev === true },
      scriptBundleDirs:
        options.scriptBundleDir === undefined ? defaultScriptBundleDirs() : [resolve(options.scriptBundleDir)],
    });
    // Events older than 30 days go at start and hourly after (the timer never holds the process open).
    const stopPurger = await startEventPurger(database.db, now);
    return {
      app,
      project,
      mailbox: { list: () => mailer.list(), clear: () => mailer.clear() },
      smsOutbox: { list: () => sms.list(), clear: () => sms.clear() },
      projects: {
        addRedirectUrl: async (url, types) => void (await projects.addRedirectUrl(project.project_id, url, types)),
        addAuthorizedOrigin: async (origin) => void (await projects.addAuthorizedOrigin(project.project_id, origin)),
        setMemberRolesFormat: (format) => projects.setMemberRolesFormat(project.project_id, format),
      },
      dialect: database.dialect,
      db: database.db,
      secretBox,
      checkpoint: () => database.checkpoint(),
      flushEvents: () => events.flush(),
      async close() {
        stopPurger();
        await events.flush();
        mailer.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
