import type { Page } from '@playwright/test';
import { unique } from '../support/backend.js';
import { expect, test } from '../support/fixtures.js';
import { LoginCard } from '../support/login-card.js';
import { Mailbox } from '../support/mailbox.js';

/** The login card's current step, language and direction. */
const card = (page: Page) =>
  page
    .locator('orgauth-login')
    .locator('[part~="card"]')
    .evaluate((el) => ({
      step: (el as HTMLElement).dataset.step,
      lang: el.getAttribute('lang'),
      direction: getComputedStyle(el).direction,
    }));

test('the script-tag page signs in in German: German words, a German mail, its link works', async ({
  page,
  request,
  guard,
}) => {
  const email = `${unique('lena')}@example.com`;
  const login = new LoginCard(page);
  const mailbox = new Mailbox(request);

  await test.step('Given ?locale=de, the page imports the pack from the OrgAuth server and speaks German', async () => {
    await page.goto('/script-tag.html?locale=de');
    await expect(login.heading('Anmelden oder Organisation erstellen')).toBeVisible();
    expect(await card(page)).toMatchObject({ step: 'email', lang: 'de', direction: 'ltr' });
  });

  await test.step('When they send themselves a link, the mail is in German too', async () => {
    await login.root.locator('input[type="email"]').fill(email);
    await login.root.locator('[part~="submit-button"]').click();
    await expect.poll(async () => (await card(page)).step).toBe('email-sent');
    const link = await mailbox.discoveryLink(email);
    const [mail] = await mailbox.list(email);
    expect(mail?.subject).toBe('Ihr Anmeldelink');
    expect(mail?.html).toContain('<html lang="de">');
    // The link leads back to the page itself; the demo picks its language from the URL again.
    await page.goto(`${link}&locale=de`);
    // The pack loads after the page's first render: wait for the step and the language both.
    await expect.poll(async () => card(page)).toMatchObject({ step: 'choose-organization', lang: 'de' });
    await guard.expectAppOrigin();
  });
});
