import type { Hono } from 'hono';
import {
  apiOk,
  type AppDeps,
  type AppEnv,
  authenticateLimit,
  cpuLimit,
  defineRoutes,
  readBody,
} from '../http/index.js';
import { optionalString } from '../lib/validate.js';
import { organizationOfBody } from '../organizations/index.js';
import { readCustomClaims, readHeldSessionCredentials, readSessionCredentials } from '../sessions/index.js';
import { requiredPassword } from './input.js';
import { migratePassword } from './migrate.js';
import { authenticateDiscoveryPassword, authenticatePassword, resetByExistingPassword } from './service.js';
import { resetBySession } from './session-reset.js';
import { checkStrength } from './strength.js';

/**
 * Backend passwords (`/v1/b2b/passwords/…`, docs/wire-protocol.md §5), secret-authenticated, bodies
 * not wrapped: the SDK's set plus `migrate`. A session to extend comes in the body, explicitly
 * (sessions/reuse.ts). Wrong credentials answer as on the SDK; backend failures
 * count against the email's ceiling only (no end user's IP: http/auth-failures.ts).
 */
export function backendPasswordRoutes(deps: AppDeps): Hono<AppEnv> {
  const api = defineRoutes();
  const explicit = (body: Record<string, unknown>) =>
    ({ credentials: readHeldSessionCredentials(body), mode: 'explicit' }) as const;

  api.post(
    '/passwords/authenticate',
    { action: 'PasswordsAuthenticate', limit: authenticateLimit('email_address') },
    async (c) => {
      const body = await readBody(c);
      const project = c.get('project');
      const organization = await organizationOfBody(deps.db, project.id, body);
      const claims = readCustomClaims(body);
      return apiOk(c, await authenticatePassword(deps, project, body, organization, explicit(body), claims));
    },
  );

  api.post('/passwords/strength_check', { action: 'PasswordsStrengthCheck', limit: cpuLimit() }, async (c) => {
    const body = await readBody(c);
    const password = requiredPassword(body, 'password');
    return apiOk(c, await checkStrength(password, optionalString(body, 'email_address', { max: 254 })));
  });

  api.post('/passwords/migrate', { action: 'PasswordsMigrate' }, async (c) =>
    apiOk(c, await migratePassword(deps, c.get('project'), await readBody(c))),
  );

  api.post(
    '/passwords/existing_password/reset',
    { action: 'PasswordsExistingPasswordReset', limit: authenticateLimit('email_address') },
    async (c) => {
      const body = await readBody(c);
      const project = c.get('project');
      const organization = await organizationOfBody(deps.db, project.id, body);
      const claims = readCustomClaims(body);
      return apiOk(c, await resetByExistingPassword(deps, project, body, organization, explicit(body), claims));
    },
  );

  api.post('/passwords/session/reset', { action: 'PasswordsSessionReset' }, async (c) => {
    const body = await readBody(c);
    return apiOk(c, await resetBySession(deps, c.get('project'), body, readSessionCredentials(body)));
  });

  api.post(
    '/passwords/discovery/authenticate',
    { action: 'PasswordsDiscoveryAuthenticate', limit: authenticateLimit('email_address') },
    async (c) => apiOk(c, await authenticateDiscoveryPassword(deps, c.get('project'), await readBody(c))),
  );
  return api.app;
}
