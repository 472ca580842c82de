import type { Hono } from 'hono';
import {
  type AppDeps,
  type AppEnv,
  authenticateLimit,
  defineRoutes,
  readBody,
  sdkOk,
  sendLimit,
} from '../http/index.js';
import { organizationOfBody } from '../organizations/index.js';
import { resetByEmail, resetDiscoveryByEmail } from './reset-complete.js';
import { startDiscoveryReset, startOrganizationReset } from './reset-start.js';

/**
 * SDK password resets by email (docs/wire-protocol.md §2.8), organization and discovery. The starts
 * answer `{}` whatever happened (docs/security.md AUTH-03) and require a PKCE challenge (CSRF-02);
 * sends are limited per recipient and reset attempts per token, as for magic links.
 */
export function sdkPasswordResetRoutes(deps: AppDeps): Hono<AppEnv> {
  const sdk = defineRoutes();
  sdk.post(
    '/b2b/passwords/email/reset/start',
    { action: 'PasswordsEmailResetStart', limit: sendLimit('email_address') },
    async (c) => {
      const body = await readBody(c);
      const project = c.get('project');
      const organization = await organizationOfBody(deps.db, project.id, body);
      await startOrganizationReset(deps, project, body, organization, { requireChallenge: true });
      return sdkOk(c, {});
    },
  );

  sdk.post(
    '/b2b/passwords/email/reset',
    { action: 'PasswordsEmailReset', limit: authenticateLimit('password_reset_token') },
    async (c) => {
      // As magic-link authenticate: the held session is the Basic password (the cookie), hence ambient.
      const held = { credentials: { token: c.get('sessionToken') }, mode: 'ambient' } as const;
      const payload = await resetByEmail(deps, c.get('project'), await readBody(c), held);
      c.header('Cache-Control', 'no-store');
      return sdkOk(c, payload);
    },
  );

  sdk.post(
    '/b2b/passwords/discovery/reset/start',
    { action: 'PasswordsDiscoveryEmailResetStart', limit: sendLimit('email_address') },
    async (c) =>
      sdkOk(c, await startDiscoveryReset(deps, c.get('project'), await readBody(c), { requireChallenge: true })),
  );

  sdk.post(
    '/b2b/passwords/discovery/reset',
    { action: 'PasswordsDiscoveryEmailReset', limit: authenticateLimit('password_reset_token') },
    async (c) => {
      const payload = await resetDiscoveryByEmail(deps, c.get('project'), await readBody(c));
      c.header('Cache-Control', 'no-store');
      return sdkOk(c, payload);
    },
  );
  return sdk.app;
}
