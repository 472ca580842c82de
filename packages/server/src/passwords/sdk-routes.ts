import type { Hono } from 'hono';
import {
  type AppDeps,
  type AppEnv,
  authenticateLimit,
  cpuLimit,
  defineRoutes,
  readBody,
  sdkOk,
} from '../http/index.js';
import { optionalString } from '../lib/validate.js';
import { organizationOfBody } from '../organizations/index.js';
import { requiredPassword } from './input.js';
import { authenticateDiscoveryPassword, authenticatePassword, resetByExistingPassword } from './service.js';
import { resetBySession } from './session-reset.js';
import { checkStrength } from './strength.js';

/**
 * SDK passwords (docs/wire-protocol.md §2.8): authenticate, strength check, reset by existing
 * password or by session, discovery authenticate. Email-keyed routes declare the authenticate limit:
 * failures count per (email in any case, client IP) and per email from everywhere, whatever the
 * organization (http/auth-failures.ts, docs/security.md AUTH-01); the strength check is CPU-limited.
 * As for codes, a held session is the Basic password, hence ambient (sessions/reuse.ts).
 */
export function sdkPasswordRoutes(deps: AppDeps): Hono<AppEnv> {
  const sdk = defineRoutes();
  const ambient = (token: string | undefined) => ({ credentials: { token }, mode: 'ambient' }) as const;

  sdk.post(
    '/b2b/passwords/authenticate',
    { action: 'PasswordsAuthenticate', limit: authenticateLimit('email_address') },
    async (c) => {
      const body = await readBody(c);
      const project = c.get('project');
      const organization = await organizationOfBody(deps.db, project.id, body);
      const payload = await authenticatePassword(deps, project, body, organization, ambient(c.get('sessionToken')));
      c.header('Cache-Control', 'no-store');
      return sdkOk(c, payload);
    },
  );

  sdk.post('/b2b/passwords/strength_check', { action: 'PasswordsStrengthCheck', limit: cpuLimit() }, async (c) => {
    const body = await readBody(c);
    const password = requiredPassword(body, 'password');
    const email = optionalString(body, 'email_address', { max: 254 });
    return sdkOk(c, await checkStrength(password, email));
  });

  sdk.post(
    '/b2b/passwords/existing_password/reset',
    { action: 'PasswordsExistingPasswordReset', limit: authenticateLimit('email_address') },
    async (c) => {
      const body = await readBody(c);
      const project = c.get('project');
      const organization = await organizationOfBody(deps.db, project.id, body);
      const payload = await resetByExistingPassword(deps, project, body, organization, ambient(c.get('sessionToken')));
      c.header('Cache-Control', 'no-store');
      return sdkOk(c, payload);
    },
  );

  sdk.post('/b2b/passwords/session/reset', { action: 'PasswordsSessionReset' }, async (c) => {
    const body = await readBody(c);
    const payload = await resetBySession(deps, c.get('project'), body, { token: c.get('sessionToken') });
    c.header('Cache-Control', 'no-store');
    return sdkOk(c, payload);
  });

  sdk.post(
    '/b2b/passwords/discovery/authenticate',
    { action: 'PasswordsDiscoveryAuthenticate', limit: authenticateLimit('email_address') },
    async (c) => {
      const payload = await authenticateDiscoveryPassword(deps, c.get('project'), await readBody(c));
      c.header('Cache-Control', 'no-store');
      return sdkOk(c, payload);
    },
  );
  return sdk.app;
}
