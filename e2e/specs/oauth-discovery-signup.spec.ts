import { unique } from '../support/backend.js';
import { sessionCookies } from '../support/code-login.js';
import { expect, test } from '../support/fixtures.js';
import { LoginCard } from '../support/login-card.js';
import { getMember } from '../support/organization-mail.js';
import { collectLoginSteps, continueWith, providerButton } from '../support/stand-in.js';

// Discovery through an OAuth provider in real Chromium, against the `--dev` stand-in for Google
// (packages/server/src/dev/oauth/): the app on its own origin starts the flow on the OrgAuth server,
// the stand-in's picker posts back to the server's callback, and the server sends the browser to the
// app with a `discovery_oauth` token that only this page's PKCE verifier redeems.

/** The member and organization ids the SDK cached for the signed-in page. */
function cachedSession(page: import('@playwright/test').Page) {
  return page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => /^stytch_sdk_state_[^:]+$/.test(k));
    const state = JSON.parse(localStorage.getItem(key ?? '') ?? 'null');
    return { memberId: state?.member?.member_id as string, organizationId: state?.organization?.organization_id };
  });
}

test('React page: "Continue with Google" signs a new person up into an organization they create', {
  tag: '@same-origin',
}, async ({ page, request, context, guard, origins }) => {
  // A consumer Google account (no Workspace `hd`): nobody's organization admits it by domain or tenant.
  const email = 'katherine.johnson@gmail.test';
  const orgName = `Johnson ${unique('labs')}`;
  const login = new LoginCard(page);
  let signedUp = { memberId: '', organizationId: '' };

  const steps = await collectLoginSteps(page);

  await test.step('When they open the demo, the provider buttons sit above the email form', async () => {
    await page.goto('/');
    await login.expectEmailStep();
    for (const provider of ['Google', 'Microsoft', 'GitHub'] as const)
      await expect(providerButton(login, provider)).toBeVisible();
  });

  await test.step('When they continue with Google and pick Katherine, they come back to the chooser', async () => {
    const google = await continueWith(login, 'Google');
    // The card said where it was going before the browser left the app.
    expect(steps.at(-1)).toBe('oauth-redirecting');
    await google.choose('Katherine Johnson');
    await login.expectChooseOrganization();
    expect(new URL(page.url()).origin).toBe(origins.app);
    await expect(page).not.toHaveURL(/token=|stytch_token_type/);
    await expect(login.organizationButton(orgName)).toHaveCount(0);
    expect(await sessionCookies(page)).toEqual([]);
  });

  await test.step('When they create an organization, they are signed in to it on the app origin', async () => {
    await login.openCreateOrganization();
    await login.nameField().fill(orgName);
    await login.submitCreate();
    await expect(page.getByTestId('member-email')).toHaveText(email);
    await expect(page.getByTestId('organization-name')).toHaveText(orgName);
    expect(await sessionCookies(page)).toEqual(['stytch_session', 'stytch_session_jwt']);
    const appCookies = (await context.cookies(origins.app)).map((c) => c.name);
    expect(appCookies).toEqual(expect.arrayContaining(['stytch_session', 'stytch_session_jwt']));
    await guard.expectAppOrigin();
    signedUp = await cachedSession(page);
    const member = await getMember(request, signedUp.organizationId, signedUp.memberId);
    expect(member.email_address).toBe(email);
    expect(member.status).toBe('active');
  });

  await test.step('When they sign out and continue with Google again, their organization is listed and signs them in', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await login.expectEmailStep();
    expect(await sessionCookies(page)).toEqual([]);
    const google = await continueWith(login, 'Google');
    await google.choose('Katherine Johnson');
    await login.expectChooseOrganization();
    await login.organizationButton(orgName).click();
    await expect(page.getByTestId('member-email')).toHaveText(email);
    await expect(page.getByTestId('organization-name')).toHaveText(orgName);
    expect(await sessionCookies(page)).toEqual(['stytch_session', 'stytch_session_jwt']);
    expect(await cachedSession(page)).toEqual(signedUp);
  });
});
