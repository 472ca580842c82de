import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, test } from '../support/fixtures.js';
import { e2eSetup } from '../support/origins.js';
import { LoginCard } from '../support/login-card.js';
import { TestIdpPage } from '../support/test-idp.js';

// The demo app rendered on a Node server (e2e/ssr) and hydrated in Chromium with a session cookie:
// the server cannot see the browser's session, so both the server render and the hydration render
// must show `initializing`, and the page then moves on to the member. Any console error fails it:
// React reports a hydration mismatch (#418) there.

const { serverOrigin: authUrl, serverPort } = e2eSetup();
// A third origin beside the app's and the server's (e2e/support/origins.ts).
const ssrPort = Number(process.env.ORGAUTH_E2E_SSR_PORT || serverPort + 2);
const ssrUrl = `http://localhost:${ssrPort}`;
const ADA = 'ada@demo-sso.test';
const repo = fileURLToPath(new URL('../../', import.meta.url));

let fixture: ChildProcess | undefined;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const dataDir = process.env.ORGAUTH_E2E_DATA_DIR!;
  // The fixture is another origin: the project must allow it, as a customer's app would be.
  execFileSync(process.execPath, ['packages/server/dist/cli.js', 'origins', 'add', ssrUrl, '--data-dir', dataDir], {
    cwd: repo,
    stdio: 'pipe',
  });
  fixture = spawn(process.execPath, ['e2e/ssr/server.mjs'], {
    cwd: repo,
    env: {
      ...process.env,
      ORGAUTH_E2E_AUTH_URL: authUrl,
      ORGAUTH_E2E_SSR_PORT: String(ssrPort),
      ORGAUTH_E2E_DATA_DIR: dataDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  fixture.stdout!.on('data', (chunk: Buffer) => (output += chunk));
  fixture.stderr!.on('data', (chunk: Buffer) => (output += chunk));
  const exited = new Promise<never>((_, reject) =>
    fixture!.once('exit', (code) => reject(new Error(`SSR fixture exited (${code}):\n${output}`))),
  );
  const ready = (async () => {
    for (;;) {
      if (/SSR fixture on/.test(output)) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  })();
  await Promise.race([ready, exited]);
});

test.afterAll(() => {
  if (fixture?.pid !== undefined && fixture.exitCode === null) fixture.kill();
});

test('a server-rendered page hydrates with a session cookie without any console error, then shows the member', async ({
  page,
}) => {
  await test.step('Sign in once through the real server (SAML on the test IdP)', async () => {
    await page.goto('/?org=demo-sso');
    await new LoginCard(page).root.getByRole('button', { name: /continue with demo saml idp/i }).click();
    const idp = new TestIdpPage(page);
    await idp.expectFor('Demo SSO Co');
    await idp.choose('Ada Lovelace');
    await expect(page.getByTestId('member-email')).toHaveText(ADA);
  });

  await test.step('The server renders the neutral placeholder, whatever cookies the request carries', async () => {
    const response = await page.request.get(`${ssrUrl}/`);
    expect(response.status()).toBe(200);
    const html = await response.text();
    expect(html).toContain('data-testid="auth-loading"');
    expect(html).not.toContain('member-email');
    expect(html).not.toContain('<orgauth-login');
  });

  await test.step('First visit: cookie, no cached state on this origin; hydrates, revalidates, shows Ada', async () => {
    const revalidated = page.waitForResponse((r) => r.url() === `${authUrl}/sdk/v1/b2b/sessions/authenticate`);
    await page.goto(`${ssrUrl}/`);
    expect((await revalidated).status()).toBe(200);
    await expect(page.getByTestId('member-email')).toHaveText(ADA);
    await expect(page.getByTestId('auth-loading')).toHaveCount(0);
  });

  await test.step('Reload: signed in from the cached state on the client, still hydrated from the placeholder', async () => {
    await page.reload();
    await expect(page.getByTestId('member-email')).toHaveText(ADA);
  });

  // Any console error or uncaught exception on the way (React's #418 among them) fails the test:
  // the `guard` fixture of e2e/support/fixtures.ts checks after the last step.
});
