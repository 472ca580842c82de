import type { Page } from '@playwright/test';
import { unique } from '../support/backend.js';
import { expect, test, type PageGuard } from '../support/fixtures.js';
import { LoginCard } from '../support/login-card.js';
import { Mailbox } from '../support/mailbox.js';
import {
  createOrganizationWith,
  getMember,
  inviteByEmail,
  organizationLink,
  recordLoginEvents,
  loginEvents,
} from '../support/organization-mail.js';

// An admin's backend invites a colleague (secret auth, no PKCE: the invitee opens the link in any
// browser); the colleague follows the mailed link to the app, on another origin than the server.

const SESSION_COOKIES = ['stytch_session', 'stytch_session_jwt'];

/**
 * A used invite: words saying so, no session, and "Sign in with email instead" back to the email step. The authenticate
 * call answers 4xx, which Chromium logs.
 */
async function expectUsedInviteRefused(page: Page, guard: PageGuard, login: LoginCard, link: string) {
  guard.allow(
    /Failed to load resource: the server responded with a status of 4\d\d .*\/sdk\/v1\/b2b\/magic_links\/authenticate\)$/,
  );
  await page.goto(link);
  await expect(login.heading('Something went wrong')).toBeVisible();
  await expect(login.root.getByRole('alert')).toHaveText(
    'This invite or sign-in link has expired or was already used. Sign in with your email instead.',
  );
  await expect(page).not.toHaveURL(/token=/);
  expect((await page.context().cookies()).filter((c) => SESSION_COOKIES.includes(c.name))).toEqual([]);
  expect(await loginEvents(page)).toEqual({ steps: ['authenticating', 'error'], sessions: [] });
  // The only way on is the one the words name: no "Start over" beside it.
  await expect(login.root.getByRole('button')).toHaveText(['Sign in with email instead']);
  await login.root.getByRole('button', { name: 'Sign in with email instead' }).click();
  await login.expectEmailStep();
  await expect(login.root.getByRole('textbox', { name: 'Work email' })).toBeVisible();
}

for (const { name, path, tag, signedIn } of [
  {
    name: 'React page',
    path: '/',
    tag: ['@same-origin'],
    signedIn: async (page: Page, email: string, orgName: string) => {
      await expect(page.getByTestId('member-email')).toHaveText(email);
      await expect(page.getByTestId('organization-name')).toHaveText(orgName);
    },
  },
  {
    name: 'script-tag page',
    path: '/script-tag.html',
    tag: [],
    signedIn: async (page: Page, email: string, orgName: string) => {
      const login = new LoginCard(page);
      await expect(login.heading(/signed in/i)).toBeVisible();
      await expect(login.root.getByText(email)).toBeVisible();
      await expect(login.root.getByText(orgName)).toBeVisible();
    },
  },
]) {
  test(`${name}: an invited colleague follows the mailed link into the organization; the used link is refused`, {
    tag,
  }, async ({ page, request, context, guard, origins }) => {
    const email = `${unique('invitee')}@example.com`;
    const orgName = `Invites ${unique('co')}`;
    const login = new LoginCard(page);
    const mailbox = new Mailbox(request);
    const organization = await createOrganizationWith(request, {
      organization_name: orgName,
      organization_slug: unique('invites'),
    });
    let link = '';
    let memberId = '';

    await test.step('Given an admin invites them through the backend API, the member is invited', async () => {
      const member = await inviteByEmail(request, organization.organization_id, email, `${origins.app}${path}`);
      expect(member.status).toBe('invited');
      memberId = member.member_id;
      const mail = await organizationLink(mailbox, email);
      expect(mail.subject).toBe(`You are invited to ${orgName}`);
      link = mail.link;
      expect(new URL(link).origin).toBe(origins.app);
      expect(new URL(link).pathname).toBe(path);
    });

    await test.step('When they open the link, they are signed in to the inviting organization', async () => {
      await recordLoginEvents(page);
      await page.goto(link);
      await signedIn(page, email, orgName);
      await expect(page).not.toHaveURL(/token=/);
      expect((await context.cookies()).filter((c) => SESSION_COOKIES.includes(c.name))).toHaveLength(2);
      await guard.expectAppOrigin();
    });

    await test.step('Then the login fired orgauth-session-created and the member is active', async () => {
      expect(await loginEvents(page)).toEqual({
        steps: ['authenticating', 'signed-in'],
        sessions: [{ email, organization: orgName }],
      });
      expect((await getMember(request, organization.organization_id, memberId)).status).toBe('active');
    });

    await test.step('When they sign out and open the same link again, it says so and signs nobody in', async () => {
      await page.getByRole('button', { name: /sign out/i }).click();
      await login.expectEmailStep();
      await expectUsedInviteRefused(page, guard, login, link);
      expect((await getMember(request, organization.organization_id, memberId)).status).toBe('active');
    });
  });
}
