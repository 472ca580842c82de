import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Hono } from 'hono';
import { etag, RETAINED_304_HEADERS } from 'hono/etag';
import { apiError } from '../lib/api-error.js';
import type { AppEnv } from './context.js';
import { bundleFileOf, SCRIPT_BUNDLE_FILES } from './bundle-files.js';
import { errorEnvelope } from './responses.js';

export { SCRIPT_BUNDLE_FILES } from './bundle-files.js';

type BundleFile = string;

/**
 * A fixed path, not a content-hashed one (the README's `<script src>`), so browsers revalidate hourly
 * with the ETag instead of keeping an old bundle across a server upgrade for long.
 */
const CACHE_CONTROL = 'public, max-age=3600';

/**
 * Where the bundles are looked for, first match wins: the built server's own folder (vite.config.ts
 * copies it into `dist/` at build time, so a published server carries the bundle it was built with;
 * this module sits in `dist/` or `dist/chunks/`), then the `@orgauth/elements` package (running from
 * source, where `packages/elements/dist` is the build output). Only file paths are resolved: no
 * elements code is loaded.
 */
export function defaultScriptBundleDirs(): string[] {
  const here = dirname(fileURLToPath(import.meta.url));
  const dirs = [here, dirname(here)];
  try {
    dirs.push(dirname(createRequire(import.meta.url).resolve('@orgauth/elements/orgauth.global.js')));
  } catch {
    // Not installed, or its dist/ not built: the routes answer 404 with what to do.
  }
  return dirs;
}

interface Loaded {
  body: Uint8Array<ArrayBuffer>;
  etag: string;
  mtimeMs: number;
  size: number;
}

/**
 * Reads `name` from the first of `dirs` holding it, kept in memory until the file changes (a rebuild
 * while running from source). `undefined` when no folder has it.
 */
function bundleReader(dirs: readonly string[]) {
  const cache = new Map<string, Loaded>();
  return async (name: BundleFile): Promise<Loaded | undefined> => {
    for (const dir of dirs) {
      const file = join(dir, bundleFileOf(name));
      const info = await stat(file).catch(() => undefined);
      if (info === undefined || !info.isFile()) continue;
      const cached = cache.get(file);
      if (cached !== undefined && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return cached;
      const body = new Uint8Array(await readFile(file));
      const loaded = {
        body,
        etag: `"${createHash('sha256').update(body).digest('base64url')}"`,
        mtimeMs: info.mtimeMs,
        size: info.size,
      };
      cache.set(file, loaded);
      return loaded;
    }
    return undefined;
  };
}

/**
 * `GET /orgauth.global.js`, `/orgauth-account.global.js`, the locale packs at `/orgauth-locales/<tag>.js`
 * and their `.map` files (HEAD too) on the root app, outside `/sdk`
 * and `/v1`: public caching with a strong ETag (304 on `If-None-Match`, through hono/etag),
 * `Cross-Origin-Resource-Policy: cross-origin` so pages with COEP can load it, and
 * `Access-Control-Allow-Origin: *` so `<script crossorigin integrity=…>` works (the file is public and
 * sent without credentials). 404 envelope when the bundle was not built.
 */
export function registerScriptBundleRoutes(app: Hono<AppEnv>, dirs: readonly string[]): void {
  const read = bundleReader(dirs);
  const cross = ['cross-origin-resource-policy', 'access-control-allow-origin'];
  for (const name of Object.keys(SCRIPT_BUNDLE_FILES)) {
    app.use(`/${name}`, etag({ retainedHeaders: [...RETAINED_304_HEADERS, ...cross] }));
    app.get(`/${name}`, async (c) => {
      const loaded = await read(name);
      if (loaded === undefined) {
        const words = `${name} is not built. Run \`npm run build\` at the repository root (it builds @orgauth/elements before the server), or \`npm run build -w @orgauth/elements\`.`;
        return errorEnvelope(c, apiError('not_found', words));
      }
      return c.body(loaded.body, 200, {
        'Content-Type': SCRIPT_BUNDLE_FILES[name] as string,
        'Cache-Control': CACHE_CONTROL,
        ETag: loaded.etag,
        'Cross-Origin-Resource-Policy': 'cross-origin',
        'Access-Control-Allow-Origin': '*',
      });
    });
  }
}
