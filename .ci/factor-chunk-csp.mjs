#!/usr/bin/env node
// The login's lazily loaded password and multi-factor screens under the strict CSP with Trusted Types
// that e2e/support/app-server.ts gives the demo pages (`script-src 'self'` and a nonce,
// `require-trusted-types-for 'script'; trusted-types lit-html`, `img-src 'self' data:`): a page loads
// orgauth.global.js, opens the password step ("Use a password"), which imports
// orgauth-login-factors.global.js, and saves a text file the way "Download as text" does (Blob and
// object URL). It fails on any CSP or Trusted Types violation, a missing screen, or no download.
// Usage: node .ci/factor-chunk-csp.mjs   (after `npm run build -w @orgauth/elements`)
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { launchChromium } from './chromium.mjs';

const FILES = ['orgauth.global.js', 'orgauth-login-factors.global.js'];

/** The demo pages' policy (e2e/support/app-server.ts `appCsp`), with the OrgAuth server on the same origin. */
const csp = (nonce) =>
  [
    "default-src 'none'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "object-src 'none'",
    "require-trusted-types-for 'script'",
    'trusted-types lit-html',
  ].join('; ');

const page = (nonce) => `<!doctype html><html lang="en"><head><title>Sign in</title></head><body>
<orgauth-login public-token="public-token-test-00000000-0000-4000-8000-000000000000" products="emailMagicLinks passwords"></orgauth-login>
<script nonce="${nonce}" src="/orgauth.global.js"></script></body></html>`;

/** Serves the page and the two bundles; every other path (the SDK's calls) answers 404. */
function serve(dist) {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/') {
      const nonce = randomBytes(16).toString('base64');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp(nonce) });
      res.end(page(nonce));
    } else if (FILES.includes(path.slice(1))) {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      res.end(readFileSync(join(dist, path.slice(1))));
    } else {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"status_code":404,"error_type":"not_found","error_message":"not here"}');
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Runs the check; resolves to a list of problems (empty when it passed). */
export async function checkFactorChunk(root) {
  const server = await serve(join(root, 'packages/elements/dist'));
  const browser = await launchChromium();
  const problems = [];
  try {
    const context = await browser.newContext({ acceptDownloads: true });
    const tab = await context.newPage();
    await tab.addInitScript(() => {
      window.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        window.cspViolations.push(`${e.violatedDirective}: ${e.blockedURI}`),
      );
    });
    tab.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await tab.goto(`http://127.0.0.1:${server.address().port}/`);
    const login = tab.locator('orgauth-login');
    await login.getByRole('button', { name: 'Use a password' }).click({ timeout: 10_000 });
    await login.locator('#password').waitFor({ timeout: 10_000 });
    const toggle = login.getByRole('button', { name: 'Show password' });
    if ((await toggle.getAttribute('aria-pressed')) !== 'false')
      problems.push('the show/hide toggle is not a pressed-state button');
    const download = tab.waitForEvent('download', { timeout: 10_000 });
    await tab.evaluate(() => window.OrgAuthLoginFactors.saveText('recovery-codes.txt', 'a1b2-c3d4\n'));
    const file = await download;
    if (file.suggestedFilename() !== 'recovery-codes.txt') problems.push(`download named ${file.suggestedFilename()}`);
    const text = readFileSync(await file.path(), 'utf8');
    if (text !== 'a1b2-c3d4\n') problems.push(`download holds ${JSON.stringify(text)}`);
    for (const v of await tab.evaluate(() => window.cspViolations)) problems.push(`CSP violation: ${v}`);
  } catch (error) {
    problems.push(error.message.split('\n')[0]);
    if (process.env.DEBUG_FACTOR_CHUNK) console.log(await browser.contexts()[0]?.pages()[0]?.content());
  } finally {
    await browser.close();
    server.close();
  }
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const problems = await checkFactorChunk(new URL('..', import.meta.url).pathname);
  for (const p of problems) console.log(`FAIL ${p}`);
  console.log(problems.length === 0 ? 'ok   factor screens chunk under a strict CSP with Trusted Types' : '');
  process.exit(problems.length === 0 ? 0 : 1);
}
