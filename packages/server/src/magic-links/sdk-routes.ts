import type { Hono } from 'hono';
import { organizationOfBody, toOrganization } from '../organizations/index.js';
import { toMember } from '../members/index.js';
import { rolePermissions, sessionCaller } from '../rbac/index.js';
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
import { assertPkceChallenge, authenticateMagicLink, invite, loginOrSignup } from './service.js';

/**
 * SDK organization magic links (docs/wire-protocol.md §2.1): login_or_signup, invite and authenticate. The same
 * operations serve the backend routes (magic-links/backend-routes.ts); the discovery ones are in
 * discovery/.
 */
export function sdkMagicLinkRoutes(deps: AppDeps): Hono<AppEnv> {
  const sdk = defineRoutes();
  sdk.post(
    '/b2b/magic_links/email/login_or_signup',
    { action: 'MagicLinksEmailLoginOrSignup', limit: sendLimit('email_address') },
    async (c) => {
      const body = await readBody(c);
      assertPkceChallenge(body);
      const project = c.get('project');
      const organization = await organizationOfBody(deps.db, project.id, body);
      // Deliberately no outcome in the answer: login, signup and refusal look the same (AUTH-03), and
      // a mail goes only to people the organization lets in.
      try {
        await loginOrSignup(deps, project, body, organization);
      } catch (error) {
        // Only a concurrent signup of the same new email lands here; its twin already mailed the link.
        if (!(error instanceof ApiError && error.errorType === 'duplicate_member_email')) throw error;
      }
      return sdkOk(c, {});
    },
  );

  sdk.post(
    '/b2b/magic_links/email/invite',
    { action: 'MagicLinksEmailInvite', limit: sendLimit('email_address') },
    async (c) => {
      const body = await readBody(c);
      const project = c.get('project');
      const caller = await sessionCaller(c, deps);
      // Inviting is creating a member (`stytch.member create`); giving it roles is a role change
      // (`update.settings.roles`), so an invite never grants what the inviter could not grant.
      caller.require([{ resource: 'stytch.member', action: 'create' }, ...rolePermissions(body.roles)]);
      caller.assertKnownRoles(body.roles);
      const member = await invite(deps, project, body, {
        organization: caller.organization,
        inviter: caller.member,
        allowTrustedMetadata: false,
      });
      return sdkOk(c, {
        member_id: member.id,
        member: toMember(member),
        organization: toOrganization(caller.organization),
      });
    },
  );

  sdk.post(
    '/b2b/magic_links/authenticate',
    { action: 'MagicLinksAuthenticate', limit: authenticateLimit('magic_links_token') },
    async (c) => {
      // As sdk sessions/authenticate: the session is the Basic password (docs/wire-protocol.md §1.2), never the body;
      // it is whatever cookie the browser holds, hence ambient.
      const held = { credentials: { token: c.get('sessionToken') }, mode: 'ambient' } as const;
      const payload = await authenticateMagicLink(deps, c.get('project'), await readBody(c), held);
      c.header('Cache-Control', 'no-store');
      return sdkOk(c, payload);
    },
  );
  return sdk.app;
}
