import type { Page } from '@playwright/test';

/**
 * Records every `securitypolicyviolation` event of the page's documents, from the first script on,
 * as `directive: blocked URI` lines (Trusted Types refusals are violations of
 * `require-trusted-types-for`, with `trusted-types-sink` as blocked URI). Chromium also logs them as
 * console errors, which the guard (fixtures.ts) fails on; this list says which directive refused
 * what. Read it with {@link cspViolations}.
 */
export async function watchCspViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective}: ${e.blockedURI}`));
  });
}

/** The violations recorded on the current page since it loaded. */
export function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
}
