import { expect, type Locator, type Page } from '@playwright/test';
import type { LoginCard } from './login-card.js';
import type { Mailbox } from './mailbox.js';
import { mailedCode } from './organization-mail.js';

/** The cookies a signed-in page holds (set by the SDK on the app origin), sorted. */
export const SESSION_COOKIES = ['stytch_session', 'stytch_session_jwt'];

/**
 * Checks the login's code step for `email` just after a code was sent: the words, one focused field
 * labelled for people and marked for the browser's one-time-code autofill, and the resend countdown
 * instead of the resend button. Returns the field.
 */
export async function expectCodeStep(login: LoginCard, email: string): Promise<Locator> {
  await expect(login.heading('Check your email')).toBeVisible();
  await expect(login.root.getByText(`We sent a 6-digit code to ${email}`)).toBeVisible();
  const field = login.root.getByRole('textbox', { name: 'Code from the email' });
  await expect(field).toBeFocused();
  await expect(field).toHaveAttribute('autocomplete', 'one-time-code');
  await expect(field).toHaveAttribute('inputmode', 'numeric');
  await expect(login.root.getByText(/^You can ask for a new code in \d+ seconds?\.$/)).toBeVisible();
  await expect(login.root.getByRole('button', { name: 'Resend code' })).toHaveCount(0);
  return field;
}

/** The names of the session cookies the page's context holds, sorted. */
export async function sessionCookies(page: Page): Promise<string[]> {
  return (await page.context().cookies())
    .map((c) => c.name)
    .filter((name) => SESSION_COOKIES.includes(name))
    .sort();
}

/**
 * The primary factor on an organization's script-tag page (`organizationSlug`): "Continue with email",
 * `email`, then the mailed code typed into the code step. Leaves the login where the code leads: the
 * second-factor step of an organization that asks for one, else signed in.
 */
export async function primaryFactor(
  login: LoginCard,
  mailbox: Mailbox,
  organizationSlug: string,
  email: string,
): Promise<void> {
  const mails = (await mailbox.list(email)).length;
  await login.page.goto(`/script-tag.html?org=${organizationSlug}&products=emailOtp`);
  await expect(login.heading('Sign in')).toBeVisible();
  await login.root.getByRole('button', { name: 'Continue with email' }).click();
  await login.root.getByRole('textbox', { name: 'Work email' }).fill(email);
  await login.page.keyboard.press('Enter');
  const field = await expectCodeStep(login, email);
  const { code } = await mailedCode(mailbox, email, mails + 1);
  await field.pressSequentially(code, { delay: 30 });
}
