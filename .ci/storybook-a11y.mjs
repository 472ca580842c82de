#!/usr/bin/env node
// The stories' accessibility checks on the static Storybook build, in real Chromium: every story of
// stories/dist/index.json renders in iframe.html (viewMode=story, served by a local static server):
// its loaders, render and play, then @storybook/addon-a11y's own axe-core pass (the stories'
// `parameters.a11y`, `test: 'error'` in stories/.storybook/preview.ts). A story fails on an a11y
// violation, a play function that throws, or no result within the timeout.
// Each page opens one story by URL and then switches to the next the way Storybook's own UI does
// (`setCurrentStory` on the preview channel): loading the preview bundle again per story took
// about 1.5 s of the 2-4 s a story costs.
// Usage: node .ci/storybook-a11y.mjs   (after `npm run build-storybook`)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from './chromium.mjs';
import { preview } from 'vite';

/** Pages checked at once: the CI machine has two cores. */
const CONCURRENCY = 2;
const TIMEOUT_MS = 20_000;

/**
 * Records the preview's `storyFinished` event (status and reports: the a11y addon's axe result is
 * one) on `window.__orgauthFinished`, by catching the channel as the preview creates it.
 */
function watchStoryFinished() {
  let channel;
  Object.defineProperty(window, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set(value) {
      channel = value;
      channel.on('storyFinished', (event) => {
        window.__orgauthFinished = {
          storyId: event.storyId,
          status: event.status,
          reports: event.reporters.map((r) => ({
            type: r.type,
            status: r.status,
            error: r.result?.error ? String(r.result.error.message ?? r.result.error) : undefined,
            violations: (r.result?.violations ?? []).map((v) => ({
              id: v.id,
              impact: v.impact,
              help: v.help,
              targets: v.nodes.map((n) => n.target.join(' ')),
            })),
          })),
        };
      });
      for (const name of ['storyThrewException', 'playFunctionThrewException', 'storyErrored'])
        channel.on(name, (error) => {
          window.__orgauthErrors = [...(window.__orgauthErrors ?? []), `${name}: ${error?.message ?? error}`];
        });
    },
  });
}

/**
 * Shows `story` on `page` (by URL when `fresh`, else through the channel) and returns `{ id, title, ok,
 * problems }`.
 */
async function checkStory(page, base, story, fresh) {
  const problems = [];
  const onError = (error) => problems.push(`page error: ${error.message}`);
  page.on('pageerror', onError);
  try {
    if (fresh) await page.goto(`${base}iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story`);
    else
      await page.evaluate((storyId) => {
        window.__orgauthFinished = undefined;
        window.__orgauthErrors = [];
        window.__STORYBOOK_ADDONS_CHANNEL__.emit('setCurrentStory', { storyId, viewMode: 'story' });
      }, story.id);
    const handle = await page.waitForFunction((id) => window.__orgauthFinished?.storyId === id, story.id, {
      timeout: TIMEOUT_MS,
    });
    await handle.dispose();
    const finished = await page.evaluate(() => window.__orgauthFinished);
    const errors = await page.evaluate(() => window.__orgauthErrors ?? []);
    problems.push(...errors);
    const a11y = finished.reports.find((r) => r.type === 'a11y');
    if (!a11y) problems.push('no a11y result');
    else if (a11y.error) problems.push(`axe failed: ${a11y.error}`);
    for (const v of a11y?.violations ?? [])
      problems.push(`${v.impact ?? ''} ${v.id}: ${v.help} (${v.targets.slice(0, 3).join(', ')})`);
    if (finished.status !== 'success' && problems.length === 0) problems.push(`story finished with ${finished.status}`);
  } catch (error) {
    problems.push(error.message.split('\n')[0]);
  } finally {
    page.off('pageerror', onError);
  }
  return { id: story.id, title: `${story.title} › ${story.name}`, ok: problems.length === 0, problems };
}

/** Checks every story of the build in `dir`; resolves to one result per story. */
export async function checkStories(root, dir = join(root, 'stories/dist')) {
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'));
  const stories = Object.values(index.entries).filter((e) => e.type === 'story');
  // Vite's preview server: the static files as a browser gets them, on a free local port. Vite sets
  // NODE_ENV=production in this process as it starts; put it back, or every npm run after this step in
  // `npm test` (the packaging suite's installs) would leave out devDependencies.
  const nodeEnv = process.env.NODE_ENV;
  const server = await preview({
    configFile: false,
    logLevel: 'silent',
    root: dir,
    build: { outDir: dir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const base = server.resolvedUrls.local[0];
  const browser = await launchChromium();
  try {
    const context = await browser.newContext();
    await context.addInitScript(watchStoryFinished);
    const results = [];
    const queue = [...stories];
    const worker = async () => {
      const page = await context.newPage();
      let fresh = true;
      for (let story = queue.shift(); story; story = queue.shift()) {
        const result = await checkStory(page, base, story, fresh);
        results.push(result);
        // After a failure, the next story starts on a newly loaded page, so one cannot break the rest.
        fresh = !result.ok;
      }
      await page.close();
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    return results.sort((a, b) => a.id.localeCompare(b.id));
  } finally {
    await browser.close();
    await server.close();
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = performance.now();
  const results = await checkStories(new URL('..', import.meta.url).pathname);
  for (const r of results) {
    console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.title}`);
    for (const p of r.problems) console.log(`       ${p}`);
  }
  const failed = results.filter((r) => !r.ok).length;
  console.log(
    `${results.length - failed} passed, ${failed} failed in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  process.exit(failed === 0 ? 0 : 1);
}
