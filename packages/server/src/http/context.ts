import type { Context } from 'hono';
import type { OAuthProviderType } from '@orgauth/core/protocol';
import type { ProviderEndpoints } from '../oauth/index.js';
import type { Db } from '../db/schema.js';
import type { Project, ProjectStore } from '../projects/index.js';
import type { SigningKeys } from '../sessions/index.js';
import type { Mailer } from '../mail/mailer.js';
import type { SmsSender } from '../sms/index.js';
import type { EventWriter } from '../events/index.js';
import type { RateLimiter } from './rate-limit.js';
import type { SecretBox } from '../lib/secret-box.js';
import type { EgressPolicy } from '../lib/egress-guard.js';

/** The services every route uses, built once by `createOrgAuthServer`. */
export interface AppDeps {
  db: Db;
  projects: ProjectStore;
  keys: SigningKeys;
  mailer: Mailer;
  /** Sends text messages: a Twilio-compatible provider, or the dev outbox (sms/sender.ts). */
  sms: SmsSender;
  now: () => number;
  dev: boolean;
  /** The caller's IP (socket peer, or a trusted proxy header): http/client-ip.ts. */
  clientIp: (c: AppContext) => string | undefined;
  /** The event log's batched writer (events/writer.ts): flush it before reading events back. */
  events: EventWriter;
  /** Database-backed rate limits: routes declare theirs (http/routes.ts); guards in http/rate-limit-checks.ts. */
  rateLimiter: RateLimiter;
  /** This server's public origin (`ServerOptions.publicUrl`): SAML/OIDC URLs are built from it. */
  publicUrl: string;
  /** Seals secrets at rest: OIDC client secrets and code verifiers, SP private keys (lib/secret-box.ts). */
  secretBox: SecretBox;
  /** How tenant-configured IdP URLs are fetched: private networks only with `ServerOptions.allowPrivateIdpNetworks`. */
  idpEgress: EgressPolicy;
  /**
   * Where OAuth providers are reached instead of their real URLs (oauth/providers.ts): tests point a
   * provider at a local fake; absent in production. Never consulted for stand-ins.
   */
  oauthEndpoints?: Partial<Record<OAuthProviderType, ProviderEndpoints>> | undefined;
  /** Folders searched, in order, for the script-tag bundle served at `/orgauth.global.js` (http/script-bundle.ts). */
  scriptBundleDirs: readonly string[];
}

/** The ids and error type of an answer, recorded where it is built; the event log never re-reads a body. */
export interface RequestOutcome {
  errorType?: string | undefined;
  organizationId?: unknown;
  memberId?: unknown;
}

/** Hono environment: per-request values set by middleware. */
export interface AppEnv {
  Variables: {
    requestId: string;
    /** The authenticated project (SDK: by public token; backend: by project_id + secret). */
    project: Project;
    /** SDK only: the Basic-auth password when it is not the public token (a session token, maybe). */
    sessionToken: string | undefined;
    /** The caller's IP (`undefined` in-process without a socket). Set for every request. */
    clientIp: string | undefined;
    /** Set for every request; read by the guards of http/rate-limit-checks.ts and http/auth-failures.ts. */
    rateLimiter: RateLimiter;
    /** SDK only: the project the request's public token names, looked up once (http/sdk-middleware.ts). */
    sdkProject: Promise<Project | undefined> | undefined;
    /** SDK only: the project whose authorized origins CORS found the request's `Origin` in (checked once). */
    originAllowedFor: string | undefined;
    /** What the answer said, for the event log: set by the response helpers (http/responses.ts). */
    outcome: RequestOutcome | undefined;
  };
}

/** A Hono context of this app. */
export type AppContext = Context<AppEnv>;
