import type { B2BClient } from '@orgauth/core';
import {
  createTestClient,
  fixtureAuthenticateResponse,
  fixtureDiscoveryResponse,
  fixtureErrorEnvelope,
  fixtureMember,
  fixtureOrganization,
  type ScriptedReply,
} from '@orgauth/core/testing';

// The clients behind the email-code and invite stories, like login-clients.ts: real clients over a
// memory platform whose network is scripted, so each screen is the one a person sees for that answer.

const SENT = { request_id: 'request-id-story-send', status_code: 200 };

/** A plain page whose discovery code send answers, and whose code authenticate answers `authenticate`. */
export function codeClient(authenticate: ScriptedReply = fixtureDiscoveryResponse()): B2BClient {
  return createTestClient({
    replies: {
      'POST /b2b/otps/email/discovery/send': SENT,
      'POST /b2b/magic_links/email/discovery/send': SENT,
      'POST /b2b/otps/email/discovery/authenticate': authenticate,
    },
  }).client;
}

/** The answer to a wrong code: the server's words carry the tries left. */
export const wrongCode = fixtureErrorEnvelope(
  'otp_code_not_found',
  404,
  'That code is wrong. 4 attempts left for this code.',
);

/** The answer to a code past its lifetime. */
export const expiredCode = fixtureErrorEnvelope('unable_to_auth_otp_code', 401, 'This code has expired.');

/** The answer once a code was tried too often. */
export const exhaustedCode = fixtureErrorEnvelope('too_many_otp_attempts', 401, 'This code no longer works.');

/** The answer of the rate limit. */
export const rateLimited = fixtureErrorEnvelope('too_many_requests', 429, 'Too many requests.');

/** An invite to Globex, opened from the email. */
export const INVITE_HREF = 'http://localhost:3000/?stytch_token_type=multi_tenant_magic_links&token=story-invite-token';

const globex = fixtureOrganization({
  organization_id: 'organization-test-00000000-0000-4000-8000-000000000002',
  organization_name: 'Globex Corporation',
  organization_slug: 'globex',
});

/** The invite link, whose authenticate answers `authenticate` (default: signed in to Globex). */
export function inviteClient(
  authenticate: ScriptedReply = fixtureAuthenticateResponse({
    member: fixtureMember({ email_address: 'grace@globex.test', organization_id: globex.organization_id }),
    organization: globex,
  }),
): B2BClient {
  return createTestClient({
    href: INVITE_HREF,
    replies: {
      'POST /b2b/magic_links/authenticate': authenticate,
      // Sessions refresh a few minutes after sign-in; keep a story left open signed in.
      'POST /b2b/sessions/authenticate': fixtureAuthenticateResponse({ organization: globex }),
    },
  }).client;
}

/** The invite was already accepted, or has expired. */
export const usedInviteClient = () =>
  inviteClient(fixtureErrorEnvelope('magic_link_not_found', 404, 'The magic link was already used or expired.'));
