import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Stytch's own script-tag build of the headless B2B client (`window.stytch`), as installed. */
function stytchHeadlessBundle(): string {
  // The package exports no path to its IIFE build: go there from an exported entry
  // (dist/cjs/b2b/index.headless.cjs → dist/iife/b2b/index.headless.js).
  const cjsEntry = createRequire(import.meta.url).resolve('@stytch/vanilla-js/b2b/headless');
  return resolve(dirname(cjsEntry), '../../iife/b2b/index.headless.js');
}

/** What the app origin serves and how its pages find the OrgAuth server. */
export interface AppServerOptions {
  port: number;
  /** Replaces `__ORGAUTH_BASE_URL__` in pages: the OrgAuth server's origin. */
  baseUrl: string;
  /** Replaces `__ORGAUTH_PUBLIC_TOKEN__` in pages. */
  publicToken: string;
  /** The built demo (`packages/demo/dist`). */
  demoDir?: string;
}

/** A running app server. */
export interface AppServer {
  origin: string;
  close(): Promise<void>;
}

/**
 * The app's Content-Security-Policy: strict, with Trusted Types, as a security-minded customer
 * would set it. Scripts: the app's own files, the OrgAuth server's `orgauth.global.js`, and inline
 * scripts carrying this response's nonce; no `unsafe-inline`, no `unsafe-eval`; the SDK may talk
 * only to the OrgAuth server; Trusted Types allows only Lit's policy. Every violation is a console
 * error, which fails the journey (e2e/support/fixtures.ts).
 */
export function appCsp(nonce: string, serverOrigin: string): string {
  return [
    "default-src 'none'",
    `script-src 'self' ${serverOrigin} 'nonce-${nonce}'`,
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src ${serverOrigin}`,
    "base-uri 'none'",
    "object-src 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "require-trusted-types-for 'script'",
    'trusted-types lit-html',
  ].join('; ');
}

/**
 * The customer's app on its own origin: the built demo at `/` (React page, script-tag page, its
 * assets) and the Stytch browser SDK harness at `/stytch-sdk/`. Pages get the same placeholder
 * replacement as the server's `--demo` site (packages/server/src/cli/demo-site.ts), but with the
 * OrgAuth server's origin as base URL, so every SDK call crosses origins. Static files go through
 * `@hono/node-server`'s serveStatic (path traversal handled there); the pages are a fixed list.
 */
export async function startAppServer(options: AppServerOptions): Promise<AppServer> {
  const demoDir = options.demoDir ?? join(repoRoot, 'packages/demo/dist');
  const pages: Record<string, string> = {
    '/': join(demoDir, 'index.html'),
    '/index.html': join(demoDir, 'index.html'),
    '/script-tag.html': join(demoDir, 'script-tag.html'),
    '/stytch-sdk/': join(repoRoot, 'e2e/stytch-sdk/index.html'),
  };
  const noCache = { 'cache-control': 'no-cache' };
  const app = new Hono();
  app.get('/stytch-sdk/stytch-b2b-headless.js', async (c) =>
    c.body(await readFile(stytchHeadlessBundle()), 200, {
      ...noCache,
      'content-type': 'text/javascript; charset=utf-8',
    }),
  );
  app.get('*', async (c, next) => {
    const file = pages[c.req.path];
    if (file === undefined) return next();
    const nonce = randomBytes(16).toString('base64');
    const html = (await readFile(file, 'utf8'))
      .replaceAll('__ORGAUTH_PUBLIC_TOKEN__', options.publicToken)
      .replaceAll('__ORGAUTH_BASE_URL__', options.baseUrl)
      .replaceAll('<script', `<script nonce="${nonce}"`);
    return c.html(html, 200, { ...noCache, 'content-security-policy': appCsp(nonce, options.baseUrl) });
  });
  app.use('*', serveStatic({ root: demoDir }));

  const server = await new Promise<ServerType>((done, fail) => {
    const s = serve({ fetch: app.fetch, port: options.port, hostname: '127.0.0.1' }, () => done(s));
    s.once('error', fail);
  });
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `http://localhost:${port}`,
    close: () =>
      new Promise<void>((done) => {
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
        server.close(() => done());
      }),
  };
}
