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
import { ApiError } from '../lib/api-error.js';
import { organizationOfBody } from '../organizations/index.js';
import { authenticateDiscoveryOtp, authenticateOtp, loginOrSignupOtp, sendDiscoveryOtp } from './service.js';

/**
 * SDK email one-time codes (docs/wire-protocol.md §2.2): organization login-or-signup and
 * authenticate, discovery send and authenticate. Unlike magic links no PKCE: the code is typed into
 * the page that asked for it. Sends answer `{}` whatever happened (docs/security.md AUTH-03).
 */
export function sdkOtpRoutes(deps: AppDeps): Hono<AppEnv> {
  const sdk = defineRoutes();
  sdk.post(
    '/b2b/otps/email/login_or_signup',
    { action: 'OTPsEmailLoginOrSignup', limit: sendLimit('email_address') },
    async (c) => {
      const body = await readBody(c);
      const project = c.get('project');
      const organization = await organizationOfBody(deps.db, project.id, body);
      try {
        await loginOrSignupOtp(deps, project, body, organization, { decoy: true });
      } catch (error) {
        // Only a concurrent signup of the same new email lands here; its twin already mailed the code.
        if (!(error instanceof ApiError && error.errorType === 'duplicate_member_email')) throw error;
      }
      return sdkOk(c, {});
    },
  );

  sdk.post(
    '/b2b/otps/email/authenticate',
    { action: 'OTPsEmailAuthenticate', limit: authenticateLimit('email_address') },
    async (c) => {
      const body = await readBody(c);
      const project = c.get('project');
      const organization = await organizationOfBody(deps.db, project.id, body);
      // As magic-link authenticate: the held session is the Basic password (the cookie), hence ambient.
      const held = { credentials: { token: c.get('sessionToken') }, mode: 'ambient' } as const;
      const payload = await authenticateOtp(deps, project, body, organization, held);
      c.header('Cache-Control', 'no-store');
      return sdkOk(c, payload);
    },
  );

  sdk.post(
    '/b2b/otps/email/discovery/send',
    { action: 'OTPsEmailDiscoverySend', limit: sendLimit('email_address') },
    async (c) => sdkOk(c, await sendDiscoveryOtp(deps, c.get('project'), await readBody(c))),
  );

  sdk.post(
    '/b2b/otps/email/discovery/authenticate',
    { action: 'OTPsEmailDiscoveryAuthenticate', limit: authenticateLimit('email_address') },
    async (c) => {
      const payload = await authenticateDiscoveryOtp(deps, c.get('project'), await readBody(c));
      c.header('Cache-Control', 'no-store');
      return sdkOk(c, payload);
    },
  );
  return sdk.app;
}
