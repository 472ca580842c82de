import * as OTPAuth from 'otpauth';
import { unique } from '../support/backend.js';
import { expectCodeStep, SESSION_COOKIES, sessionCookies } from '../support/code-login.js';
import { expect, test } from '../support/fixtures.js';
import { LoginCard } from '../support/login-card.js';
import { Mailbox } from '../support/mailbox.js';
import { addMember, createOrganizationWith, mailedCode } from '../support/organization-mail.js';

// An organization that requires a second factor of every member (`mfa_policy: REQUIRED_FOR_ALL`),
// signed in to through the login UI only, with the app on another origin than the server: the first
// sign-in enrols an authenticator app (the code computed here from the key the screen shows, RFC
// 6238), the second asks for its code, and a recovery code works once.

/** RFC 6238's default time step, which the server and authenticator apps use. */
const TOTP_STEP = 30_000;

/** The current TOTP code of a base32 setup key as shown on screen (grouped in fours). */
function totpCode(shownKey: string): string {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(shownKey.replace(/\s+/g, '')) }).generate();
}

test('an organization requiring MFA: TOTP enrolment, then its code, then a recovery code once', async ({
  page,
  request,
  guard,
}) => {
  const orgName = `Guarded ${unique('co')}`;
  const organization = await createOrganizationWith(request, {
    organization_name: orgName,
    organization_slug: unique('guarded'),
    mfa_policy: 'REQUIRED_FOR_ALL',
  });
  const email = `${unique('mfa-totp')}@example.com`;
  await addMember(request, organization.organization_id, email);
  const login = new LoginCard(page);
  const mailbox = new Mailbox(request);
  let mails = 0;
  let recoveryCode = '';
  let key = '';
  let enrolledStep = 0;

  /** Signs in with an emailed code on the organization's page, up to the second step. */
  async function primaryFactor(): Promise<void> {
    await page.goto(`/script-tag.html?org=${organization.organization_slug}&products=emailOtp`);
    await expect(login.heading('Sign in')).toBeVisible();
    await login.root.getByRole('button', { name: 'Continue with email' }).click();
    await login.root.getByRole('textbox', { name: 'Work email' }).fill(email);
    await page.keyboard.press('Enter');
    const field = await expectCodeStep(login, email);
    mails += 1;
    const { code } = await mailedCode(mailbox, email, mails);
    await field.pressSequentially(code, { delay: 30 });
  }

  await test.step('When a member proves their email the first time, they are asked to set up an app', async () => {
    await primaryFactor();
    await expect(login.heading('Verify it is you')).toBeVisible();
    await expect(login.root.getByText(`${orgName} asks for a second step when you sign in. Choose one:`)).toBeVisible();
    // The first method has the focus: Enter picks the authenticator app.
    await expect(login.root.getByRole('button', { name: /^Authenticator app/ })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(login.heading('Set up your authenticator app')).toBeVisible();
    await expect(
      login.root.getByRole('img', { name: `QR code that adds ${orgName} to an authenticator app` }),
    ).toBeVisible();
    await expect(login.root.getByText('The code and key are shown only once.')).toBeVisible();
    // Not signed in yet: the primary factor alone gives an intermediate session, never a session.
    expect(await sessionCookies(page)).toEqual([]);
    key = (await login.root.getByRole('group', { name: 'Setup key' }).locator('code').textContent()) ?? '';
    expect(key.replace(/\s+/g, '')).toMatch(/^[A-Z2-7]{16,}$/);
  });

  await test.step('Then the code computed from the shown key enrols the app and shows ten recovery codes', async () => {
    const field = login.root.getByRole('textbox', { name: 'Code from your app' });
    await expect(field).toBeFocused();
    enrolledStep = Math.floor(Date.now() / TOTP_STEP);
    await field.pressSequentially(totpCode(key), { delay: 30 });
    await expect(login.heading('Save your recovery codes')).toBeVisible();
    const codes = login.root.getByRole('list', { name: 'Your recovery codes' }).getByRole('listitem');
    await expect(codes).toHaveCount(10);
    recoveryCode = ((await codes.first().textContent()) ?? '').trim();
    expect(recoveryCode).not.toBe('');
    await login.root.getByRole('button', { name: 'I saved my codes' }).click();
    await expect(login.heading('Signed in')).toBeVisible();
    await expect(login.root.getByText(`${email} in ${orgName}`)).toBeVisible();
    expect(await sessionCookies(page)).toEqual(SESSION_COOKIES);
    await guard.expectAppOrigin();
  });

  await test.step('When they sign in again, the login asks for the app’s code, which signs them in', async () => {
    await page.context().clearCookies();
    await primaryFactor();
    await expect(login.heading('Enter your verification code')).toBeVisible();
    await expect(
      login.root.getByText(`Open your authenticator app and enter the code it shows for ${orgName}.`),
    ).toBeVisible();
    expect(await sessionCookies(page)).toEqual([]);
    const field = login.root.getByRole('textbox', { name: 'Verification code' });
    await expect(field).toBeFocused();
    // A code is single-use within its window: if the enrolment's 30-second step is still the
    // current one, its code would be refused as already used, so wait for the next step.
    if (Math.floor(Date.now() / TOTP_STEP) === enrolledStep)
      await page.waitForTimeout(TOTP_STEP - (Date.now() % TOTP_STEP) + 500);
    await field.pressSequentially(totpCode(key), { delay: 30 });
    await expect(login.heading('Signed in')).toBeVisible();
    expect(await sessionCookies(page)).toEqual(SESSION_COOKIES);
  });

  await test.step('Then a saved recovery code signs them in once, and is refused the second time', async () => {
    for (const attempt of [1, 2]) {
      await page.context().clearCookies();
      await primaryFactor();
      await expect(login.heading('Enter your verification code')).toBeVisible();
      await login.root.getByRole('button', { name: 'Use a recovery code instead' }).click();
      await expect(login.heading('Use a recovery code')).toBeVisible();
      const field = login.root.getByRole('textbox', { name: 'Recovery code' });
      await expect(field).toBeFocused();
      await field.fill(recoveryCode);
      await page.keyboard.press('Enter');
      if (attempt === 1) {
        await expect(login.heading('Signed in')).toBeVisible();
        expect(await sessionCookies(page)).toEqual(SESSION_COOKIES);
      } else {
        guard.allow(/Failed to load resource: the server responded with a status of 4\d\d/);
        await expect(login.root.getByRole('alert')).toHaveText('That backup code is not right or was already used.');
        await expect(field).toHaveAttribute('aria-invalid', 'true');
        expect(await sessionCookies(page)).toEqual([]);
      }
    }
    await guard.expectAppOrigin();
  });
});
