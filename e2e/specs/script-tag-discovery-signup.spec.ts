import { unique } from '../support/backend.js';
import { expect, test } from '../support/fixtures.js';
import { LoginCard } from '../support/login-card.js';
import { Mailbox } from '../support/mailbox.js';

test('a new person signs up through discovery on the script-tag page (no build step)', { tag: '@same-origin' }, async ({
  page,
  request,
  context,
  guard,
}) => {
  const email = `${unique('grace')}@example.com`;
  const orgName = `Hopper ${unique('labs')}`;
  const login = new LoginCard(page);
  const mailbox = new Mailbox(request);

  await test.step('When they open the plain HTML page and submit their email', async () => {
    await page.goto('/script-tag.html');
    expect(
      await page.evaluate(
        () => typeof (window as unknown as { OrgAuth?: { createB2BClient?: unknown } }).OrgAuth?.createB2BClient,
      ),
    ).toBe('function');
    await login.submitEmail(email);
  });

  await test.step('Then the emailed link leads back to the same page and authenticates', async () => {
    const link = await mailbox.discoveryLink(email);
    expect(new URL(link).pathname).toBe('/script-tag.html');
    await page.goto(link);
    await login.expectChooseOrganization();
    await expect(page).not.toHaveURL(/token=/);
  });

  await test.step('When they create an organization, they are signed in and it survives a reload', async () => {
    await login.openCreateOrganization();
    await login.nameField().fill(orgName);
    await login.submitCreate();
    await expect(login.heading(/signed in/i)).toBeVisible();
    await expect(login.root.getByText(email)).toBeVisible();
    await expect(login.root.getByText(orgName)).toBeVisible();
    expect((await context.cookies()).map((c) => c.name)).toContain('stytch_session');
    await guard.expectAppOrigin();
    await page.reload();
    await expect(login.root.getByText(orgName)).toBeVisible();
  });

  await test.step('When they sign out, the card asks for an email again, also after a reload', async () => {
    await login.root.getByRole('button', { name: /sign out/i }).click();
    await login.expectEmailStep();
    expect((await context.cookies()).map((c) => c.name)).not.toContain('stytch_session');
    await page.reload();
    await login.expectEmailStep();
  });
});
