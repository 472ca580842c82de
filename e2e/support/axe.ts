import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, type Page } from '@playwright/test';
import type { AxeResults, RunOptions } from 'axe-core';

/**
 * The WCAG 2.2 AA rules the elements' unit tests run (packages/elements/src/components/login/
 * login-a11y.test.ts), here in real Chromium: with layout, so colour contrast is checked too.
 */
const AXE_OPTIONS: RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
};

/** axe-core's minified build (half the size of `axe.source`), read once. */
let axeSource: string | undefined;

/**
 * Runs axe-core on the `<orgauth-login>` card as it is now, its open shadow root included, and fails
 * with one `rule: target markup` line per violation; `screen` names the screen in the failure.
 * axe-core is put into the page with `page.evaluate` (the DevTools protocol, so the page's strict
 * CSP needs no exception) and only when the document has none yet. Deque's `@axe-core/playwright`
 * re-sends the whole script on every call and finishes each run in a second page: on the shared
 * two-core CI machine that tripled the cost of a check (about 3 s against 1 s).
 */
export async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const { violations } = await page.evaluate(
    (options) =>
      (window as unknown as { axe: { run(c: unknown, o: RunOptions): Promise<AxeResults> } }).axe.run(
        { include: [['orgauth-login']] },
        options,
      ),
    AXE_OPTIONS,
  );
  const found = violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)} ${n.html}`));
  expect(found, `axe on the ${screen} screen`).toEqual([]);
}
