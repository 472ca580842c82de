import { createHash } from 'node:crypto';
import type { Page, Request } from '@playwright/test';
import type { StytchB2BClient } from '@stytch/vanilla-js/b2b/headless';
import { backendAuth, projectCredentials, unique } from '../support/backend.js';
import { expect, test } from '../support/fixtures.js';
import { Mailbox } from '../support/mailbox.js';
import { stytchSdkVersion, stytchShapeErrors, type StytchResponseType } from '../support/stytch-shapes.js';

// Stytch's own browser SDK (`@stytch/vanilla-js`, headless B2B client) in Chromium on the app
// origin, against OrgAuth on the server origin, changing nothing but its API URL: the journey a team
// moving off Stytch keeps. Each answer is typed with the SDK's own response type (tsc checks every
// field read here) and compared at run time with the type the SDK declares (support/stytch-shapes.ts).

declare global {
  interface Window {
    stytchClient: StytchB2BClient;
  }
}

const SESSION_COOKIES = ['stytch_session', 'stytch_session_jwt'];
const IST_COOKIE = 'stytch_intermediate_session_token';
const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

/** The JSON body the page sent to an SDK path, captured while `call` runs. */
async function sentWith<T>(
  page: Page,
  path: string,
  call: () => Promise<T>,
): Promise<{ result: T; body: Record<string, unknown>; request: Request }> {
  const [request, result] = await Promise.all([
    page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith(`/sdk/v1${path}`)),
    call(),
  ]);
  return { result, body: (request.postDataJSON() ?? {}) as Record<string, unknown>, request };
}

test('Stytch vanilla-js headless B2B client: discovery, organization create, session, IST exchange, revoke', async ({
  page,
  context,
  request,
  origins,
  guard,
}) => {
  expect(stytchSdkVersion()).toBe('6.3.0');
  // The SDK page lives on the app origin only (untagged: the cross-origin project runs it).
  expect(origins.crossOrigin).toBe(true);
  const email = `${unique('stytch-sdk')}@example.com`;
  const mailbox = new Mailbox(request);
  const shapeProblems: string[] = [];
  const checkShape = (step: string, value: unknown, type: StytchResponseType) =>
    shapeProblems.push(...stytchShapeErrors(value, type).map((p) => `${step}: ${p}`));
  const cookieNames = async () => (await context.cookies(origins.app)).map((c) => c.name);
  const { public_token } = projectCredentials();
  let organizationId = '';
  let memberId = '';

  await test.step('The SDK boots on the app origin from our bootstrap, RBAC policy included', async () => {
    const bootstrap = page.waitForResponse(
      (r) => r.url() === `${origins.server}/sdk/v1/projects/bootstrap/${public_token}`,
    );
    await page.goto('/stytch-sdk/');
    expect((await bootstrap).status()).toBe(200);
    await guard.expectAppOrigin();
    const cached = await page.waitForFunction(
      (key) => localStorage.getItem(key),
      `stytch_sdk_state_${public_token}::bootstrap`,
    );
    const config = JSON.parse((await cached.jsonValue()) as string) as {
      pkceRequiredForEmailMagicLinks: boolean;
      rbacPolicy: { roles: { role_id: string }[] } | null;
    };
    expect(config.pkceRequiredForEmailMagicLinks).toBe(true);
    expect(config.rbacPolicy?.roles.map((role) => role.role_id)).toEqual(['stytch_member', 'stytch_admin']);
  });

  /** Mails a discovery link with the SDK, then authenticates its token; returns the response. */
  const discover = async (count: number, step: string) => {
    const send = await sentWith(page, '/b2b/magic_links/email/discovery/send', () =>
      page.evaluate(
        (a) =>
          window.stytchClient.magicLinks.email.discovery.send({
            email_address: a.email,
            discovery_redirect_url: a.redirect,
          }),
        { email, redirect: `${origins.app}/stytch-sdk/` },
      ),
    );
    checkShape(`${step} send`, send.result, 'B2BMagicLinksEmailDiscoverySendResponse');
    expect(send.body.pkce_code_challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const link = new URL(await mailbox.discoveryLink(email, count));
    expect(`${link.origin}${link.pathname}`).toBe(`${origins.app}/stytch-sdk/`);
    const token = link.searchParams.get('token') ?? '';
    const auth = await sentWith(page, '/b2b/magic_links/discovery/authenticate', () =>
      page.evaluate(
        (t) => window.stytchClient.magicLinks.discovery.authenticate({ discovery_magic_links_token: t }),
        token,
      ),
    );
    checkShape(`${step} authenticate`, auth.result, 'B2BMagicLinksDiscoveryAuthenticateResponse');
    expect(s256(String(auth.body.pkce_code_verifier))).toBe(send.body.pkce_code_challenge);
    expect(auth.result.email_address).toBe(email);
    expect(auth.result.intermediate_session_token).toBeTruthy();
    expect(await cookieNames()).toContain(IST_COOKIE);
    return auth.result;
  };

  await test.step('magicLinks.email.discovery.send and magicLinks.discovery.authenticate, with PKCE', async () => {
    const found = await discover(1, 'first sign-in');
    expect(found.discovered_organizations).toEqual([]);
  });

  await test.step('discovery.organizations.create signs in and sets the session cookies', async () => {
    const created = await page.evaluate(
      (slug) =>
        window.stytchClient.discovery.organizations.create({
          organization_name: 'Stytch SDK Co',
          organization_slug: slug,
          session_duration_minutes: 60,
        }),
      unique('stytch-sdk-co'),
    );
    checkShape('discovery.organizations.create', created, 'B2BDiscoveryOrganizationsCreateResponse');
    expect(created.member_authenticated).toBe(true);
    expect(created.organization.organization_name).toBe('Stytch SDK Co');
    expect(created.member.email_address).toBe(email);
    organizationId = created.organization.organization_id;
    memberId = created.member_id;
    const names = await cookieNames();
    expect(names).toEqual(expect.arrayContaining(SESSION_COOKIES));
    expect(names).not.toContain(IST_COOKIE);
  });

  await test.step('session.authenticate with the session cookie; RBAC answers from our policy', async () => {
    const auth = await sentWith(page, '/b2b/sessions/authenticate', () =>
      page.evaluate(() => window.stytchClient.session.authenticate({ session_duration_minutes: 60 })),
    );
    checkShape('session.authenticate', auth.result, 'B2BSessionAuthenticateResponse');
    expect(auth.result.member.member_id).toBe(memberId);
    const cookies = await context.cookies(origins.app);
    const sessionCookie = cookies.find((c) => c.name === 'stytch_session')?.value ?? '';
    expect(auth.result.session_token).toBe(sessionCookie);
    expect(auth.request.headers().authorization).toBe(
      `Basic ${Buffer.from(`${public_token}:${sessionCookie}`).toString('base64')}`,
    );
    // The SDK evaluates the bootstrap's policy against the session's roles: stytch_member manages
    // itself only; stytch_admin (when held) everything of the organization.
    const roles = auth.result.member_session.roles;
    expect(roles).toContain('stytch_member');
    const admin = roles.includes('stytch_admin');
    const permissions = await page.evaluate(() => window.stytchClient.rbac.allPermissions());
    expect(permissions['stytch.self']?.['update.info.name']).toBe(true);
    expect(permissions['stytch.member']?.search).toBe(admin);
    expect(permissions['stytch.organization']?.delete).toBe(admin);
    expect(permissions['stytch.sso']?.create).toBe(admin);
    // The creator holds stytch_admin, whose `*` covers any action on the stytch.* resources; a
    // resource the policy does not declare is refused.
    expect(admin).toBe(true);
    expect(
      await page.evaluate(() => window.stytchClient.rbac.isAuthorizedSync('stytch.member', 'no-such-action')),
    ).toBe(true);
    expect(await page.evaluate(() => window.stytchClient.rbac.isAuthorizedSync('billing', 'read'))).toBe(false);
  });

  await test.step('session.revoke ends the session on the server and clears the cookies', async () => {
    const sessionToken = (await context.cookies(origins.app)).find((c) => c.name === 'stytch_session')?.value ?? '';
    const revoked = await page.evaluate(() => window.stytchClient.session.revoke());
    checkShape('session.revoke', revoked, 'SessionRevokeResponse');
    expect(await cookieNames()).not.toEqual(expect.arrayContaining(['stytch_session']));
    const check = await request.post(`${origins.server}/v1/b2b/sessions/authenticate`, {
      headers: backendAuth(),
      data: { session_token: sessionToken },
    });
    expect(check.status()).toBe(404);
    expect((await check.json()).error_type).toBe('session_not_found');
  });

  await test.step('A second sign-in lists the organization; the IST is exchanged into it', async () => {
    const found = await discover(2, 'second sign-in');
    expect(found.discovered_organizations.map((d) => d.organization.organization_id)).toEqual([organizationId]);
    const exchanged = await page.evaluate(
      (id) =>
        window.stytchClient.discovery.intermediateSessions.exchange({
          organization_id: id,
          session_duration_minutes: 60,
        }),
      organizationId,
    );
    checkShape(
      'discovery.intermediateSessions.exchange',
      exchanged,
      'B2BDiscoveryIntermediateSessionsExchangeResponse',
    );
    expect(exchanged.member_id).toBe(memberId);
    expect(exchanged.member_authenticated).toBe(true);
    expect(await cookieNames()).toEqual(expect.arrayContaining(SESSION_COOKIES));
    await page.evaluate(() => window.stytchClient.session.revoke());
    expect(await cookieNames()).not.toEqual(expect.arrayContaining(['stytch_session']));
  });

  await test.step("The SDK's telemetry reached POST /sdk/v1/events and was accepted", async () => {
    await expect
      .poll(() => guard.sdkAnswers.filter((a) => a.url === `${origins.server}/sdk/v1/events`).map((a) => a.status))
      .toContain(200);
  });

  await test.step('Every answer has each field the SDK types declare, with the declared kind', async () => {
    // One documented difference (docs/wire-protocol.md §8): SDK answers spell Member.roles as role
    // ids, where Stytch's types declare MemberRole objects. Everything else must match.
    const rolesAsIds = /\.roles\[\d+\]: expected MemberRole, got "[a-z_]+"$/;
    expect(shapeProblems.filter((problem) => !rolesAsIds.test(problem))).toEqual([]);
  });
});
