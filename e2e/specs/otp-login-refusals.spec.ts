import type { Locator } from '@playwright/test';
import { createOrganization, unique } from '../support/backend.js';
import { expireEmailOtps } from '../support/code-clock.js';
import { expectCodeStep, SESSION_COOKIES, sessionCookies } from '../support/code-login.js';
import { expect, test } from '../support/fixtures.js';
import { LoginCard } from '../support/login-card.js';
import { Mailbox } from '../support/mailbox.js';
import {
  addMember,
  createOrganizationWith,
  loginEvents,
  mailedCode,
  membersWithEmail,
  recordLoginEvents,
} from '../support/organization-mail.js';

// The refusals of the login's code step, through the UI only, with the app on another origin than
// the server: a wrong code says how many tries are left and the right one still works; an expired
// code says so, offers "Resend code" at once, and the new code signs in. Each refusal is a 4xx
// answer, which Chromium logs: the tests allow exactly that one line.

/** Another six-digit code than `code`. */
const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

test('React page: a wrong code says the tries left, then the right code joins the organization by its domain', async ({
  page,
  request,
  guard,
}) => {
  const domain = `${unique('otp-jit')}.test`;
  const orgName = `Domain ${unique('co')}`;
  const organization = await createOrganizationWith(request, {
    organization_name: orgName,
    organization_slug: unique('otp-domain'),
    email_jit_provisioning: 'RESTRICTED',
    email_allowed_domains: [domain],
  });
  const email = `${unique('newcomer')}@${domain}`;
  const login = new LoginCard(page);
  const mailbox = new Mailbox(request);
  let field: Locator = login.root;
  let code = '';
  let memberId = '';

  await test.step('Given they asked for a code on the organization’s page', async () => {
    await recordLoginEvents(page);
    await page.goto(`/?org=${organization.organization_slug}&products=emailOtp`);
    await expect(login.root.getByText(`Sign in to ${orgName} with your work email.`)).toBeVisible();
    await login.root.getByRole('button', { name: 'Continue with email' }).click();
    await login.root.getByRole('textbox', { name: 'Work email' }).fill(email);
    await login.root.getByRole('button', { name: 'Continue with email' }).click();
    field = await expectCodeStep(login, email);
    ({ code } = await mailedCode(mailbox, email));
    // The alert region exists, empty, before anything goes wrong, so its first message is announced.
    await expect(login.root.getByRole('alert')).toHaveText('');
  });

  await test.step('When they type a wrong code, the card says so with the tries left, and signs nobody in', async () => {
    guard.allow(
      /Failed to load resource: the server responded with a status of 404 .*\/sdk\/v1\/b2b\/otps\/email\/authenticate\)$/,
    );
    await field.fill(wrong(code));
    await expect(login.root.getByRole('alert')).toHaveText('That code is not right. 4 tries left for this code.');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(login.heading('Check your email')).toBeVisible();
    // Still the countdown, not "Resend code": this code still works.
    await expect(login.root.getByText(/^You can ask for a new code in \d+ seconds?\.$/)).toBeVisible();
    expect(await sessionCookies(page)).toEqual([]);
    // The send wrote the pending member (just-in-time by domain, as for a link); the wrong code left it pending.
    const members = await membersWithEmail(request, organization.organization_id, email);
    expect(members.map((m) => m.status)).toEqual(['pending']);
    memberId = members[0]!.member_id;
  });

  await test.step('Then the right code signs them in, and the member the domain admitted is active', async () => {
    await field.fill(code);
    await expect(page.getByTestId('member-email')).toHaveText(email);
    await expect(page.getByTestId('organization-name')).toHaveText(orgName);
    expect(await sessionCookies(page)).toEqual(SESSION_COOKIES);
    expect(await loginEvents(page)).toEqual({
      steps: ['email', 'email-sent', 'signed-in'],
      sessions: [{ email, organization: orgName }],
    });
    const members = await membersWithEmail(request, organization.organization_id, email);
    expect(members.map((m) => [m.member_id, m.status])).toEqual([[memberId, 'active']]);
    await guard.expectAppOrigin();
  });
});

test('script-tag page: an expired discovery code says so and offers a new one, which signs in', async ({
  page,
  request,
  guard,
}) => {
  const orgName = `Later ${unique('co')}`;
  const organization = await createOrganization(request, orgName, unique('later'));
  const email = `${unique('late')}@example.com`;
  await addMember(request, organization.organization_id, email);
  const login = new LoginCard(page);
  const mailbox = new Mailbox(request);
  let field: Locator = login.root;
  let code = '';

  await test.step('Given a code was sent, and its ten minutes have passed on the server', async () => {
    await recordLoginEvents(page);
    await page.goto('/script-tag.html?products=emailOtp');
    await login.expectEmailStep();
    await expect(login.root.getByText('Enter your work email. We will send you a code to sign in.')).toBeVisible();
    await login.root.getByRole('textbox', { name: 'Work email' }).fill(email);
    await login.root.getByRole('button', { name: 'Continue with email' }).click();
    field = await expectCodeStep(login, email);
    ({ code } = await mailedCode(mailbox, email));
    expect(expireEmailOtps(email)).toBe(1);
  });

  await test.step('When they type it, the card says it expired and offers "Resend code" at once', async () => {
    guard.allow(
      /Failed to load resource: the server responded with a status of 401 .*\/sdk\/v1\/b2b\/otps\/email\/discovery\/authenticate\)$/,
    );
    await field.pressSequentially(code, { delay: 30 });
    await expect(login.root.getByRole('alert')).toHaveText('This code has expired. Request a new one.');
    await expect(login.root.getByText(/You can ask for a new code in/)).toHaveCount(0);
    await expect(login.root.getByRole('button', { name: 'Resend code' })).toBeVisible();
    expect(await sessionCookies(page)).toEqual([]);
  });

  await test.step('Then "Resend code" mails a new code, and typing it leads through the chooser into the organization', async () => {
    await login.root.getByRole('button', { name: 'Resend code' }).click();
    await expect(
      login.root.getByRole('status').filter({ hasText: 'We sent a new code. Use the latest email.' }),
    ).toBeVisible();
    await expect(login.root.getByText('This code has expired. Request a new one.')).toHaveCount(0);
    await expect(field).toHaveValue('');
    await expect(login.root.getByText(/^You can ask for a new code in \d+ seconds?\.$/)).toBeVisible();
    const fresh = await mailedCode(mailbox, email, 2);
    await field.pressSequentially(fresh.code, { delay: 30 });
    await login.expectChooseOrganization();
    await login.organizationButton(orgName).click();
    await expect(login.heading('Signed in')).toBeVisible();
    await expect(login.root.getByText(`${email} in ${orgName}`)).toBeVisible();
    expect(await sessionCookies(page)).toEqual(SESSION_COOKIES);
    expect(await loginEvents(page)).toEqual({
      steps: ['email-sent', 'choose-organization', 'signed-in'],
      sessions: [{ email, organization: orgName }],
    });
    await guard.expectAppOrigin();
  });
});
