import type { Locator } from '@playwright/test';
import { createOrganization, unique } from '../support/backend.js';
import { expectCodeStep, SESSION_COOKIES, sessionCookies } from '../support/code-login.js';
import { expect, test } from '../support/fixtures.js';
import { LoginCard } from '../support/login-card.js';
import { Mailbox } from '../support/mailbox.js';
import {
  addMember,
  loginEvents,
  mailedCode,
  membersWithEmail,
  recordLoginEvents,
} from '../support/organization-mail.js';

// Signing in with an emailed one-time code through the login UI only, with the app on another
// origin than the server: discovery by code, then a new organization; an organization's own page
// (`?org=<slug>&products=emailOtp`). The refusals (wrong code, expired code) are in
// e2e/specs/otp-login-refusals.spec.ts.

test('React page: a new person proves their email by a pasted code, then creates an organization', async ({
  page,
  request,
  guard,
}) => {
  const email = `${unique('otp-disco')}@example.com`;
  const orgName = `Coded ${unique('co')}`;
  const login = new LoginCard(page);
  const mailbox = new Mailbox(request);
  let field: Locator = login.root;

  await test.step('When they pick "Email me a code" among both ways, the code step asks for six digits', async () => {
    await recordLoginEvents(page);
    await page.goto('/?products=emailOtp,emailMagicLinks,sso');
    await login.expectEmailStep();
    await expect(
      login.root.getByText('Enter your work email. We will send you a link or a code to sign in.'),
    ).toBeVisible();
    await expect(login.root.getByRole('button', { name: 'Email me a link' })).toBeVisible();
    await login.root.getByRole('textbox', { name: 'Work email' }).fill(email);
    await login.root.getByRole('button', { name: 'Email me a code' }).click();
    field = await expectCodeStep(login, email);
  });

  await test.step('Then the mail holds the code; pasting it as "123 456" submits it and shows the chooser', async () => {
    const { code, subject } = await mailedCode(mailbox, email);
    expect(subject).toBe(`${code} is your code to sign in to your organizations`);
    // A real paste from the system clipboard, with the space a mail client may copy along.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.evaluate((text) => navigator.clipboard.writeText(text), `${code.slice(0, 3)} ${code.slice(3)}`);
    await field.focus();
    await page.keyboard.press('ControlOrMeta+V');
    await login.expectChooseOrganization();
    await expect(login.root.getByText("You're not a member of any organization yet.")).toBeVisible();
  });

  await test.step('When they create an organization, they are signed in to it on the app origin', async () => {
    await login.openCreateOrganization();
    await login.nameField().fill(orgName);
    await login.slugField().fill(unique('coded'));
    await login.submitCreate();
    await expect(page.getByTestId('member-email')).toHaveText(email);
    await expect(page.getByTestId('organization-name')).toHaveText(orgName);
    expect(await sessionCookies(page)).toEqual(SESSION_COOKIES);
    expect(await loginEvents(page)).toEqual({
      steps: ['email-sent', 'choose-organization', 'create-organization', 'signed-in'],
      sessions: [{ email, organization: orgName }],
    });
    await guard.expectAppOrigin();
  });
});

test('script-tag page: a member signs in on the organization’s page by a typed code, with no chooser', async ({
  page,
  request,
  guard,
}) => {
  const orgName = `Typed ${unique('co')}`;
  const organization = await createOrganization(request, orgName, unique('typed'));
  const email = `${unique('otp-member')}@example.com`;
  const member = await addMember(request, organization.organization_id, email);
  // A member of another organization too: discovery would list both and ask which.
  await addMember(request, (await createOrganization(request, 'Elsewhere', unique('else'))).organization_id, email);
  const login = new LoginCard(page);
  const mailbox = new Mailbox(request);
  let field: Locator = login.root;

  await test.step('When they ask for a code on the organization’s page, the mail names the organization', async () => {
    await recordLoginEvents(page);
    await page.goto(`/script-tag.html?org=${organization.organization_slug}&products=emailOtp`);
    await expect(login.heading('Sign in')).toBeVisible();
    await expect(login.root.getByText(`Sign in to ${orgName} with your work email.`)).toBeVisible();
    await login.root.getByRole('button', { name: 'Continue with email' }).click();
    await expect(login.root.getByText('Enter your work email. We will send you a code to sign in.')).toBeVisible();
    await login.root.getByRole('textbox', { name: 'Work email' }).fill(email);
    await login.root.getByRole('button', { name: 'Continue with email' }).click();
    field = await expectCodeStep(login, email);
  });

  await test.step('Then typing the sixth digit signs them in to that organization, as the same member', async () => {
    const { code, subject } = await mailedCode(mailbox, email);
    expect(subject).toBe(`${code} is your code to sign in to ${orgName}`);
    await field.pressSequentially(code, { delay: 30 });
    await expect(login.heading('Signed in')).toBeVisible();
    await expect(login.root.getByText(`${email} in ${orgName}`)).toBeVisible();
    expect(await sessionCookies(page)).toEqual(SESSION_COOKIES);
    expect(await loginEvents(page)).toEqual({
      steps: ['email', 'email-sent', 'signed-in'],
      sessions: [{ email, organization: orgName }],
    });
    const members = await membersWithEmail(request, organization.organization_id, email);
    expect(members.map((m) => [m.member_id, m.status])).toEqual([[member.member_id, 'active']]);
    await guard.expectAppOrigin();
  });
});
