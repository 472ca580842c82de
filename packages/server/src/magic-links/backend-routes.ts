import type { Hono } from 'hono';
import type { MembersTable, OrganizationsTable } from '../db/schema.js';
import { assertMagicLinkAllowed, findMemberByEmail, getMember, toMember } from '../members/index.js';
import { issueOrgMagicLink, loginOrSignupAnswer } from './organization-links.js';
import { organizationOfBody, toOrganization } from '../organizations/index.js';
import { readCustomClaims, readHeldSessionCredentials } from '../sessions/index.js';
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
import { optionalInteger, optionalString, requiredEmail } from '../lib/validate.js';
import { authenticateMagicLink, invite, loginOrSignup, optionalPkceChallenge, optionalRedirectUrl } from './service.js';

function memberBody(member: MembersTable, organization: OrganizationsTable) {
  return { member_id: member.id, member: toMember(member), organization: toOrganization(organization) };
}

/**
 * Backend magic links (`/v1/b2b/magic_links…`, seed + docs/wire-protocol.md §5.2), secret-authenticated, bodies not
 * wrapped. The backend is trusted, so unlike the SDK it is told what happened (member created, member
 * unknown): enumeration protection is for anonymous browsers.
 */
export function backendMagicLinkRoutes(deps: AppDeps): Hono<AppEnv> {
  const api = defineRoutes();
  // Seed sendB2BMagicLinkByEmail: a login link to an EXISTING member (the documented exception).
  api.post(
    '/magic_links/email/send',
    { action: 'MagicLinksEmailSend', limit: sendLimit('email_address') },
    async (c) => {
      const body = await readBody(c);
      const project = c.get('project');
      const email = requiredEmail(body);
      const organization = await organizationOfBody(deps.db, project.id, body);
      const requested = optionalRedirectUrl(body, 'login_redirect_url');
      const signupUrl = optionalRedirectUrl(body, 'signup_redirect_url');
      const ttlMinutes = optionalInteger(body, 'login_expiration_minutes', 5, 10_080) ?? 60;
      const pkceChallenge = optionalPkceChallenge(body);
      optionalString(body, 'login_template_id', { max: 128 });
      const locale = optionalString(body, 'locale', { max: 16 });
      const redirectUrl = await deps.projects.resolveRedirectUrl(project.id, 'login', requested);
      if (signupUrl !== undefined) await deps.projects.resolveRedirectUrl(project.id, 'signup', signupUrl);
      assertMagicLinkAllowed(organization);
      const member = await findMemberByEmail(deps.db, organization.id, email);
      if (member === undefined || member.status === 'deleted') {
        throw apiError('member_not_found', 'No member with this email address exists in the organization.');
      }
      const now = deps.now();
      const send = await issueOrgMagicLink(
        deps.db,
        deps.mailer,
        {
          purpose: 'login',
          projectId: project.id,
          organization,
          email,
          redirectUrl,
          ttlMinutes,
          pkceChallenge,
          locale,
        },
        now,
      );
      await send();
      return apiOk(c, memberBody(member, organization));
    },
  );

  api.post(
    '/magic_links/email/login_or_signup',
    { action: 'MagicLinksEmailLoginOrSignup', limit: sendLimit('email_address') },
    async (c) => {
      const body = await readBody(c);
      const project = c.get('project');
      const organization = await organizationOfBody(deps.db, project.id, body);
      const outcome = await loginOrSignup(deps, project, body, organization);
      return apiOk(c, loginOrSignupAnswer(outcome, organization));
    },
  );

  api.post(
    '/magic_links/email/invite',
    { action: 'MagicLinksEmailInvite', limit: sendLimit('email_address') },
    async (c) => {
      const body = await readBody(c);
      const project = c.get('project');
      const organization = await organizationOfBody(deps.db, project.id, body);
      const inviterId = optionalString(body, 'invited_by_member_id', { max: 256 });
      let inviter: MembersTable | undefined;
      if (inviterId !== undefined && inviterId !== '') {
        inviter = await getMember(deps.db, organization.id, inviterId);
        if (inviter.status !== 'active')
          throw apiError('member_not_found', 'invited_by_member_id is not an active member of the organization.');
      }
      const member = await invite(deps, project, body, { organization, inviter, allowTrustedMetadata: true });
      return apiOk(c, memberBody(member, organization));
    },
  );

  api.post(
    '/magic_links/authenticate',
    { action: 'MagicLinksAuthenticate', limit: authenticateLimit('magic_links_token') },
    async (c) => {
      const body = await readBody(c);
      // A session to add the factor to (Stytch's session reuse; sessions/reuse.ts).
      const credentials = readHeldSessionCredentials(body);
      // Accepted for SDK compatibility, not used; `intermediate_session_token` is read by the service
      // (a pending MFA sign-in of the member adds this factor, mfa/gate.ts).
      optionalString(body, 'telemetry_id', { max: 16_384 });
      const customClaims = readCustomClaims(body);
      return apiOk(
        c,
        await authenticateMagicLink(deps, c.get('project'), body, { credentials, mode: 'explicit' }, customClaims),
      );
    },
  );
  return api.app;
}
