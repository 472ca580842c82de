import type { APIRequestContext, Page } from '@playwright/test';
import { unique } from '../support/backend.js';
import { expect, test } from '../support/fixtures.js';
import { LoginCard } from '../support/login-card.js';
import { Mailbox } from '../support/mailbox.js';
import {
  addMember,
  createOrganizationWith,
  membersWithEmail,
  organizationLink,
  recordLoginEvents,
  loginEvents,
} from '../support/organization-mail.js';

// An organization's own login page (`?org=<slug>`): "Continue with email" mails an organization link
// (`login_or_signup`, bound to this browser by PKCE), and following it signs straight in to that
// organization, with no chooser. The organization admits new people by email domain only
// (`email_jit_provisioning: RESTRICTED` + `email_allowed_domains`).

/** An organization that lets anyone at its own, unique email domain join by email. */
async function restrictedOrganization(request: APIRequestContext) {
  const domain = `${unique('jit')}.test`;
  const organization = await createOrganizationWith(request, {
    organization_name: `Domain ${unique('co')}`,
    organization_slug: unique('domain'),
    email_jit_provisioning: 'RESTRICTED',
    email_allowed_domains: [domain],
  });
  return { ...organization, domain };
}

/** From the organization's page: "Continue with email", the address, then "Check your email". */
async function sendFromOrganizationPage(page: Page, path: string, slug: string, orgName: string, email: string) {
  const login = new LoginCard(page);
  await page.goto(`${path}?org=${slug}`);
  await expect(login.heading('Sign in')).toBeVisible();
  await expect(login.root.getByText(orgName)).toBeVisible();
  await login.root.getByRole('button', { name: 'Continue with email' }).click();
  await login.root.getByRole('textbox', { name: /email/i }).fill(email);
  await login.root.getByRole('button', { name: 'Continue with email' }).click();
  await expect(login.heading('Check your email')).toBeVisible();
  await expect(login.root.getByText(email)).toBeVisible();
}

test('React page: an allowed domain joins the organization by email, then signs in again, never through the chooser', {
  tag: '@same-origin',
}, async ({ page, request, guard, origins }) => {
  const organization = await restrictedOrganization(request);
  const orgName = organization.organization_name;
  const email = `${unique('jo')}@${organization.domain}`;
  const login = new LoginCard(page);
  const mailbox = new Mailbox(request);
  // A member of another organization too: discovery would list both and ask which.
  const elsewhere = await createOrganizationWith(request, {
    organization_name: `Elsewhere ${unique('co')}`,
    organization_slug: unique('elsewhere'),
  });
  await addMember(request, elsewhere.organization_id, email);
  let memberId = '';

  await test.step('When they ask for a link on the organization page, a signup link to it arrives', async () => {
    await sendFromOrganizationPage(page, '/', organization.organization_slug, orgName, email);
    const mail = await organizationLink(mailbox, email);
    expect(mail.subject).toBe(`Join ${orgName}`);
    expect(new URL(mail.link).origin).toBe(origins.app);
    const members = await membersWithEmail(request, organization.organization_id, email);
    expect(members.map((m) => m.status)).toEqual(['pending']);
    memberId = members[0]!.member_id;
    await recordLoginEvents(page);
    await page.goto(mail.link);
  });

  await test.step('Then they are signed in to that organization directly, and the member is active', async () => {
    await expect(page.getByTestId('member-email')).toHaveText(email);
    await expect(page.getByTestId('organization-name')).toHaveText(orgName);
    await expect(page).not.toHaveURL(/token=/);
    // Straight from the link to the organization: the login never showed the chooser.
    expect(await loginEvents(page)).toEqual({
      steps: ['authenticating', 'signed-in'],
      sessions: [{ email, organization: orgName }],
    });
    const members = await membersWithEmail(request, organization.organization_id, email);
    expect(members.map((m) => [m.member_id, m.status])).toEqual([[memberId, 'active']]);
    await guard.expectAppOrigin();
  });

  await test.step('When they sign out and ask again, a login link signs the same member in', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await login.expectEmailStep();
    await sendFromOrganizationPage(page, '/', organization.organization_slug, orgName, email);
    const mail = await organizationLink(mailbox, email, 2);
    expect(mail.subject).toBe(`Sign in to ${orgName}`);
    await page.goto(mail.link);
    await expect(page.getByTestId('member-email')).toHaveText(email);
    await expect(page.getByTestId('organization-name')).toHaveText(orgName);
    await expect(page).not.toHaveURL(/token=/);
    const members = await membersWithEmail(request, organization.organization_id, email);
    expect(members.map((m) => [m.member_id, m.status])).toEqual([[memberId, 'active']]);
  });
});

test('script-tag page: an address outside the allowed domains gets no link and no member; an allowed one signs in', async ({
  page,
  request,
  guard,
}) => {
  const organization = await restrictedOrganization(request);
  const orgName = organization.organization_name;
  const login = new LoginCard(page);
  const mailbox = new Mailbox(request);
  const outsider = `${unique('outsider')}@elsewhere-${unique('x')}.test`;
  const insider = `${unique('insider')}@${organization.domain}`;

  await test.step('When an outsider asks for a link, the page answers as for anyone (no account enumeration)', async () => {
    await sendFromOrganizationPage(page, '/script-tag.html', organization.organization_slug, orgName, outsider);
    // The refusal in words comes from the organization's public rule, not from the person's account.
    await expect(login.root.locator('.admission')).toHaveText(
      `New people join ${orgName} only with an address at @${organization.domain}. Not a member yet? Ask an admin to invite you.`,
    );
  });

  await test.step('Then no mail was sent and no member was written', async () => {
    // The SDK answers only after the mail has left (packages/server/src/magic-links/sdk-routes.ts):
    // a mail, had one been sent, would be in the mailbox by now.
    expect(await mailbox.list(outsider)).toEqual([]);
    expect(await membersWithEmail(request, organization.organization_id, outsider)).toEqual([]);
  });

  await test.step('When someone at the allowed domain asks, the link signs them in to the organization', async () => {
    await sendFromOrganizationPage(page, '/script-tag.html', organization.organization_slug, orgName, insider);
    await expect(login.root.locator('.admission')).toHaveCount(0);
    const mail = await organizationLink(mailbox, insider);
    expect(new URL(mail.link).pathname).toBe('/script-tag.html');
    await recordLoginEvents(page);
    await page.goto(mail.link);
    await expect(login.heading(/signed in/i)).toBeVisible();
    await expect(login.root.getByText(insider)).toBeVisible();
    await expect(login.root.getByText(orgName)).toBeVisible();
    await expect(page).not.toHaveURL(/token=/);
    expect(await loginEvents(page)).toEqual({
      steps: ['authenticating', 'signed-in'],
      sessions: [{ email: insider, organization: orgName }],
    });
    expect((await membersWithEmail(request, organization.organization_id, insider)).map((m) => m.status)).toEqual([
      'active',
    ]);
    await guard.expectAppOrigin();
  });
});
