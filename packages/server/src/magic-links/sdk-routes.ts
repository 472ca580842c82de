import type { Hono } from 'hono';
import { getOrganization } from '../organizations/store.js';
import { toMember } from '../members/serialize.js';
import { toOrganization } from '../organizations/serialize.js';
import { authenticateSessionToken, sessionRoles } from '../sessions/store.js';
import type { AppDeps, AppEnv } from '../http/context.js';
import { readBody, sdkOk } from '../http/responses.js';
import { ApiError, badRequest } from '../lib/api-error.js';
import { requiredString, type Body } from '../lib/validate.js';
import { authenticateDiscoveryMagicLink, sendDiscoveryMagicLink } from '../discovery/service.js';
import { authenticateMagicLink, invite, loginOrSignup, optionalPkceChallenge } from './service.js';

/**
 * Login CSRF (SECURITY.md CSRF-02): a link minted through the public-token API without a challenge
 * could be redeemed by any browser, so an attacker could mail one to themselves and have a victim
 * open it, signing the victim in to the attacker's account. The SDK therefore must bind every email
 * login link to its own browser's verifier (the bootstrap says `pkce_required_for_email_magic_links`).
 * Checked first in the handler, so a refusal never mails or writes a token; the rate-limit
 * middleware has already counted it as a send (as any other refused send), which is harmless.
 * Invites are exempt (the invitee opens the link in another browser by design), and so is the
 * backend API (a server holding the secret may mail links without PKCE).
 */
function assertPkceChallenge(body: Body): void {
  if (optionalPkceChallenge(body) === undefined) {
    throw new ApiError(400, 'pkce_required', 'pkce_code_challenge is required: SDK email magic links must be bound to the browser that asked for them (PKCE).');
  }
}

/**
 * SDK magic links (WIRE.md §2.1): discovery send/authenticate, organization login_or_signup, invite
 * and authenticate. The same operations serve the backend routes (`backend-magic-links.ts`).
 */
export function registerSdkMagicLinkRoutes(sdk: Hono<AppEnv>, deps: AppDeps): void {
  sdk.post('/b2b/magic_links/email/discovery/send', async (c) => {
    const body = await readBody(c);
    assertPkceChallenge(body);
    return sdkOk(c, await sendDiscoveryMagicLink(deps, c.get('project'), body));
  });

  sdk.post('/b2b/magic_links/discovery/authenticate', async (c) => {
    return sdkOk(c, await authenticateDiscoveryMagicLink(deps, c.get('project'), await readBody(c)));
  });

  sdk.post('/b2b/magic_links/email/login_or_signup', async (c) => {
    const body = await readBody(c);
    assertPkceChallenge(body);
    const project = c.get('project');
    const organization = await getOrganization(deps.db, project.id, requiredString(body, 'organization_id', { max: 256 }));
    // Deliberately no outcome in the answer: login, signup and refusal look the same (AUTH-03), and
    // a mail goes only to people the organization lets in.
    try {
      await loginOrSignup(deps, project, body, organization);
    } catch (error) {
      // Only a concurrent signup of the same new email lands here; its twin already mailed the link.
      if (!(error instanceof ApiError && error.errorType === 'duplicate_member_email')) throw error;
    }
    return sdkOk(c, {});
  });

  sdk.post('/b2b/magic_links/email/invite', async (c) => {
    const body = await readBody(c);
    const project = c.get('project');
    const sessionToken = c.get('sessionToken');
    if (sessionToken === undefined) throw new ApiError(401, 'user_unauthenticated', 'Inviting a member requires a session.');
    const caller = await authenticateSessionToken(deps.db, project.id, sessionToken, undefined, deps.now());
    // No RBAC engine yet: a member may hand out only roles it holds itself, so an invite can never
    // escalate privileges (inviting yourself at another address as admin).
    const held = new Set(sessionRoles(caller.member));
    const roles = Array.isArray(body.roles) ? (body.roles as unknown[]) : [];
    for (const role of roles) {
      if (typeof role === 'string' && !held.has(role)) throw badRequest(`You cannot grant the role "${role}": you do not hold it.`);
    }
    const member = await invite(deps, project, body, { organization: caller.organization, inviter: caller.member, allowTrustedMetadata: false });
    return sdkOk(c, { member_id: member.id, member: toMember(member), organization: toOrganization(caller.organization) });
  });

  sdk.post('/b2b/magic_links/authenticate', async (c) => {
    // As sdk sessions/authenticate: the session is the Basic password (WIRE.md §1.2), never the body;
    // it is whatever cookie the browser holds, hence ambient.
    const held = { credentials: { token: c.get('sessionToken') }, mode: 'ambient' } as const;
    const payload = await authenticateMagicLink(deps, c.get('project'), await readBody(c), held);
    c.header('Cache-Control', 'no-store');
    return sdkOk(c, payload);
  });
}
