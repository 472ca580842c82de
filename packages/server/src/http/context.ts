import type { Context } from 'hono';
import type { Db } from '../db/schema.js';
import type { Project, ProjectStore } from '../domain/projects.js';
import type { SigningKeys } from '../domain/signing-keys.js';
import type { Mailer } from '../mail/mailer.js';

/** The services every route uses, built once by `createOrgAuthServer`. */
export interface AppDeps {
  db: Db;
  projects: ProjectStore;
  keys: SigningKeys;
  mailer: Mailer;
  now: () => number;
  dev: boolean;
}

/** Hono environment: per-request values set by middleware. */
export interface AppEnv {
  Variables: {
    requestId: string;
    /** The authenticated project (SDK: by public token; backend: by project_id + secret). */
    project: Project;
    /** SDK only: the Basic-auth password when it is not the public token (a session token, maybe). */
    sessionToken: string | undefined;
  };
}

/** A Hono context of this app. */
export type AppContext = Context<AppEnv>;
