import type { Page } from '@playwright/test';
import { unique } from '../support/backend.js';
import { expect, test } from '../support/fixtures.js';
import { LoginCard } from '../support/login-card.js';

// The prebuilt themes' colours as Chromium reports computed colours
// (packages/elements/src/theming/themes.ts and palette.ts).
const NEUTRAL = { primary: 'rgb(24, 24, 27)', onPrimary: 'rgb(250, 250, 250)', border: 'rgb(228, 228, 231)' };
const DARK_BACKGROUND = 'rgb(21, 23, 28)';

/** Counts the page's CSP violations (Trusted Types included) from before its first script runs. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective}: ${e.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

/** A computed style property of the first element matching `selector` inside `<orgauth-login>`. */
function computed(page: Page, selector: string, property: string): Promise<string> {
  return page
    .locator('orgauth-login')
    .locator(selector)
    .first()
    .evaluate((el, name) => getComputedStyle(el).getPropertyValue(name), property);
}

/** Elements with a `style` attribute inside the login's shadow root: a strict `style-src` forbids them. */
const styledNodes = (page: Page) =>
  page.evaluate(() => document.querySelector('orgauth-login')?.shadowRoot?.querySelectorAll('[style]').length ?? -1);

test('the script-tag page themes the login through appearance, under a strict CSP', async ({ page, guard }) => {
  const violations = await watchCsp(page);
  const login = new LoginCard(page);

  await test.step('Given ?theme=neutral, the login shows the neutral theme’s colours', async () => {
    await page.goto('/script-tag.html?theme=neutral');
    await login.expectEmailStep();
    expect(await computed(page, '[part~="submit-button"]', 'background-color')).toBe(NEUTRAL.primary);
    expect(await computed(page, '[part~="submit-button"]', 'color')).toBe(NEUTRAL.onPrimary);
    expect(await computed(page, '[part~="card"]', 'border-top-color')).toBe(NEUTRAL.border);
    expect(await computed(page, '[part~="card"]', 'font-family')).toContain('Inter');
  });

  await test.step('When the page sets variables, part styles and class names, they apply', async () => {
    await page.evaluate(() => {
      const el = document.querySelector('orgauth-login') as HTMLElement & { appearance: unknown };
      const themes = (window as unknown as { OrgAuth: { themes: Record<string, unknown> } }).OrgAuth.themes;
      el.appearance = {
        theme: themes.neutral,
        variables: { colorPrimary: '#7c3aed' },
        elements: { submitButton: 'demo-upper', card: { borderColor: 'rgb(1, 2, 3)' } },
        stylesheets: ['.demo-upper { text-transform: uppercase; }'],
      };
    });
    await expect.poll(() => computed(page, '[part~="submit-button"]', 'background-color')).toBe('rgb(124, 58, 237)');
    expect(await computed(page, '[part~="submit-button"]', 'text-transform')).toBe('uppercase');
    expect(await computed(page, '[part~="card"]', 'border-top-color')).toBe('rgb(1, 2, 3)');
  });

  await test.step('Then the themed login still works, with no style attribute and no CSP violation', async () => {
    await login.submitEmail(`${unique('theme')}@example.com`);
    expect(await computed(page, '[part~="card"]', 'border-top-color')).toBe('rgb(1, 2, 3)');
    expect(await styledNodes(page)).toBe(0);
    expect(await violations()).toEqual([]);
    await guard.expectAppOrigin();
  });
});

test('the React page themes the login through its appearance prop', async ({ page }) => {
  const violations = await watchCsp(page);

  await test.step('With ?theme=neutral the card takes the neutral colours', async () => {
    await page.goto('/?theme=neutral');
    await new LoginCard(page).expectEmailStep();
    expect(await computed(page, '[part~="submit-button"]', 'background-color')).toBe(NEUTRAL.primary);
    expect(await computed(page, '[part~="card"]', 'border-top-color')).toBe(NEUTRAL.border);
  });

  await test.step('With ?theme=dark it is dark, whatever the system prefers', async () => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('/?theme=dark');
    await new LoginCard(page).expectEmailStep();
    expect(await computed(page, '[part~="card"]', 'background-color')).toBe(DARK_BACKGROUND);
    expect(await computed(page, '[part~="card"]', 'color-scheme')).toBe('dark');
    expect(await styledNodes(page)).toBe(0);
    expect(await violations()).toEqual([]);
  });
});
