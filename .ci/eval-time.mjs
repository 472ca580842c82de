#!/usr/bin/env node
// Script evaluation time of the login's script-tag bundle in Chromium at 4x CPU throttle, beside a
// baseline built and measured in the same run (Lit alone, as an IIFE): absolute milliseconds drift
// between machines, the ratio does not, so a regression shows as a number. A report, never a check
// that fails on a figure.
// Usage: node .ci/eval-time.mjs [--runs 7] [--bundle other/orgauth.global.js]   (after
// `npm run build -w @orgauth/elements`; --bundle measures another build, e.g. an older commit's)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from './chromium.mjs';

const RATE = 4;

/** Builds Lit alone into one minified IIFE (the same bundler and settings as the login's) and returns it. */
async function buildLitBaseline(root) {
  const { build } = await import('vite');
  const dir = join(root, '.tmp', 'eval-time');
  mkdirSync(dir, { recursive: true });
  const entry = join(dir, 'lit-baseline.js');
  // What every Lit page evaluates: the element base class, the template and style tags, one element.
  writeFileSync(
    entry,
    "import { LitElement, css, html } from 'lit';\n" +
      'class LitBaseline extends LitElement { static styles = css`:host{display:block}`; render() { return html`<p>lit</p>`; } }\n' +
      "customElements.define('lit-baseline', LitBaseline);\nwindow.LitBaseline = LitBaseline;\n",
  );
  const nodeEnv = process.env.NODE_ENV; // vite's build() sets it; callers keep their own
  try {
    const out = await build({
      configFile: false,
      logLevel: 'silent',
      root: join(root, 'packages/elements'),
      resolve: { conditions: ['module', 'browser', 'production'] },
      define: { 'process.env.NODE_ENV': '"production"' },
      build: {
        write: false,
        minify: true,
        lib: { entry, formats: ['iife'], name: 'LitBaselineBundle', fileName: () => 'lit-baseline.js' },
      },
    });
    const chunk = [out].flat()[0].output.find((o) => o.type === 'chunk');
    return chunk.code;
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

/**
 * Milliseconds Chromium takes to parse, compile and run each of `codes` as a classic inline script on
 * one blank page at `RATE`x CPU throttle: a fresh context per call, and a unique comment so no compile
 * cache helps. The caller passes one script per page: a second one finds the first's work done (Lit
 * after the bundle ran 2-10x faster).
 */
async function evalOnPage(browser, codes, run) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.setContent('<!doctype html><html><head></head><body></body></html>');
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: RATE });
    return await page
      .evaluate(
        (sources) =>
          // The first script a page runs pays for setting up script execution (tens of ms at 4x, more
          // than Lit itself): a throwaway one takes that cost out of both measurements.
          ['void 0', ...sources].map((source) => {
            const script = document.createElement('script');
            script.textContent = source;
            const start = performance.now();
            document.head.append(script); // an inline classic script runs synchronously on insertion
            return performance.now() - start;
          }),
        codes.map((code) => `/* run ${run} */\n${code}`),
      )
      .then((ms) => ms.slice(1));
  } finally {
    await context.close();
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Measures the Lit baseline and the login bundle back to back, `runs` times each, a page each: the
 * medians of each, and the median of the per-pair ratios (a pair meets one moment's machine load).
 * @returns {Promise<{ runs: number, bundleMs: number, baselineMs: number, ratio: number, browser: string }>}
 */
export async function measureEvalTime(
  root,
  { runs = 11, file = join(root, 'packages/elements/dist/orgauth.global.js') } = {},
) {
  const bundle = readFileSync(file, 'utf8');
  const baseline = await buildLitBaseline(root);
  const browser = await launchChromium();
  try {
    await evalOnPage(browser, [baseline], -1); // warm the browser up; not counted
    const times = { bundle: [], baseline: [], ratio: [] };
    for (let i = 0; i < runs; i++) {
      // Each on a page of its own (one warms what the other then finds ready), back to back.
      const [l] = await evalOnPage(browser, [baseline], i);
      const [b] = await evalOnPage(browser, [bundle], i);
      times.bundle.push(b);
      times.baseline.push(l);
      times.ratio.push(b / l);
    }
    const bundleMs = median(times.bundle);
    const baselineMs = median(times.baseline);
    const ratio = median(times.ratio);
    return { runs, bundleMs, baselineMs, ratio, browser: `Chromium ${browser.version()}` };
  } finally {
    await browser.close();
  }
}

/** One line for the size report. */
export function formatEvalTime(r) {
  return `orgauth.global.js evaluation at ${RATE}x CPU throttle: ${r.bundleMs.toFixed(1)} ms, Lit alone ${r.baselineMs.toFixed(1)} ms, ratio ${r.ratio.toFixed(2)}x (medians of ${r.runs} pairs, ${r.browser})`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--runs');
  const runs = at >= 0 ? Number(args[at + 1]) : 11;
  const fileAt = args.indexOf('--bundle');
  const root = new URL('..', import.meta.url).pathname;
  const file = fileAt >= 0 ? args[fileAt + 1] : undefined;
  console.log(formatEvalTime(await measureEvalTime(root, { runs, ...(file ? { file } : {}) })));
}
