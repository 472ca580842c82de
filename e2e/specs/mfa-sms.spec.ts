import type { APIRequestContext } from '@playwright/test';
import { unique } from '../support/backend.js';
import { expectNoAxeViolations } from '../support/axe.js';
import { primaryFactor, SESSION_COOKIES, sessionCookies } from '../support/code-login.js';
import { expect, test } from '../support/fixtures.js';
import { LoginCard } from '../support/login-card.js';
import { Mailbox } from '../support/mailbox.js';
import { addMember, createOrganizationWith } from '../support/organization-mail.js';
import { serverOrigin } from '../support/origins.js';

// A text message as the second factor of an organization that requires one of every member, through
// the login UI only with the app on another origin than the server; the codes are read from the
// server's dev SMS outbox (`/dev/sms.json`), as the dev mailbox serves the mails.

/** Waits up to 10 s for the `count`-th text to `to` (E.164) and returns its 6-digit code. */
async function textedCode(request: APIRequestContext, to: string, count: number): Promise<string> {
  for (let i = 0; i < 50; i++) {
    const res = await request.get(`${serverOrigin()}/dev/sms.json?to=${encodeURIComponent(to)}`);
    if (!res.ok()) throw new Error(`SMS outbox answered ${res.status()}`);
    const texts = ((await res.json()) as { to: string; body: string }[]).filter((t) => t.to === to);
    if (texts.length >= count) {
      // Newest first.
      const code = texts[0]!.body.match(/\b(\d{6})\b/)?.[1];
      if (!code) throw new Error(`no code in text: ${texts[0]!.body}`);
      return code;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no text #${count} to ${to} within 10 s`);
}

test('an organization requiring MFA: a member enrols a phone, then signs in with a texted code', async ({
  page,
  request,
  guard,
}) => {
  const orgName = `Texted ${unique('co')}`;
  const organization = await createOrganizationWith(request, {
    organization_name: orgName,
    organization_slug: unique('texted'),
    mfa_policy: 'REQUIRED_FOR_ALL',
  });
  const email = `${unique('mfa-sms')}@example.com`;
  await addMember(request, organization.organization_id, email);
  // London's range reserved for drama (020 7946 0000–0999): valid, and nobody's.
  const phone = `+44207946${String(Math.floor(Math.random() * 1000)).padStart(4, '0')}`;
  const login = new LoginCard(page);
  const mailbox = new Mailbox(request);
  const signIn = () => primaryFactor(login, mailbox, organization.organization_slug, email);

  await test.step('When a member first signs in, they choose a text message and give their number', async () => {
    await signIn();
    await expect(login.heading('Verify it is you')).toBeVisible();
    await expect(login.root.getByRole('button', { name: /^Authenticator app/ })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(login.root.getByRole('button', { name: /^Text message/ })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(login.heading('Add your mobile number')).toBeVisible();
    await expect(login.root.getByText(`We will text you a code each time you sign in to ${orgName}.`)).toBeVisible();
    const field = login.root.getByRole('textbox', { name: 'Mobile number' });
    await expect(field).toBeFocused();
    await expectNoAxeViolations(page, 'SMS number');
    await page.keyboard.type(phone);
    await page.keyboard.press('Enter');
  });

  await test.step('Then the texted code from the outbox signs them in; no session existed before', async () => {
    await expect(login.heading('Enter your verification code')).toBeVisible();
    await expect(login.root.getByText(/^We texted a 6-digit code to /)).toBeVisible();
    expect(await sessionCookies(page)).toEqual([]);
    const field = login.root.getByRole('textbox', { name: 'Verification code' });
    await expect(field).toBeFocused();
    await expectNoAxeViolations(page, 'SMS verification');
    await field.pressSequentially(await textedCode(request, phone, 1), { delay: 30 });
    await expect(login.heading('Signed in')).toBeVisible();
    await expect(login.root.getByText(`${email} in ${orgName}`)).toBeVisible();
    expect(await sessionCookies(page)).toEqual(SESSION_COOKIES);
  });

  await test.step('When they sign in again, a code is texted to the enrolled phone, and a wrong one is refused', async () => {
    await page.context().clearCookies();
    await signIn();
    await expect(login.heading('Enter your verification code')).toBeVisible();
    const code = await textedCode(request, phone, 2);
    const field = login.root.getByRole('textbox', { name: 'Verification code' });
    await expect(field).toBeFocused();
    guard.allow(/Failed to load resource: the server responded with a status of 4\d\d/);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    await field.pressSequentially(wrong, { delay: 30 });
    await expect(login.root.getByRole('alert')).toHaveText('That code is not right. Check it and try again.');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(await sessionCookies(page)).toEqual([]);
    await field.fill('');
    await field.pressSequentially(code, { delay: 30 });
    await expect(login.heading('Signed in')).toBeVisible();
    expect(await sessionCookies(page)).toEqual(SESSION_COOKIES);
    await guard.expectAppOrigin();
  });
});
