import { readFile, readdir, realpath, stat } from 'node:fs/promises';
import { extname, join, relative, resolve, sep } from 'node:path';
import type { FetchHandler } from '../http/listen.js';
import { SCRIPT_BUNDLE_FILES } from '../http/script-bundle.js';
import type { OrgAuthServer } from '../server.js';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** A static demo site: a fetch handler that answers `undefined` for paths it does not serve. */
export type DemoSite = (request: Request) => Promise<Response | undefined>;

/** Paths that always belong to the API, never to the demo folder. */
const API_PREFIXES = ['/sdk/', '/v1/', '/dev/'];
/**
 * The script-tag bundle is the server's own (http/script-bundle.ts), even when the demo folder holds
 * a copy: `/orgauth.global.js` then has the same caching headers and source map with `--demo` as
 * without.
 */
const SERVER_PATHS = new Set(Object.keys(SCRIPT_BUNDLE_FILES).map((name) => `/${name}`));

/**
 * Serves `dir` at `/` (GET/HEAD). In `.html` files `__ORGAUTH_PUBLIC_TOKEN__` and
 * `__ORGAUTH_BASE_URL__` are replaced, so the demo pages need no build-time configuration.
 * Paths are resolved inside `dir` (after symlinks) so `..` cannot escape it.
 */
export async function createDemoSite(
  dir: string,
  replacements: { publicToken: string; baseUrl: string },
): Promise<DemoSite> {
  const root = await realpath(resolve(dir));
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
    const { pathname } = new URL(request.url);
    if (API_PREFIXES.some((p) => pathname.startsWith(p)) || SERVER_PATHS.has(pathname)) return undefined;
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return undefined;
    }
    let file = join(root, decoded.endsWith('/') ? `${decoded}index.html` : decoded);
    try {
      file = await realpath(file);
      if ((await stat(file)).isDirectory()) file = await realpath(join(file, 'index.html'));
    } catch {
      return undefined;
    }
    const rel = relative(root, file);
    if (rel.startsWith('..') || rel.includes(`..${sep}`)) return undefined;
    const ext = extname(file).toLowerCase();
    const headers = {
      'content-type': CONTENT_TYPES[ext] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    };
    if (ext === '.html') {
      const html = (await readFile(file, 'utf8'))
        .replaceAll('__ORGAUTH_PUBLIC_TOKEN__', replacements.publicToken)
        .replaceAll('__ORGAUTH_BASE_URL__', replacements.baseUrl);
      return new Response(request.method === 'HEAD' ? null : html, { headers });
    }
    return new Response(request.method === 'HEAD' ? null : await readFile(file), { headers });
  };
}

/** The CLI's handler with `--demo`: the demo folder first, the server for every path it does not serve. */
export function withDemoSite(site: DemoSite, server: FetchHandler): FetchHandler {
  return async (request, env) => (await site(request)) ?? server(request, env);
}

/**
 * Adds the demo's origins (`localhost` and `127.0.0.1` on `port`) to the project's authorized origins,
 * and `/` plus every top-level `.html` page on both hosts as redirect URLs of every type. Returns the
 * pages' `localhost` URLs, for the start-up banner.
 */
export async function allowDemoSite(server: OrgAuthServer, dir: string, port: number): Promise<string[]> {
  const pages = (await readdir(dir)).filter((name) => name.endsWith('.html'));
  for (const host of ['localhost', '127.0.0.1']) {
    const origin = `http://${host}:${port}`;
    await server.projects.addAuthorizedOrigin(origin);
    await server.projects.addRedirectUrl(`${origin}/`);
    for (const page of pages) await server.projects.addRedirectUrl(`${origin}/${page}`);
  }
  return pages.filter((page) => page !== 'index.html').map((page) => `http://localhost:${port}/${page}`);
}
