import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { expectNoAxeViolations } from '../support/axe.js';
import { unique } from '../support/backend.js';
import { SESSION_COOKIES, sessionCookies } from '../support/code-login.js';
import { expect, test } from '../support/fixtures.js';
import { LoginCard } from '../support/login-card.js';
import { Mailbox } from '../support/mailbox.js';
import { addMember, createOrganizationWith } from '../support/organization-mail.js';

// Passwords through the login UI only, with the app on another origin than the server: a new person
// sets a first password through discovery (the mail's link, the strength meter as they type), creates
// an organization, signs out and back in with the password, then resets it by email.

const PAGE = '/?products=emailMagicLinks,passwords';

/** Waits up to 10 s for the `count`-th mail to `to`; returns its subject and its reset link. */
async function resetMail(request: APIRequestContext, to: string, count: number) {
  const mailbox = new Mailbox(request);
  for (let i = 0; i < 50; i++) {
    const mails = await mailbox.list(to);
    if (mails.length >= count) {
      const newest = mails.sort((a, b) => b.sent_at.localeCompare(a.sent_at))[0]!;
      const link = newest.text.match(/https?:\/\/\S*stytch_redirect_type=reset_password\S*/)?.[0];
      if (!link) throw new Error(`no reset link in mail: ${newest.text}`);
      return { link, subject: newest.subject };
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no mail #${count} to ${to} within 10 s`);
}

/** From the email step, "Use a password" with `email` typed: the password screen. */
async function openPasswordScreen(page: Page, login: LoginCard, email: string): Promise<void> {
  await page.goto(PAGE);
  await login.expectEmailStep();
  await login.root.getByRole('textbox', { name: 'Work email' }).fill(email);
  await login.root.getByRole('button', { name: 'Use a password' }).click();
  await expect(login.heading('Enter your password')).toBeVisible();
  await expect(login.root.getByRole('textbox', { name: 'Work email' })).toHaveValue(email);
}

/** Asks for a reset link from the password screen and checks the words that do not tell who exists. */
async function forgotPassword(login: LoginCard): Promise<void> {
  await login.root.getByRole('button', { name: 'Forgot password?' }).click();
  await expect(login.heading('Check your email')).toBeVisible();
  // The same sentence whether or not the address has an account (docs/security.md AUTH-03).
  await expect(
    login.root.getByText('If an account is associated with that email, a reset link has been sent.'),
  ).toBeVisible();
}

/**
 * On the reset page, enters `password` and waits for the meter's verdict: key by key (`typed`), or at
 * once as a password manager fills it (`filled`: one input event; the key-by-key rating is shown once,
 * on the first reset page, and typing costs a round trip to the browser per key).
 */
async function typeNewPassword(
  login: LoginCard,
  password: string,
  verdict: string | RegExp,
  how: 'typed' | 'filled' = 'typed',
): Promise<void> {
  const field = login.root.getByLabel('New password', { exact: true });
  await field.fill('');
  if (how === 'typed') await field.pressSequentially(password, { delay: 20 });
  else await field.fill(password);
  await expect(login.root.locator('[part~="strength-feedback"]')).toContainText(verdict);
}

/**
 * The show/hide button after the focused password `field` (the sign-in and the new-password screens
 * share it, packages/elements/src/components/login/factors/password-field.ts): a toggle button (`aria-pressed`) that
 * switches the input between hidden and shown, by Enter, Space and a click, keeping the focus;
 * Shift+Tab then goes back to the field (WCAG 2.1.1, 2.4.3, 4.1.2).
 */
async function expectShowHideToggle(page: Page, login: LoginCard, field: Locator): Promise<void> {
  const toggle = login.root.getByRole('button', { name: 'Show password' });
  await page.keyboard.press('Tab');
  await expect(toggle).toBeFocused();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(field).toHaveAttribute('type', 'password');
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(field).toHaveAttribute('type', 'text');
  await expect(toggle).toBeFocused();
  await page.keyboard.press('Space');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(field).toHaveAttribute('type', 'password');
  await expect(toggle).toBeFocused();
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(field).toHaveAttribute('type', 'text');
  await toggle.click();
  await expect(field).toHaveAttribute('type', 'password');
  await page.keyboard.press('Shift+Tab');
  await expect(field).toBeFocused();
}

test('a new person sets a password through discovery, signs in with it, and resets it by email', async ({
  page,
  request,
  guard,
}) => {
  const email = `${unique('pw')}@example.com`;
  const orgName = `Passworded ${unique('co')}`;
  const first = 'violet tractor juggles seven lemons';
  const second = 'quiet harbour mosaic drifts uphill';
  const login = new LoginCard(page);

  await test.step('When a new person asks for a password, a "set a password" link is mailed', async () => {
    await openPasswordScreen(page, login, email);
    await forgotPassword(login);
    const { subject, link } = await resetMail(request, email, 1);
    expect(subject).toMatch(/password/i);
    expect(new URL(link).searchParams.get('stytch_token_type')).toBe('discovery');
    await page.goto(link);
  });

  await test.step('Then the reset page rates the password as it is typed, and refuses a weak one', async () => {
    await expect(login.heading('Choose a new password')).toBeVisible();
    await expect(login.root.getByRole('meter', { name: 'Password strength' })).toBeVisible();
    await typeNewPassword(login, 'password123', 'This password has appeared in a data breach. Choose another one.');
    await typeNewPassword(login, first, /Very strong\. This password can be used\./);
    await page.keyboard.press('Enter');
    await login.expectChooseOrganization();
    await expect(login.root.getByText("You're not a member of any organization yet.")).toBeVisible();
  });

  await test.step('When they create an organization, they are signed in to it', async () => {
    await login.openCreateOrganization();
    await login.nameField().fill(orgName);
    await login.slugField().fill(unique('pw'));
    await login.submitCreate();
    await expect(page.getByTestId('member-email')).toHaveText(email);
    await expect(page.getByTestId('organization-name')).toHaveText(orgName);
    expect(await sessionCookies(page)).toEqual(SESSION_COOKIES);
  });

  await test.step('After signing out, the password signs them in again', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await login.expectEmailStep();
    expect(await sessionCookies(page)).toEqual([]);
    await openPasswordScreen(page, login, email);
    await expect(login.root.getByLabel('Password', { exact: true })).toBeFocused();
    await page.keyboard.type(first);
    await page.keyboard.press('Enter');
    await login.expectChooseOrganization();
    await login.organizationButton(orgName).click();
    await expect(page.getByTestId('member-email')).toHaveText(email);
    await expect(page.getByTestId('organization-name')).toHaveText(orgName);
  });

  await test.step('When they forget it, the mailed link sets a new one, and the old one is refused', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await login.expectEmailStep();
    await openPasswordScreen(page, login, email);
    await forgotPassword(login);
    const { link } = await resetMail(request, email, 2);
    await page.goto(link);
    await expect(login.heading('Choose a new password')).toBeVisible();
    await typeNewPassword(login, second, /This password can be used\./, 'filled');
    await page.keyboard.press('Enter');
    await login.expectChooseOrganization();
    await login.organizationButton(orgName).click();
    await expect(page.getByTestId('organization-name')).toHaveText(orgName);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await openPasswordScreen(page, login, email);
    guard.allow(/Failed to load resource: the server responded with a status of 4\d\d/);
    await login.root.getByLabel('Password', { exact: true }).fill(first);
    await page.keyboard.press('Enter');
    await expect(login.root.getByRole('alert')).toHaveText(
      'That email and password do not match. Try again, or reset your password.',
    );
    expect(await sessionCookies(page)).toEqual([]);
    await guard.expectAppOrigin();
  });
});

test('script-tag page: a member resets their password on the organization’s page and is signed in to it', async ({
  page,
  request,
  guard,
}) => {
  const orgName = `Reset ${unique('co')}`;
  const organization = await createOrganizationWith(request, {
    organization_name: orgName,
    organization_slug: unique('reset'),
  });
  const email = `${unique('pw-member')}@example.com`;
  await addMember(request, organization.organization_id, email);
  const login = new LoginCard(page);

  await test.step('When a member asks for a reset on their organization’s page, its link leads back to this page', async () => {
    await page.goto(`/script-tag.html?org=${organization.organization_slug}&products=passwords`);
    await expect(login.heading('Sign in')).toBeVisible();
    await login.root.getByRole('button', { name: 'Use a password' }).click();
    await expect(login.heading('Enter your password')).toBeVisible();
    await login.root.getByRole('textbox', { name: 'Work email' }).fill(email);
    await expectNoAxeViolations(page, 'password');
    await forgotPassword(login);
    await expectNoAxeViolations(page, 'reset link sent');
    const { link } = await resetMail(request, email, 1);
    const url = new URL(link);
    expect(url.origin + url.pathname).toBe(`${new URL(page.url()).origin}/script-tag.html`);
    expect(url.searchParams.get('stytch_token_type')).toBe('multi_tenant_passwords');
    await page.goto(link);
  });

  await test.step('Then a new password, shown and hidden again by keyboard, signs them in to that organization', async () => {
    await expect(login.heading('Choose a new password')).toBeVisible();
    await typeNewPassword(login, 'amber kettle whistles past noon', /This password can be used\./, 'filled');
    await expectNoAxeViolations(page, 'new password with its strength meter');
    await expectShowHideToggle(page, login, login.root.getByLabel('New password', { exact: true }));
    await page.keyboard.press('Enter');
    await expect(login.heading('Signed in')).toBeVisible();
    await expect(login.root.getByText(`${email} in ${orgName}`)).toBeVisible();
    expect(await sessionCookies(page)).toEqual(SESSION_COOKIES);
    await guard.expectAppOrigin();
  });
});
