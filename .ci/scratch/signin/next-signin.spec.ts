import { expect, request, test } from '@playwright/test';

const serverUrl = `http://localhost:${process.env.ORGAUTH_SCRATCH_SERVER_PORT ?? 3402}`;

/** Waits (bounded) for the discovery link mailed to `to` in the server's dev mailbox. */
async function discoveryLink(to: string): Promise<string> {
  const api = await request.newContext({ baseURL: serverUrl });
  try {
    for (let i = 0; i < 50; i++) {
      const res = await api.get(`/dev/mailbox.json?to=${encodeURIComponent(to)}`);
      expect(res.ok()).toBe(true);
      const mail = ((await res.json()) as { to: string; text: string }[]).find((m) => m.to === to);
      const link = mail?.text.match(/https?:\/\/\S*stytch_token_type=discovery\S*/)?.[0];
      if (link) return link;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`no discovery mail to ${to} within 10 s`);
  } finally {
    await api.dispose();
  }
}

test('a new person signs up through discovery on a Next.js App Router page served from another origin', async ({
  page,
  context,
  baseURL,
}) => {
  const email = `next-${Date.now()}@example.com`;
  const orgName = `Next Co ${Date.now()}`;
  const login = page.locator('orgauth-login');
  // Server rendering, the element's upgrade before hydration, and hydration itself must all be
  // silent: any uncaught exception or console error (React's #418 among them) fails the sign-in.
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });

  await test.step('The server-rendered page shows the login card and sends a discovery email', async () => {
    await page.goto('/');
    await expect(login.getByRole('heading', { name: /sign in or create an organization/i })).toBeVisible();
    await login.getByRole('textbox', { name: /email/i }).fill(email);
    await login.getByRole('button', { name: /continue with email/i }).click();
    await expect(login.getByRole('heading', { name: /check your email/i })).toBeVisible();
  });

  await test.step('The link returns to the Next.js origin, and creating an organization signs them in', async () => {
    const link = await discoveryLink(email);
    expect(new URL(link).origin).toBe(new URL(baseURL!).origin);
    await page.goto(link);
    await expect(login.getByRole('heading', { name: /choose an organization/i })).toBeVisible();
    await login.getByRole('button', { name: /create an organization/i }).click();
    await login.getByRole('textbox', { name: /name/i }).first().fill(orgName);
    await login
      .getByRole('button', { name: /^create/i })
      .last()
      .click();
    await expect(page.getByTestId('member-email')).toHaveText(email);
    await expect(page.getByTestId('organization-name')).toHaveText(orgName);
  });

  await test.step('The session cookies live on the app origin and survive a reload', async () => {
    const names = (await context.cookies(baseURL!)).map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['stytch_session', 'stytch_session_jwt']));
    await page.reload();
    await expect(page.getByTestId('member-email')).toHaveText(email);
  });

  expect(problems).toEqual([]);
});
