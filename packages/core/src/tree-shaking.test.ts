import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, type Rollup } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';

// An app composing `createClient` with some flows must not ship the others: the bundler drops them
// because no module has side effects (package.json `sideEffects: false`) and the flows are factories
// the app names. scripts/size.mjs prints what each flow costs; this checks what is left out.

const entry = JSON.stringify(resolve(import.meta.dirname, 'index.ts'));
const out = mkdtempSync(join(tmpdir(), 'orgauth-core-shake-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Bundles `source` as an app would (minified, ES) and returns its chunks' code (entry first). */
async function bundle(name: string, source: string): Promise<string> {
  return (await chunks(name, source)).join('\n');
}

/** The code of each chunk of the app, the entry first. */
async function chunks(name: string, source: string): Promise<string[]> {
  const input = join(out, `${name}.ts`);
  writeFileSync(input, source);
  const result = (await build({
    root: out,
    configFile: false,
    logLevel: 'silent',
    resolve: { conditions: ['@orgauth/source', 'module', 'browser', 'production'] },
    build: { write: false, minify: true, rollupOptions: { input, preserveEntrySignatures: 'exports-only' } },
  })) as Rollup.RollupOutput;
  return result.output
    .filter((chunk) => chunk.type === 'chunk')
    .sort((a, b) => Number(b.isEntry) - Number(a.isEntry))
    .map((chunk) => chunk.code);
}

/** A path each flow posts to or navigates to, which only its own module holds. */
const MARKS = {
  magicLinks: '/b2b/magic_links/',
  otps: '/b2b/otps/',
  sso: '/b2b/sso/',
  oauth: '/oauth/',
  members: '/members/search',
  organization: '/b2b/organizations/search',
  discovery: '/b2b/discovery/',
  session: '/b2b/sessions/revoke',
  passwords: '/b2b/passwords/',
  totp: '/b2b/totp',
  recoveryCodes: '/b2b/recovery_codes',
  sms: '/b2b/otps/sms/',
};

describe('tree shaking of the composed client', () => {
  it('keeps only discovery and the session in an app that composes discovery', async () => {
    const code = await bundle(
      'discovery',
      `import { createClient, createDiscoveryFlow } from ${entry};\n` +
        `export const client = createClient({ publicToken: 'p', baseUrl: 'https://a.test' }, { discovery: createDiscoveryFlow });\n`,
    );
    expect(code).toContain(MARKS.discovery);
    expect(code).toContain(MARKS.session);
    for (const flow of ['magicLinks', 'otps', 'sso', 'oauth', 'members', 'organization', 'passwords', 'totp'] as const)
      expect(code, flow).not.toContain(MARKS[flow]);
    // Nor the login machine (its steps' names) nor the redirect-URL parser.
    expect(code).not.toContain('choose-organization');
    expect(code).not.toContain('stytch_token_type');
  }, 60_000);

  it('ships every flow with createB2BClient', async () => {
    const code = await bundle('all', `export { createB2BClient } from ${entry};\n`);
    for (const [flow, mark] of Object.entries(MARKS)) expect(code, flow).toContain(mark);
    expect(code).toContain('stytch_token_type');
    expect(code).toContain('choose-organization');
  }, 60_000);

  it('createB2BClient loads passwords and second factors on their first call: chunks of their own', async () => {
    const [main, ...lazy] = await chunks('lazy', `export { createB2BClient } from ${entry};\n`);
    for (const flow of ['passwords', 'totp', 'recoveryCodes', 'sms'] as const) {
      expect(main, flow).not.toContain(MARKS[flow]);
      expect(lazy.join('\n'), flow).toContain(MARKS[flow]);
    }
  }, 60_000);
});
