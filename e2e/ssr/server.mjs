// The SSR fixture: the demo app (packages/demo/src/app.tsx) rendered on a Node server and hydrated
// in the browser, as a server-rendering framework does, talking to an OrgAuth server on another
// origin. It builds its two bundles with Vite (development mode, so React reports hydration
// problems in full), then serves them:
//
//   ORGAUTH_E2E_DATA_DIR=<the server's data dir> ORGAUTH_E2E_AUTH_URL=http://localhost:3100 \
//   ORGAUTH_E2E_SSR_PORT=3102 node e2e/ssr/server.mjs
//
// GET / renders the page (public token read from <data dir>/project.json on every request, so the
// fixture may start before the OrgAuth server has written it); /assets/* are the client bundle.
// The OrgAuth server must list this origin (`orgauth-server origins add http://localhost:<port>`).
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const out = resolve(root, '../../.tmp/ssr-fixture');
const port = Number(process.env.ORGAUTH_E2E_SSR_PORT ?? 3102);
const authUrl = process.env.ORGAUTH_E2E_AUTH_URL;
const dataDir = process.env.ORGAUTH_E2E_DATA_DIR;
if (!authUrl || !dataDir)
  throw new Error('Set ORGAUTH_E2E_AUTH_URL and ORGAUTH_E2E_DATA_DIR (see the top of e2e/ssr/server.mjs).');

// Workspace packages from their sources, as the repository's own configs resolve them. React's
// development build on both sides: it reports every hydration difference, where production React
// reports only some, and tersely.
const conditions = (platform) => ['@orgauth/source', 'module', platform, 'development|production'];
const shared = { root, configFile: false, logLevel: 'warn', mode: 'development' };
await build({
  ...shared,
  define: { 'process.env.NODE_ENV': JSON.stringify('development') },
  resolve: { conditions: conditions('browser') },
  build: { outDir: join(out, 'client'), emptyOutDir: true, minify: false, sourcemap: true },
});
await build({
  ...shared,
  ssr: {
    noExternal: [/^@orgauth\//],
    resolve: { conditions: conditions('node'), externalConditions: conditions('node') },
  },
  build: { ssr: 'entry-server.tsx', outDir: join(out, 'server'), emptyOutDir: true, minify: false },
});
// Read by react-dom/server when the bundle below imports it (Vite's build sets it to production).
process.env.NODE_ENV = 'development';
const { render } = await import(pathToFileURL(join(out, 'server', 'entry-server.js')).href);
const template = await readFile(join(out, 'client', 'index.html'), 'utf8');

const attribute = (value) => value.replace(/[&"<>]/g, (ch) => `&#${ch.charCodeAt(0)};`);
const TYPES = {
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.css': 'text/css; charset=utf-8',
};

async function page() {
  const { public_token: publicToken } = JSON.parse(await readFile(join(dataDir, 'project.json'), 'utf8'));
  return template
    .replace('__ORGAUTH_PUBLIC_TOKEN__', attribute(publicToken))
    .replace('__ORGAUTH_BASE_URL__', attribute(authUrl))
    .replace('<!--app-html-->', render({ publicToken, baseUrl: authUrl }));
}

createServer(async (req, res) => {
  try {
    const { pathname } = new URL(req.url ?? '/', 'http://fixture');
    if (pathname.startsWith('/assets/')) {
      const file = normalize(join(out, 'client', pathname));
      if (!file.startsWith(join(out, 'client', 'assets')))
        throw Object.assign(new Error('outside assets'), { status: 404 });
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } else if (pathname === '/') {
      const html = await page();
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(html);
    } else {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  } catch (error) {
    const status = error?.code === 'ENOENT' || error?.status === 404 ? 404 : 500;
    res
      .writeHead(status, { 'Content-Type': 'text/plain' })
      .end(status === 404 ? 'not found' : String(error?.stack ?? error));
  }
}).listen(port, 'localhost', () => console.log(`SSR fixture on http://localhost:${port}/`));
