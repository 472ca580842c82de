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
import { organizationOfBody } from '../organizations/index.js';
import { readCustomClaims, readHeldSessionCredentials } from '../sessions/index.js';
import { loginOrSignupAnswer } from '../magic-links/index.js';
import { authenticateDiscoveryOtp, authenticateOtp, loginOrSignupOtp, sendDiscoveryOtp } from './service.js';

/**
 * Backend email one-time codes (`/v1/b2b/otps/email…`, docs/wire-protocol.md §5.2), secret-authenticated,
 * bodies not wrapped. As for backend magic links, the trusted backend is told what happened (member
 * created, refused): enumeration protection is for anonymous browsers.
 */
export function backendOtpRoutes(deps: AppDeps): Hono<AppEnv> {
  const api = defineRoutes();
  api.post(
    '/otps/email/login_or_signup',
    { action: 'OTPsEmailLoginOrSignup', limit: sendLimit('email_address') },
    async (c) => {
      const body = await readBody(c);
      const project = c.get('project');
      const organization = await organizationOfBody(deps.db, project.id, body);
      const outcome = await loginOrSignupOtp(deps, project, body, organization, { decoy: false });
      return apiOk(c, loginOrSignupAnswer(outcome, organization));
    },
  );

  api.post(
    '/otps/email/authenticate',
    { action: 'OTPsEmailAuthenticate', limit: authenticateLimit('email_address') },
    async (c) => {
      const body = await readBody(c);
      const project = c.get('project');
      const organization = await organizationOfBody(deps.db, project.id, body);
      // A session to add the factor to (Stytch's session reuse; sessions/reuse.ts).
      const credentials = readHeldSessionCredentials(body);
      const customClaims = readCustomClaims(body);
      return apiOk(
        c,
        await authenticateOtp(deps, project, body, organization, { credentials, mode: 'explicit' }, customClaims),
      );
    },
  );

  api.post(
    '/otps/email/discovery/send',
    { action: 'OTPsEmailDiscoverySend', limit: sendLimit('email_address') },
    async (c) => apiOk(c, await sendDiscoveryOtp(deps, c.get('project'), await readBody(c))),
  );

  api.post(
    '/otps/email/discovery/authenticate',
    { action: 'OTPsEmailDiscoveryAuthenticate', limit: authenticateLimit('email_address') },
    async (c) => apiOk(c, await authenticateDiscoveryOtp(deps, c.get('project'), await readBody(c))),
  );
  return api.app;
}
