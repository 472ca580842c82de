import { readFile } from 'node:fs/promises';
import * as OTPAuth from 'otpauth';
import { expectNoAxeViolations } from '../support/axe.js';
import { unique } from '../support/backend.js';
import { primaryFactor, SESSION_COOKIES, sessionCookies } from '../support/code-login.js';
import { cspViolations, watchCspViolations } from '../support/csp-watch.js';
import { expect, test } from '../support/fixtures.js';
import { LoginCard } from '../support/login-card.js';
import { Mailbox } from '../support/mailbox.js';
import { createOrganizationWith, importPassword } from '../support/organization-mail.js';

// An organization that requires a second factor of every member (`mfa_policy: REQUIRED_FOR_ALL`),
// signed in to through the login UI only on the script-tag page, with the app on another origin than
// the server and under its strict CSP with Trusted Types (e2e/support/app-server.ts): the first
// sign-in enrols an authenticator app (the code computed here from the key the screen shows, RFC
// 6238), a password sign-in then asks for its code, and a recovery code works once. axe checks each
// factor screen as it is reached.

/** RFC 6238's default time step, which the server and authenticator apps use. */
const TOTP_STEP = 30_000;

/** The TOTP code of a base32 setup key as shown on screen (grouped in fours), at `timestamp`. */
function totpCode(shownKey: string, timestamp = Date.now()): string {
  const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(shownKey.replace(/\s+/g, '')) });
  return totp.generate({ timestamp });
}

/** A six-digit code that is none of the key's codes from two steps back to two ahead. */
function wrongTotpCode(shownKey: string): string {
  const near = new Set([-2, -1, 0, 1, 2].map((k) => totpCode(shownKey, Date.now() + k * TOTP_STEP)));
  let code = 123456;
  while (near.has(String(code))) code += 1;
  return String(code);
}

test('an organization requiring MFA: TOTP enrolment, a password then its code, then a recovery code once', async ({
  page,
  request,
  guard,
  origins,
}) => {
  const orgName = `Guarded ${unique('co')}`;
  const organization = await createOrganizationWith(request, {
    organization_name: orgName,
    organization_slug: unique('guarded'),
    mfa_policy: 'REQUIRED_FOR_ALL',
  });
  const email = `${unique('mfa-totp')}@example.com`;
  const password = 'copper lantern orbits nine quiet moons';
  // The member, with a password brought from another system (as an import job would).
  await importPassword(request, organization.organization_id, email, password);
  const login = new LoginCard(page);
  const mailbox = new Mailbox(request);
  const signIn = () => primaryFactor(login, mailbox, organization.organization_slug, email);
  const factorChunks: { url: string; status: number }[] = [];
  page.on('response', (r) => {
    if (r.url().includes('orgauth-login-factors.global.js')) factorChunks.push({ url: r.url(), status: r.status() });
  });
  await watchCspViolations(page);
  let recoveryCode = '';
  let key = '';
  let enrolledStep = 0;

  await test.step('When a member proves their email the first time, they are asked to set up an app', async () => {
    await signIn();
    await expect(login.heading('Verify it is you')).toBeVisible();
    await expect(login.root.getByText(`${orgName} asks for a second step when you sign in. Choose one:`)).toBeVisible();
    // The first method has the focus: Enter picks the authenticator app.
    await expect(login.root.getByRole('button', { name: /^Authenticator app/ })).toBeFocused();
    await expectNoAxeViolations(page, 'MFA chooser');
    await page.keyboard.press('Enter');
    await expect(login.heading('Set up your authenticator app')).toBeVisible();
    await expect(
      login.root.getByRole('img', { name: `QR code that adds ${orgName} to an authenticator app` }),
    ).toBeVisible();
    await expect(login.root.getByText('The code and key are shown only once.')).toBeVisible();
    await expectNoAxeViolations(page, 'TOTP enrolment');
    // Not signed in yet: the primary factor alone gives an intermediate session, never a session.
    expect(await sessionCookies(page)).toEqual([]);
    key = (await login.root.getByRole('group', { name: 'Setup key' }).locator('code').textContent()) ?? '';
    expect(key.replace(/\s+/g, '')).toMatch(/^[A-Z2-7]{16,}$/);
  });

  await test.step('Then the code computed from the shown key enrols the app and shows ten recovery codes', async () => {
    const field = login.root.getByRole('textbox', { name: 'Code from your app' });
    await expect(field).toBeFocused();
    const at = Date.now();
    enrolledStep = Math.floor(at / TOTP_STEP);
    await field.pressSequentially(totpCode(key, at), { delay: 30 });
    await expect(login.heading('Save your recovery codes')).toBeVisible();
    const codes = login.root.getByRole('list', { name: 'Your recovery codes' }).getByRole('listitem');
    await expect(codes).toHaveCount(10);
    recoveryCode = ((await codes.first().textContent()) ?? '').trim();
    expect(recoveryCode).not.toBe('');
    await expectNoAxeViolations(page, 'recovery codes');
  });

  await test.step('The lazily loaded factor screens and the codes’ download work under the strict CSP', async () => {
    // docs/security.md XSS-03: no CSP or Trusted Types violation on the way, recorded one by one.
    // The screens came from the script-tag chunk beside orgauth.global.js on the server's origin
    // (packages/elements/src/components/login/factor-screens-loader.global.ts), imported across origins.
    expect(factorChunks).toEqual([{ url: `${origins.server}/orgauth-login-factors.global.js`, status: 200 }]);
    // "Download as text" saves a Blob through an object URL (factors/save-text.ts): no Trusted Types sink.
    const codes = (await login.root.getByRole('listitem').allTextContents()).map((c) => c.trim());
    const download = page.waitForEvent('download');
    await login.root.getByRole('button', { name: 'Download as text' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('recovery-codes.txt');
    expect(await readFile(await file.path(), 'utf8')).toBe(`Recovery codes for ${orgName}\n\n${codes.join('\n')}\n`);
    expect(await cspViolations(page)).toEqual([]);
    await login.root.getByRole('button', { name: 'I saved my codes' }).click();
    await expect(login.heading('Signed in')).toBeVisible();
    await expect(login.root.getByText(`${email} in ${orgName}`)).toBeVisible();
    expect(await sessionCookies(page)).toEqual(SESSION_COOKIES);
    await guard.expectAppOrigin();
  });

  await test.step('When they sign in with their password, the login asks for the app’s code; no session before it', async () => {
    await page.context().clearCookies();
    await page.goto(`/script-tag.html?org=${organization.organization_slug}&products=passwords`);
    await login.root.getByRole('button', { name: 'Use a password' }).click();
    await expect(login.heading('Enter your password')).toBeVisible();
    await login.root.getByRole('textbox', { name: 'Work email' }).fill(email);
    await login.root.getByLabel('Password', { exact: true }).fill(password);
    await page.keyboard.press('Enter');
    await expect(login.heading('Enter your verification code')).toBeVisible();
    await expect(
      login.root.getByText(`Open your authenticator app and enter the code it shows for ${orgName}.`),
    ).toBeVisible();
    // The password alone proved the primary factor: an intermediate session, no session cookie
    // (docs/security.md AUTH-15).
    expect(await sessionCookies(page)).toEqual([]);
    await expectNoAxeViolations(page, 'TOTP verification');
  });

  await test.step('Then a wrong code is refused in words, and the app’s code signs them in', async () => {
    const field = login.root.getByRole('textbox', { name: 'Verification code' });
    await expect(field).toBeFocused();
    guard.allow(/Failed to load resource: the server responded with a status of 4\d\d/);
    await field.pressSequentially(wrongTotpCode(key), { delay: 30 });
    await expect(login.root.getByRole('alert')).toHaveText('That code is not right. Check it and try again.');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(await sessionCookies(page)).toEqual([]);
    // A code is single-use within its step: while the enrolment's step is still the current one, type
    // the next step's code, as an app whose clock runs a little ahead shows (the server accepts one
    // step of drift, packages/server/src/mfa/totp.ts), instead of waiting up to 30 s.
    const now = Date.now();
    await field.fill('');
    await field.pressSequentially(totpCode(key, Math.floor(now / TOTP_STEP) > enrolledStep ? now : now + TOTP_STEP), {
      delay: 30,
    });
    await expect(login.heading('Signed in')).toBeVisible();
    expect(await sessionCookies(page)).toEqual(SESSION_COOKIES);
  });

  await test.step('Then a saved recovery code signs them in once, and is refused the second time', async () => {
    for (const attempt of [1, 2]) {
      await page.context().clearCookies();
      await signIn();
      await expect(login.heading('Enter your verification code')).toBeVisible();
      await login.root.getByRole('button', { name: 'Use a recovery code instead' }).click();
      await expect(login.heading('Use a recovery code')).toBeVisible();
      const field = login.root.getByRole('textbox', { name: 'Recovery code' });
      await expect(field).toBeFocused();
      if (attempt === 1) await expectNoAxeViolations(page, 'recovery code');
      await field.fill(recoveryCode);
      await page.keyboard.press('Enter');
      if (attempt === 1) {
        await expect(login.heading('Signed in')).toBeVisible();
        expect(await sessionCookies(page)).toEqual(SESSION_COOKIES);
      } else {
        await expect(login.root.getByRole('alert')).toHaveText('That backup code is not right or was already used.');
        await expect(field).toHaveAttribute('aria-invalid', 'true');
        expect(await sessionCookies(page)).toEqual([]);
      }
    }
    expect(await cspViolations(page)).toEqual([]);
    await guard.expectAppOrigin();
  });
});
