import type { B2BClient } from '@orgauth/core';
import type { Page } from '@playwright/test';
import { operator } from '../support/app-origin.js';
import { unique } from '../support/backend.js';
import { expect, PageGuard, test } from '../support/fixtures.js';
import { LoginCard } from '../support/login-card.js';
import { Mailbox } from '../support/mailbox.js';
import { organizationLink } from '../support/organization-mail.js';

// The creator of an organization (its `stytch_admin`) invites a colleague from the members panel on
// the demo pages; the colleague accepts from the dev mailbox in another browser and shows up active.
// The colleague holds only `stytch_member`: the panel offers them nothing, and the server refuses the
// same calls made directly with their session.

/** The members panel of a page. */
const panel = (page: Page) => page.locator('orgauth-organization-members');
/** A member's row in the panel, by email. */
const row = (page: Page, email: string) => panel(page).locator('tr[part~="row"]', { hasText: email });

/**
 * The signed-in member and organization, read from the client the panel uses: its own `client`
 * (the React wrapper sets it), else its `<orgauth-provider>`'s (the script-tag page).
 */
function signedInIds(page: Page): Promise<{ memberId: string; organizationId: string }> {
  return page.evaluate(() => {
    const client = ['orgauth-organization-members', 'orgauth-provider']
      .map((tag) => (document.querySelector(tag) as unknown as { client?: B2BClient } | null)?.client)
      .find(Boolean) as B2BClient;
    const state = client.store.getState();
    if (state.status !== 'signed-in') throw new Error(`not signed in: ${state.status}`);
    return { memberId: state.member.member_id, organizationId: state.organization.organization_id };
  });
}

/** What a refused call answered: the HTTP status and envelope, and the error the client threw. */
interface Refusal {
  status: number;
  envelope: Record<string, unknown>;
  thrown: { errorType?: string | undefined; statusCode?: number | undefined };
}

/** Calls the SDK API through the page's own client (as above; the colleague's session) and records the answer. */
async function refused(page: Page, path: string, call: 'invite' | 'delete', argument: string): Promise<Refusal> {
  const answer = page.waitForResponse((r) => r.url().endsWith(path) && r.request().method() !== 'OPTIONS');
  const thrown = await page.evaluate(
    async ({ call, argument }) => {
      const client = ['orgauth-organization-members', 'orgauth-provider']
        .map((tag) => (document.querySelector(tag) as unknown as { client?: B2BClient } | null)?.client)
        .find(Boolean) as B2BClient;
      try {
        if (call === 'invite') await client.magicLinks.email.invite({ email_address: argument });
        else await client.organization.members.delete(argument);
        return {};
      } catch (error) {
        const { errorType, statusCode } = error as { errorType?: string; statusCode?: number };
        return { errorType, statusCode };
      }
    },
    { call, argument },
  );
  const response = await answer;
  return { status: response.status(), envelope: await response.json(), thrown };
}

for (const { name, path, signedIn } of [
  {
    name: 'React page',
    path: '/',
    signedIn: async (page: Page, email: string) => {
      await expect(page.getByTestId('member-email')).toHaveText(email);
    },
  },
  {
    name: 'script-tag page',
    path: '/script-tag.html',
    signedIn: async (page: Page, email: string) => {
      const login = new LoginCard(page);
      await expect(login.heading(/signed in/i)).toBeVisible();
      await expect(login.root.getByText(email)).toBeVisible();
    },
  },
]) {
  test(`${name}: an admin invites a colleague from the members panel; the colleague may not manage members`, async ({
    page,
    browser,
    request,
    guard,
    origins,
  }) => {
    const adminEmail = `${unique('admin')}@example.com`;
    const colleagueEmail = `${unique('colleague')}@example.com`;
    const orgName = `Members ${unique('co')}`;
    const mailbox = new Mailbox(request);
    const login = new LoginCard(page);
    // The panel's invites carry no redirect URL: they lead to the project's default invite URL, which
    // the operator points at this page, as a customer points it at their app.
    await operator('redirect-urls', 'add', `${origins.app}${path}`, '--type', 'invite', '--default');

    await test.step('Given they created an organization through discovery, they are its admin', async () => {
      await page.goto(path);
      await login.submitEmail(adminEmail);
      await page.goto(await mailbox.discoveryLink(adminEmail));
      await login.expectChooseOrganization();
      await login.openCreateOrganization();
      await login.nameField().fill(orgName);
      await login.slugField().fill(unique('members'));
      await login.submitCreate();
      await signedIn(page, adminEmail);
      await expect(row(page, adminEmail).locator('[part~="roles-cell"]')).toHaveText('Admin');
      await expect(row(page, adminEmail).locator('[part~="status-badge"]')).toHaveText('Active');
    });

    await test.step('When they invite a colleague by email, the colleague is listed as invited', async () => {
      await panel(page).getByRole('button', { name: 'Invite member' }).click();
      await panel(page).getByRole('textbox', { name: 'Email address' }).fill(colleagueEmail);
      await panel(page).getByRole('button', { name: 'Send invite' }).click();
      await expect(panel(page).getByRole('status')).toHaveText(`Invitation sent to ${colleagueEmail}.`);
      await expect(row(page, colleagueEmail).locator('[part~="status-badge"]')).toHaveText('Invited');
      await guard.expectAppOrigin();
    });

    const colleagueContext = await browser.newContext();
    const colleague = await colleagueContext.newPage();
    const colleagueGuard = new PageGuard(colleague, origins);
    try {
      await test.step('When the colleague opens the mailed invite in their own browser, they are signed in', async () => {
        const mail = await organizationLink(mailbox, colleagueEmail);
        expect(mail.subject).toBe(`You are invited to ${orgName}`);
        expect(new URL(mail.link).origin).toBe(origins.app);
        expect(new URL(mail.link).pathname).toBe(path);
        await colleague.goto(mail.link);
        await signedIn(colleague, colleagueEmail);
        await expect(colleague).not.toHaveURL(/token=/);
      });

      await test.step("Then the admin's panel, read again, shows the colleague active", async () => {
        await page.reload();
        await expect(row(page, colleagueEmail).locator('[part~="status-badge"]')).toHaveText('Active');
        await expect(row(page, colleagueEmail).locator('[part~="roles-cell"]')).toHaveText('Member');
      });

      await test.step('The colleague, a member, is offered no way to invite or remove anyone', async () => {
        await expect(panel(colleague).getByText(/your role does not let you see the members/i)).toBeVisible();
        await expect(panel(colleague).getByRole('button')).toHaveCount(0);
        await expect(panel(colleague).locator('tr')).toHaveCount(0);
      });

      await test.step('The server refuses the same calls made directly with the colleague’s session', async () => {
        const admin = await signedInIds(page);
        const own = await signedInIds(colleague);
        expect(own.organizationId).toBe(admin.organizationId);
        // Refusals are 403 answers, which Chromium logs.
        colleagueGuard.allow(
          /Failed to load resource: the server responded with a status of 403 .*\/sdk\/v1\/b2b\/(magic_links\/email\/invite|organizations\/members\/[\w-]+)\)$/,
        );
        const invite = await refused(
          colleague,
          '/sdk/v1/b2b/magic_links/email/invite',
          'invite',
          `${unique('x')}@example.com`,
        );
        const remove = await refused(
          colleague,
          `/sdk/v1/b2b/organizations/members/${admin.memberId}`,
          'delete',
          admin.memberId,
        );
        for (const answer of [invite, remove]) {
          expect(answer.status).toBe(403);
          expect(answer.envelope).toMatchObject({ status_code: 403, error_type: 'unauthorized_action' });
          expect(answer.envelope).toHaveProperty('request_id');
          expect(answer.envelope).toHaveProperty('error_message');
          expect(answer.thrown).toEqual({ errorType: 'unauthorized_action', statusCode: 403 });
        }
      });

      await test.step('And nothing changed: the admin still lists both, active, and no one else', async () => {
        await page.reload();
        await expect(row(page, adminEmail).locator('[part~="status-badge"]')).toHaveText('Active');
        await expect(row(page, colleagueEmail).locator('[part~="status-badge"]')).toHaveText('Active');
        await expect(panel(page).locator('tr[part~="row"]')).toHaveCount(2);
      });
      expect(colleagueGuard.unexpected(), 'console errors in the colleague’s page').toEqual([]);
    } finally {
      await colleagueContext.close();
    }
  });
}
