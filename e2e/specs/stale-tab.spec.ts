import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from '../support/fixtures.js';
import { LoginCard } from '../support/login-card.js';
import { TestIdpPage } from '../support/test-idp.js';

// Two tabs of one browser share the session cookie. Tab A's start-up revalidation is held on the
// way to the real server (delayed, not mocked) while tab B signs in as someone else; when A's answer
// finally lands it must not put the old member back, nor clear B's new session.

const AUTHENTICATE = '**/sdk/v1/b2b/sessions/authenticate';
const ADA = 'ada@demo-sso.test';
const GRACE = 'grace@demo-sso.test';

/** Signs `page` in through Demo SSO Co's SAML connection on the test IdP, as `person`. */
async function signInWithSaml(page: Page, person: 'Ada Lovelace' | 'Grace Hopper', email: string): Promise<void> {
  await page.goto('/?org=demo-sso');
  await new LoginCard(page).root.getByRole('button', { name: /continue with demo saml idp/i }).click();
  const idp = new TestIdpPage(page);
  await idp.expectFor('Demo SSO Co');
  await idp.choose(person);
  await expect(page.getByTestId('member-email')).toHaveText(email);
}

const sessionCookie = async (context: BrowserContext) =>
  (await context.cookies()).find((c) => c.name === 'stytch_session')?.value;

/**
 * Reloads tab A with its `sessions/authenticate` held at the network until `release()`; resolves once
 * the held request has left the page (with Ada's token).
 */
async function reloadWithHeldRevalidation(pageA: Page) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  await pageA.route(AUTHENTICATE, async (route) => {
    await gate;
    await route.continue();
  });
  const held = pageA.waitForRequest(AUTHENTICATE);
  await pageA.reload();
  await held;
  // Ada is shown from the cached state while her revalidation is out.
  await expect(pageA.getByTestId('member-email')).toHaveText(ADA);
  return {
    /** Lets the held request reach the server and waits until tab A has handled the answer. */
    async land(): Promise<number> {
      const answered = pageA.waitForResponse(AUTHENTICATE);
      release();
      const status = (await answered).status();
      // The answer is handled in a few tasks after it arrives; give an old client time to misapply it.
      await pageA.waitForTimeout(750);
      return status;
    },
  };
}

/** Both tabs and the cookie hold Grace's session, also after a reload of tab B. */
async function expectGraceEverywhere(
  context: BrowserContext,
  pageA: Page,
  pageB: Page,
  graceToken: string | undefined,
): Promise<void> {
  expect(graceToken).toBeTruthy();
  expect(await sessionCookie(context)).toBe(graceToken);
  await expect(pageA.getByTestId('member-email')).toHaveText(GRACE);
  await expect(pageB.getByTestId('member-email')).toHaveText(GRACE);
  const cached = await pageA.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => /^stytch_sdk_state_[^:]+$/.test(k));
    return key
      ? (JSON.parse(localStorage.getItem(key) ?? 'null') as { member?: { email_address?: string } } | null)?.member
          ?.email_address
      : undefined;
  });
  expect(cached).toBe(GRACE);
  await pageB.reload();
  await expect(pageB.getByTestId('member-email')).toHaveText(GRACE);
}

/** Ada signed in in tab A, a second tab B showing her too, and tab A reloading with its revalidation held. */
async function adaInTwoTabs(context: BrowserContext, pageA: Page) {
  await signInWithSaml(pageA, 'Ada Lovelace', ADA);
  const pageB = await context.newPage();
  await pageB.goto('/');
  await expect(pageB.getByTestId('member-email')).toHaveText(ADA);
  return { pageB, tabA: await reloadWithHeldRevalidation(pageA) };
}

test('a stale tab’s late revalidation does not bring back the member another tab replaced', async ({
  context,
  page: pageA,
}) => {
  const { pageB, tabA } = await adaInTwoTabs(context, pageA);

  await test.step('Tab B signs out while offline (Ada’s session stays valid on the server), then signs in as Grace', async () => {
    // Tab B is not watched by the guard (only the test's first page is): its aborted revoke may log.
    await pageB.route('**/sdk/v1/b2b/sessions/revoke', (route) => route.abort());
    await pageB.getByRole('button', { name: 'Sign out' }).click();
    await new LoginCard(pageB).expectEmailStep();
    await signInWithSaml(pageB, 'Grace Hopper', GRACE);
  });
  const graceToken = await sessionCookie(context);

  await test.step('Tab A’s answer for Ada lands: dropped, and both tabs and the cookie stay Grace', async () => {
    expect(await tabA.land()).toBe(200);
    await expectGraceEverywhere(context, pageA, pageB, graceToken);
  });
});

test('a stale tab’s late session_not_found does not clear the session another tab signed in', async ({
  context,
  page: pageA,
  guard,
}) => {
  const { pageB, tabA } = await adaInTwoTabs(context, pageA);

  await test.step('Tab B signs out (Ada’s session is revoked on the server), then signs in as Grace', async () => {
    await pageB.getByRole('button', { name: 'Sign out' }).click();
    await new LoginCard(pageB).expectEmailStep();
    await signInWithSaml(pageB, 'Grace Hopper', GRACE);
  });
  const graceToken = await sessionCookie(context);

  await test.step('Tab A’s answer is session_not_found for Ada: Grace’s cookies survive in both tabs', async () => {
    guard.allow(/status of 404/);
    expect(await tabA.land()).toBe(404);
    await expectGraceEverywhere(context, pageA, pageB, graceToken);
  });
});
