import type { Hono } from 'hono';
import {
  apiOk,
  type AppDeps,
  type AppEnv,
  authenticateLimit,
  defineRoutes,
  readBody,
  sendLimit,
} from '../http/index.js';
import { apiError } from '../lib/api-error.js';
import { toMember, withOAuthRegistrations } from '../members/index.js';
import { organizationOfBody } from '../organizations/index.js';
import { readCustomClaims, readHeldSessionCredentials } from '../sessions/index.js';
import { resetByEmail, resetDiscoveryByEmail } from './reset-complete.js';
import { requireReset } from './reset-require.js';
import { startDiscoveryReset, startOrganizationReset } from './reset-start.js';

/**
 * Backend password resets by email (`/v1/b2b/passwords/…`, docs/wire-protocol.md §5.2),
 * secret-authenticated, bodies not wrapped. As for backend magic links, the trusted backend is told
 * whether the email is a member (`member_not_found` otherwise); PKCE is optional for it.
 */
export function backendPasswordResetRoutes(deps: AppDeps): Hono<AppEnv> {
  const api = defineRoutes();
  api.post(
    '/passwords/email/reset/start',
    { action: 'PasswordsEmailResetStart', limit: sendLimit('email_address') },
    async (c) => {
      const body = await readBody(c);
      const project = c.get('project');
      const organization = await organizationOfBody(deps.db, project.id, body);
      const member = await startOrganizationReset(deps, project, body, organization, { requireChallenge: false });
      if (member === undefined)
        throw apiError('member_not_found', 'No member with this email address exists in the organization.');
      const [wire] = await withOAuthRegistrations(deps.db, [toMember(member)]);
      return apiOk(c, { member_id: member.id, member_email_id: member.email_id, member: wire });
    },
  );

  api.post(
    '/passwords/email/reset',
    { action: 'PasswordsEmailReset', limit: authenticateLimit('password_reset_token') },
    async (c) => {
      const body = await readBody(c);
      // A session to keep (Stytch's session reuse; sessions/reuse.ts); every other one is revoked.
      const credentials = readHeldSessionCredentials(body);
      const customClaims = readCustomClaims(body);
      const held = { credentials, mode: 'explicit' } as const;
      return apiOk(c, await resetByEmail(deps, c.get('project'), body, held, customClaims));
    },
  );

  api.post('/passwords/email/require_reset', { action: 'PasswordsEmailRequireReset' }, async (c) =>
    apiOk(c, await requireReset(deps, c.get('project'), await readBody(c))),
  );

  api.post(
    '/passwords/discovery/email/reset/start',
    { action: 'PasswordsDiscoveryEmailResetStart', limit: sendLimit('email_address') },
    async (c) =>
      apiOk(c, await startDiscoveryReset(deps, c.get('project'), await readBody(c), { requireChallenge: false })),
  );

  api.post(
    '/passwords/discovery/email/reset',
    { action: 'PasswordsDiscoveryEmailReset', limit: authenticateLimit('password_reset_token') },
    async (c) => apiOk(c, await resetDiscoveryByEmail(deps, c.get('project'), await readBody(c))),
  );
  return api.app;
}
