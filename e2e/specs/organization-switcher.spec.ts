import type { Page } from '@playwright/test';
import { unique } from '../support/backend.js';
import { expect, test } from '../support/fixtures.js';
import { LoginCard } from '../support/login-card.js';
import { Mailbox } from '../support/mailbox.js';
import { addMember, createOrganizationWith } from '../support/organization-mail.js';

// A member of two organizations signs in on the demo pages (under the app's strict CSP with Trusted
// Types: any violation is a console error, which fails the test) and switches with the keyboard
// alone; the switcher's panel stays in a 320 px viewport and flips above its button near the bottom.

const switcherButton = (page: Page) =>
  page.locator('orgauth-organization-switcher').getByRole('button', { name: /switch organization$/ });
const panel = (page: Page) => page.locator('orgauth-organization-switcher #panel');

for (const { name, path, tag } of [
  { name: 'React page', path: '/', tag: ['@same-origin'] },
  { name: 'script-tag page', path: '/script-tag.html', tag: [] },
]) {
  test(`${name}: a member of two organizations switches with the keyboard; the panel stays in view`, {
    tag,
  }, async ({ page, request, guard }) => {
    const email = `${unique('switcher')}@example.com`;
    const first = `Alpha ${unique('org')}`;
    const second = `Beta ${unique('org')}`;
    const login = new LoginCard(page);
    for (const organizationName of [first, second]) {
      const organization = await createOrganizationWith(request, {
        organization_name: organizationName,
        organization_slug: unique('switch'),
      });
      await addMember(request, organization.organization_id, email);
    }

    await test.step('Given they signed in to the first organization', async () => {
      await page.goto(path);
      await login.submitEmail(email);
      await page.goto(await new Mailbox(request).discoveryLink(email));
      await login.expectChooseOrganization();
      await login.organizationButton(first).click();
      await expect(switcherButton(page)).toHaveAccessibleName(`${first}, switch organization`);
    });

    await test.step('When they open the menu and choose the second with the keyboard, the page follows', async () => {
      await switcherButton(page).focus();
      await page.keyboard.press('Enter');
      const target = page.getByRole('menuitemradio', { name: new RegExp(second) });
      await expect(target).toBeVisible();
      await page.keyboard.press('ArrowDown');
      await expect(target).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(switcherButton(page)).toHaveAccessibleName(`${second}, switch organization`);
      await expect(switcherButton(page)).toBeFocused();
      if (path === '/') await expect(page.getByTestId('organization-name')).toHaveText(second);
      await guard.expectAppOrigin();
    });

    await test.step('At 320 px the open panel fits the viewport; Escape closes it', async () => {
      await page.setViewportSize({ width: 320, height: 640 });
      await page.keyboard.press('ArrowDown');
      await expect(panel(page)).toBeVisible();
      const box = (await panel(page).boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(320);
      expect(box.y + box.height).toBeLessThanOrEqual(640);
      await page.keyboard.press('Escape');
      await expect(panel(page)).toBeHidden();
      await expect(switcherButton(page)).toBeFocused();
    });

    await test.step('Near the bottom edge it opens above the button', async () => {
      // Room above the switcher, then scrolled so that its button sits at the bottom of the viewport.
      await page.evaluate(() => {
        document.querySelector<HTMLElement>('main')!.style.paddingBlockStart = '1500px';
        document.querySelector('orgauth-organization-switcher')!.scrollIntoView({ block: 'end' });
      });
      await page.keyboard.press('Enter');
      await expect(panel(page)).toBeVisible();
      const button = (await switcherButton(page).boundingBox())!;
      const box = (await panel(page).boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(button.y);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(await panel(page).getAttribute('data-placement')).toMatch(/^top/);
    });
  });
}
