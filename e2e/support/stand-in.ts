import { expect, type Locator, type Page } from '@playwright/test';
import type { LoginCard } from './login-card.js';
import { serverOrigin } from './origins.js';

/** The providers the demo pages offer, as their buttons name them. */
export type DemoProvider = 'Google' | 'Microsoft' | 'GitHub';

/** The path segment of each provider under `/dev/oauth/` (`standInUrl` in packages/server/src/oauth/endpoints.ts). */
const SEGMENTS: Record<DemoProvider, string> = { Google: 'google', Microsoft: 'microsoft', GitHub: 'github' };

/** The tenants of the Microsoft stand-in (packages/server/src/dev/oauth/people.ts). */
export const MICROSOFT_TENANTS = {
  acme: '11111111-1111-4111-8111-111111111111',
  globex: '22222222-2222-4222-8222-222222222222',
} as const;

/** The organizations of the GitHub stand-in, by id. */
export const GITHUB_ORGS = { acmeCorp: '5001', globexInc: '5002' } as const;

/** The login card's "Continue with <provider>" button. */
export function providerButton(login: LoginCard, provider: DemoProvider): Locator {
  return login.root.getByRole('button', { name: `Continue with ${provider}`, exact: true });
}

/**
 * The `--dev` server's stand-in for one provider (packages/server/src/dev/oauth/picker.ts): a page
 * on the OrgAuth server's origin, under `/dev/oauth/<provider>/` (the provider's real URL moved
 * there), with one button per catalogued person.
 */
export class StandInPage {
  constructor(
    readonly page: Page,
    readonly provider: DemoProvider,
  ) {}

  /** The browser left the app for this stand-in's sign-in page. */
  async expectShown(): Promise<void> {
    await expect(this.page.getByRole('heading', { name: `Sign in with ${this.provider}` })).toBeVisible();
    const url = new URL(this.page.url());
    expect(url.origin).toBe(serverOrigin());
    expect(url.pathname.startsWith(`/dev/oauth/${SEGMENTS[this.provider]}/`)).toBe(true);
  }

  /** Picks a catalogued person by full name ("Ada Lovelace"); the button also shows their claims. */
  async choose(fullName: string): Promise<void> {
    await this.page.getByRole('button', { name: new RegExp(`^${fullName}\\b`) }).click();
  }
}

/** Clicks "Continue with <provider>" on the card and waits for that provider's stand-in page. */
export async function continueWith(login: LoginCard, provider: DemoProvider): Promise<StandInPage> {
  await providerButton(login, provider).click();
  const standIn = new StandInPage(login.page, provider);
  await standIn.expectShown();
  return standIn;
}

/**
 * Collects the login's `orgauth-step-change` steps in the test process, across page loads: a step
 * shown just before the browser leaves for a provider (`oauth-redirecting`) is gone with that page,
 * so a record kept in the page (organization-mail.ts `recordLoginEvents`) cannot show it.
 */
export async function collectLoginSteps(page: Page): Promise<string[]> {
  const steps: string[] = [];
  await page.exposeFunction('__orgauthStepSeen', (step: string) => {
    steps.push(step);
  });
  await page.addInitScript(() => {
    document.addEventListener('orgauth-step-change', (event) => {
      const report = (window as unknown as { __orgauthStepSeen: (step: string) => void }).__orgauthStepSeen;
      report((event as CustomEvent<{ step: string }>).detail.step);
    });
  });
  return steps;
}
