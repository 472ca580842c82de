import { describe, expect, it } from 'vitest';
import { isOrgAuthApiError } from '../errors.js';
import { fixtureMember, fixtureMemberSession, fixtureOrganization } from '../testing/fixtures.js';
import { fixtureErrorEnvelope } from '../testing/scripted-transport.js';
import { createTestClient } from '../testing/test-client.js';

const INVITE = 'POST /b2b/magic_links/email/invite';
const signedIn = {
  status: 'signed-in',
  member: fixtureMember(),
  organization: fixtureOrganization(),
  session: fixtureMemberSession(),
  fromCache: false,
} as const;

describe('magicLinks.email.invite', () => {
  it('posts Stytch options as they are, with the session, and leaves the signed-in state alone', async () => {
    const invited = fixtureMember({
      member_id: 'member-test-invited',
      email_address: 'grace@acme.test',
      status: 'invited',
    });
    const answer = {
      request_id: 'r',
      status_code: 200,
      member_id: invited.member_id,
      member: invited,
      organization: signedIn.organization,
    };
    const { client, transport, platform } = createTestClient({ state: signedIn, replies: { [INVITE]: answer } });
    const options = {
      email_address: 'grace@acme.test',
      name: 'Grace',
      roles: ['stytch_admin'],
      invite_redirect_url: 'http://localhost:3000/authenticate',
      invite_expiration_minutes: 60,
    };
    await expect(client.magicLinks.email.invite(options)).resolves.toEqual(answer);
    expect(transport.requests[0]).toMatchObject({ method: 'POST', path: INVITE.slice(5), body: options });
    expect(transport.requests[0]!.headers.authorization).toBe(
      `Basic ${btoa(`${client.publicToken}:session-token-test-seeded`)}`,
    );
    expect(client.store.getState()).toBe(signedIn);
    // An invite link opens in the invitee's browser: no PKCE pair is made for it here.
    expect([...platform.storageMap.keys()].some((k) => k.includes('PKCE'))).toBe(false);
  });

  it('rejects with the refusal', async () => {
    const { client } = createTestClient({
      state: signedIn,
      replies: { [INVITE]: fixtureErrorEnvelope('unauthorized_action', 403) },
    });
    const error = await client.magicLinks.email.invite({ email_address: 'x@acme.test' }).catch((e: unknown) => e);
    expect(isOrgAuthApiError(error, 'unauthorized_action')).toBe(true);
    expect(error).toMatchObject({ statusCode: 403 });
  });
});
