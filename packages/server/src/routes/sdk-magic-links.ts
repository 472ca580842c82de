import type { AuthenticationFactor } from '@orgauth/core/protocol';
import type { Hono } from 'hono';
import { discoverOrganizations } from '../domain/discovery.js';
import { issueIntermediateSession } from '../domain/intermediate-sessions.js';
import { consumeOneTimeToken, issueOneTimeToken } from '../domain/one-time-tokens.js';
import { iso } from '../domain/serialize.js';
import type { AppDeps, AppEnv } from '../http/context.js';
import { readBody, sdkOk } from '../http/responses.js';
import { badRequest } from '../lib/api-error.js';
import { optionalInteger, optionalString, requiredEmail, requiredString } from '../lib/validate.js';
import { discoveryMagicLinkMail } from '../mail/templates.js';

/** Stytch's default lifetime of a discovery magic link. */
const DISCOVERY_TTL_MINUTES = 60;
const PKCE_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

/** `/b2b/magic_links/email/discovery/send` and `/b2b/magic_links/discovery/authenticate` (WIRE.md §2.1). */
export function registerSdkMagicLinkRoutes(sdk: Hono<AppEnv>, deps: AppDeps): void {
  sdk.post('/b2b/magic_links/email/discovery/send', async (c) => {
    const body = await readBody(c);
    const email = requiredEmail(body);
    const requestedUrl = optionalString(body, 'discovery_redirect_url', { max: 2048 });
    const ttlMinutes = optionalInteger(body, 'discovery_expiration_minutes', 5, 10_080) ?? DISCOVERY_TTL_MINUTES;
    const challenge = optionalString(body, 'pkce_code_challenge');
    if (challenge !== undefined && !PKCE_CHALLENGE.test(challenge)) throw badRequest('pkce_code_challenge must be a 43-character base64url SHA-256 digest.');
    optionalString(body, 'login_template_id', { max: 128 });
    optionalString(body, 'locale', { max: 16 });
    const project = c.get('project');
    const redirectUrl = await deps.projects.resolveRedirectUrl(project.id, 'discovery', requestedUrl === '' ? undefined : requestedUrl);
    const now = deps.now();
    const token = await issueOneTimeToken(
      deps.db,
      { projectId: project.id, kind: 'discovery_magic_link', email, pkceChallenge: challenge, redirectUrl, ttlMinutes },
      now,
    );
    // The link is built only from the allowlisted URL, never from Host / X-Forwarded-Host (REDIR-05).
    const link = new URL(redirectUrl);
    link.searchParams.set('stytch_token_type', 'discovery');
    link.searchParams.set('token', token);
    const mail = discoveryMagicLinkMail({ link: link.href, projectName: project.name, expiresInMinutes: ttlMinutes });
    await deps.mailer.send({ projectId: project.id, to: email, ...mail });
    // Same answer whether or not the email belongs to anyone: discovery must not enumerate members.
    return sdkOk(c, {});
  });

  sdk.post('/b2b/magic_links/discovery/authenticate', async (c) => {
    const body = await readBody(c);
    const token = requiredString(body, 'discovery_magic_links_token', { max: 512 });
    const verifier = optionalString(body, 'pkce_code_verifier', { max: 256 });
    const project = c.get('project');
    const now = deps.now();
    const { email, ist } = await deps.db.transaction().execute(async (trx) => {
      const consumed = await consumeOneTimeToken(trx, project.id, 'discovery_magic_link', token, verifier, now);
      const factor: AuthenticationFactor = {
        type: 'magic_link',
        delivery_method: 'email',
        last_authenticated_at: iso(now),
        sequence_order: 'PRIMARY',
        email_factor: { email_id: '', email_address: consumed.email },
      };
      return { email: consumed.email, ist: await issueIntermediateSession(trx, project.id, consumed.email, [factor], now) };
    });
    c.header('Cache-Control', 'no-store');
    return sdkOk(c, {
      intermediate_session_token: ist,
      email_address: email,
      discovered_organizations: await discoverOrganizations(deps.db, project.id, email),
    });
  });
}
