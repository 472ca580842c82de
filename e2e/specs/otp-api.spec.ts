import type { Page } from '@playwright/test';
import { createOrganization, unique } from '../support/backend.js';
import { expect, test } from '../support/fixtures.js';
import { LoginCard } from '../support/login-card.js';
import { Mailbox } from '../support/mailbox.js';
import { addMember, mailedCode, membersWithEmail } from '../support/organization-mail.js';

// Email one-time codes through the headless client of the script tag (`window.OrgAuth`), from the
// app's origin to the server's, under the app's strict CSP: every answer, the refusals included,
// must be readable by the page (CORS), and the session the code creates must be the one the page's
// `<orgauth-login>` shows after a reload.

/** What a call made in the page ended with: the answer, or the error's fields. */
type Outcome =
  // biome-ignore lint/suspicious/noExplicitAny: an SDK answer, matched field by field by the journeys
  | { ok: true; answer: Record<string, any> }
  | { ok: false; name: string; errorType: string | undefined; statusCode: number | undefined; message: string };

/**
 * Runs `client.<path>(options)` on the page with one `OrgAuth.createB2BClient` per page load (same
 * public token and server as the page's login; it holds the intermediate session between calls).
 * Errors come back as values, not as rejections.
 */
function call(page: Page, path: string, options: Record<string, unknown>): Promise<Outcome> {
  return page.evaluate(
    async ({ path, options }) => {
      // The page hands its own client to <orgauth-provider>; this one shares its token and server.
      const page = (
        document.querySelector('orgauth-provider') as unknown as {
          client: { publicToken: string; baseUrl: string };
        }
      ).client;
      const holder = window as unknown as {
        __client?: unknown;
        OrgAuth: { createB2BClient(options: { publicToken: string; baseUrl: string }): unknown };
      };
      holder.__client ??= holder.OrgAuth.createB2BClient({ publicToken: page.publicToken, baseUrl: page.baseUrl });
      const keys = path.split('.');
      const owner = keys.slice(0, -1).reduce((o, key) => (o as Record<string, unknown>)[key], holder.__client);
      const method = (owner as Record<string, (o: unknown) => Promise<unknown>>)[keys.at(-1)!]!;
      try {
        return { ok: true as const, answer: JSON.parse(JSON.stringify(await method.call(owner, options))) };
      } catch (error) {
        const e = error as { name: string; errorType?: string; statusCode?: number; message: string };
        return {
          ok: false as const,
          name: e.name,
          errorType: e.errorType,
          statusCode: e.statusCode,
          message: e.message,
        };
      }
    },
    { path, options },
  );
}

/** Another six-digit code than `code`. */
const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

test('script-tag client: a member signs in to an organization by code, after one wrong code', async ({
  page,
  request,
  guard,
}) => {
  const orgName = `Codes ${unique('co')}`;
  const organization = await createOrganization(request, orgName, unique('codes'));
  const email = `${unique('otp')}@example.com`;
  await addMember(request, organization.organization_id, email);
  const mailbox = new Mailbox(request);
  const login = new LoginCard(page);
  const target = { organization_id: organization.organization_id, email_address: email };
  await page.goto('/script-tag.html');
  await login.expectEmailStep();

  await test.step('When the page asks for a code, the mail names the organization and holds six digits', async () => {
    expect(await call(page, 'otps.email.loginOrSignup', target)).toMatchObject({ ok: true });
    const { code, subject } = await mailedCode(mailbox, email);
    expect(subject).toBe(`${code} is your code to sign in to ${orgName}`);

    // The wrong code's 404 is logged by Chromium; its envelope must still reach the page.
    guard.allow(
      /Failed to load resource: the server responded with a status of 404 .*\/sdk\/v1\/b2b\/otps\/email\/authenticate\)$/,
    );
    const refused = await call(page, 'otps.email.authenticate', { ...target, code: wrong(code) });
    expect(refused).toEqual({
      ok: false,
      name: 'OrgAuthApiError',
      errorType: 'otp_code_not_found',
      statusCode: 404,
      message: 'That code is wrong. 4 attempts left for this code.',
    });

    const signedIn = await call(page, 'otps.email.authenticate', { ...target, code });
    expect(signedIn).toMatchObject({
      ok: true,
      answer: { member: { email_address: email, status: 'active' }, organization: { organization_name: orgName } },
    });
    // Single use: the same code again is refused.
    expect(await call(page, 'otps.email.authenticate', { ...target, code })).toMatchObject({
      ok: false,
      errorType: 'otp_code_not_found',
    });
  });

  await test.step('Then the session is the page’s: after a reload the login shows it signed in', async () => {
    expect((await page.context().cookies()).map((c) => c.name)).toContain('stytch_session');
    await page.reload();
    await expect(login.heading(/signed in/i)).toBeVisible();
    await expect(login.root.getByText(email)).toBeVisible();
    await expect(login.root.getByText(orgName)).toBeVisible();
    await guard.expectAppOrigin();
  });
});

test('script-tag client: discovery by code, then a new organization', async ({ page, request, guard }) => {
  const email = `${unique('disco')}@example.com`;
  const orgName = `Found ${unique('co')}`;
  const mailbox = new Mailbox(request);
  const login = new LoginCard(page);
  let organizationId = '';
  await page.goto('/script-tag.html');
  await login.expectEmailStep();

  await test.step('When the page proves the address by code, no organization is found yet', async () => {
    expect(await call(page, 'otps.email.discovery.send', { email_address: email })).toMatchObject({ ok: true });
    const { code, subject } = await mailedCode(mailbox, email);
    expect(subject).toBe(`${code} is your code to sign in to your organizations`);
    const discovered = await call(page, 'otps.email.discovery.authenticate', { email_address: email, code });
    expect(discovered).toMatchObject({ ok: true, answer: { email_address: email, discovered_organizations: [] } });
  });

  await test.step('Then the intermediate session creates an organization and signs in to it', async () => {
    const slug = unique('found');
    const created = await call(page, 'discovery.organizations.create', {
      organization_name: orgName,
      organization_slug: slug,
    });
    expect(created).toMatchObject({
      ok: true,
      answer: {
        member: { email_address: email },
        organization: { organization_name: orgName, organization_slug: slug },
      },
    });
    organizationId = created.ok ? created.answer.organization.organization_id : '';
    await page.reload();
    await expect(login.heading(/signed in/i)).toBeVisible();
    await expect(login.root.getByText(orgName)).toBeVisible();
    await guard.expectAppOrigin();
  });

  await test.step('And the backend sees the creator as an active member of it', async () => {
    const members = await membersWithEmail(request, organizationId, email);
    expect(members.map((m) => m.status)).toEqual(['active']);
  });
});
