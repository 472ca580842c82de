import { test as base, expect, type Page } from '@playwright/test';
import { serverOrigin } from './origins.js';

export { expect };

/** The two origins of the running project. */
export interface Origins {
  /** Where the pages are (the project's `baseURL`). */
  app: string;
  /** The OrgAuth server. */
  server: string;
  /** True in the `cross-origin` project. */
  crossOrigin: boolean;
}

/** An answer of the OrgAuth SDK API to the page. */
interface SdkAnswer {
  url: string;
  status: number;
  allowOrigin: string | undefined;
}

/**
 * Watches one page: console errors and uncaught exceptions (a CORS refusal shows up there, and
 * nowhere else), and the SDK API's answers with their `Access-Control-Allow-Origin`.
 */
export class PageGuard {
  readonly errors: string[] = [];
  readonly sdkAnswers: SdkAnswer[] = [];
  private readonly allowed: RegExp[] = [];

  constructor(
    private readonly page: Page,
    private readonly origins: Origins,
  ) {
    page.on('console', (message) => {
      if (message.type() === 'error') this.errors.push(`console: ${message.text()} (${message.location().url})`);
    });
    page.on('pageerror', (error) => this.errors.push(`uncaught: ${error.message}`));
    page.on('response', (response) => {
      const request = response.request();
      if (request.method() === 'OPTIONS' || !response.url().startsWith(`${origins.server}/sdk/v1/`)) return;
      this.sdkAnswers.push({
        url: response.url(),
        status: response.status(),
        allowOrigin: response.headers()['access-control-allow-origin'],
      });
    });
  }

  /**
   * Accepts console errors matching `pattern` in this test. Chromium logs every 4xx/5xx answer to a
   * fetch as "Failed to load resource: the server responded with a status of 4xx"; a test that
   * provokes one on purpose says which. A CORS refusal ("blocked by CORS policy", net::ERR_FAILED)
   * never matches such a pattern.
   */
  allow(pattern: RegExp): void {
    this.allowed.push(pattern);
  }

  /** Errors no `allow` accepted. */
  unexpected(): string[] {
    return this.errors.filter((error) => !this.allowed.some((pattern) => pattern.test(error)));
  }

  /**
   * The page is on the app origin; in the cross-origin project that is not the server's origin, the
   * page has talked to the SDK API across origins, and every answer was CORS-readable by the page.
   */
  async expectAppOrigin(): Promise<void> {
    expect(new URL(this.page.url()).origin).toBe(this.origins.app);
    if (!this.origins.crossOrigin) return;
    expect(this.origins.app).not.toBe(this.origins.server);
    expect(this.sdkAnswers.length, 'SDK calls from the page to the server origin').toBeGreaterThan(0);
    expect(this.sdkAnswers.filter((answer) => answer.allowOrigin !== this.origins.app)).toEqual([]);
  }
}

/**
 * `test` of the journeys: Playwright's, plus `origins` and an automatic `guard` that fails the
 * test on any console error it did not `allow`. Specs import `test` and `expect` from here.
 */
export const test = base.extend<{ origins: Origins; guard: PageGuard }>({
  origins: async ({ baseURL }, use) => {
    const app = new URL(baseURL ?? '').origin;
    const server = serverOrigin();
    await use({ app, server, crossOrigin: app !== server });
  },
  guard: [
    async ({ page, origins }, use) => {
      const guard = new PageGuard(page, origins);
      await use(guard);
      expect(guard.unexpected(), 'console errors and uncaught exceptions in the page').toEqual([]);
    },
    { auto: true },
  ],
});
