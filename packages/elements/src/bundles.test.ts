import { describe, expect, it } from 'vitest';

// The login's script-tag bundle must not carry the account elements nor @floating-ui/dom: they ship
// in their own entry (`@orgauth/elements/account`) and chunk (`orgauth-account.global.js`).

/** Every source file of the package (keys like `./global.ts`), and the built script-tag bundles if any. */
const SOURCES = import.meta.glob<string>(['./**/*.ts', '!./**/*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});
const BUNDLES = import.meta.glob<string>('../dist/*.global.js', { query: '?raw', import: 'default', eager: true });

/** Every module `entry` reaches through static imports: package files (relative) and packages (bare). */
function importGraph(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const text = SOURCES[file];
    if (text === undefined) throw new Error(`no source ${file}`);
    // Type-only imports and exports are erased by the build: they do not count.
    for (const [statement = '', spec] of text.matchAll(/^\s*(?:import|export)\b[^'";]*?['"]([^'"]+)['"]/gm)) {
      if (!spec || /^\s*(?:import|export) type\b/.test(statement)) continue;
      if (spec.startsWith('.')) visit(`.${new URL(spec.replace(/\.js$/, '.ts'), `file:///${file.slice(2)}`).pathname}`);
      else packages.add(spec);
    }
  };
  visit(`./${entry}`);
  return { files: [...files].map((f) => f.slice(2)), packages: [...packages] };
}

/** What marks the account elements in code or in a minified bundle. */
const ACCOUNT_MODULE = /organization-switcher|account/;
const FLOATING_UI = /^@floating-ui\//;

describe('bundle contents', () => {
  it('the login entries import neither the account elements nor @floating-ui/dom', () => {
    for (const entry of ['global.ts', 'index.ts', 'define.ts']) {
      const { files, packages } = importGraph(entry);
      expect(files, entry).toContain('define-elements.ts');
      expect(
        files.filter((f) => ACCOUNT_MODULE.test(f)),
        entry,
      ).toEqual([]);
      expect(
        packages.filter((p) => FLOATING_UI.test(p)),
        entry,
      ).toEqual([]);
    }
  });

  it('the login bundle carries the login error words, not the signed-in surfaces ones', () => {
    // index.ts keeps the complete DEFAULT_ERROR_MESSAGES for npm users; the script-tag entry does not.
    const { files } = importGraph('global.ts');
    expect(files).toContain('i18n/error-messages.ts');
    expect(files).not.toContain('i18n/signed-in-error-messages.ts');
  });

  it('what the account chunk borrows from window.OrgAuth is there', async () => {
    // The global-account build (vite.config.ts) maps these imports to the login bundle's window.OrgAuth.
    const borrowed: Record<string, string[]> = { '@orgauth/core': [], lit: [] };
    for (const file of importGraph('account-global.ts').files) {
      for (const [, names = '', spec = ''] of (SOURCES[`./${file}`] ?? '').matchAll(
        /^import \{([^}]*)\} from '(@orgauth\/core|lit(?:\/directives\/[\w-]+\.js)?)'/gm,
      )) {
        const runtime = names
          .split(',')
          .map((n) => n.trim())
          .filter((n) => n && !n.startsWith('type '));
        borrowed[spec.startsWith('lit') ? 'lit' : spec]?.push(...runtime);
      }
    }
    expect(borrowed.lit).toContain('LitElement');
    expect(borrowed['@orgauth/core']).toContain('selectOrganization');
    await import('./global.js');
    const lent = window.OrgAuth as unknown as Record<string, unknown> & { lit: Record<string, unknown> };
    for (const name of borrowed['@orgauth/core'] ?? []) expect(lent[name], `OrgAuth.${name}`).toBeDefined();
    for (const name of borrowed.lit ?? []) expect(lent.lit[name], `OrgAuth.lit.${name}`).toBeDefined();
    // The login's error words too (the `./error-messages.js` import of the account chunk).
    expect(lent.LOGIN_ERROR_MESSAGES).toBeTypeOf('object');
    // The theme and the appearance controller (its `theme.styles.js` and `appearance-controller.js` imports).
    const theming = lent.theming as Record<string, unknown>;
    expect(theming.themeStyles).toBeDefined();
    expect(theming.AppearanceController).toBeTypeOf('function');
  });

  it('the account entries do (the check above can see them)', () => {
    const { files, packages } = importGraph('account-global.ts');
    expect(files).toContain('components/organization-switcher/organization-switcher.ts');
    expect(packages).toContain('@floating-ui/dom');
  });

  it('no entry reaches a locale pack, and a translated pack imports nothing at run time', () => {
    // Packs are reached only through their own subpaths (@orgauth/elements/locales/de, …).
    for (const entry of ['global.ts', 'index.ts', 'define.ts', 'account.ts', 'account-global.ts']) {
      expect(
        importGraph(entry).files.filter((f) => f.startsWith('i18n/locales/')),
        entry,
      ).toEqual([]);
    }
    for (const pack of ['de', 'fr', 'es', 'ja']) {
      expect(importGraph(`i18n/locales/${pack}.ts`).files).toEqual([`i18n/locales/${pack}.ts`]);
    }
  });

  // Runs once the package is built (CI builds before testing).
  const loginText = BUNDLES['../dist/orgauth.global.js'];
  const accountText = BUNDLES['../dist/orgauth-account.global.js'];
  it.runIf(loginText && accountText)(
    'the built orgauth.global.js has no switcher and no floating-ui; the account chunk has both',
    () => {
      // Strings survive minification: the tag name, a word of the menu, a floating-ui option name.
      const marks = ['orgauth-organization-switcher', 'switch organization', 'clippingAncestors'];
      // Without the login bundle first, the chunk stops at once and says why.
      const ownOrgAuth = Object.getOwnPropertyDescriptor(window, 'OrgAuth');
      Reflect.deleteProperty(window, 'OrgAuth');
      try {
        expect(() => new Function(accountText ?? '')()).toThrow('orgauth-account.global.js needs orgauth.global.js');
      } finally {
        if (ownOrgAuth) Object.defineProperty(window, 'OrgAuth', ownOrgAuth);
      }
      // One lit-html per page: the account chunk registers no Trusted Types policy of its own.
      expect(accountText?.includes('createPolicy')).toBe(false);
      expect(loginText?.includes('createPolicy')).toBe(true);
      for (const mark of marks) {
        expect(loginText?.includes(mark), `orgauth.global.js contains ${mark}`).toBe(false);
        expect(accountText?.includes(mark), `orgauth-account.global.js lacks ${mark}`).toBe(true);
      }
    },
  );

  const factorsText = BUNDLES['../dist/orgauth-login-factors.global.js'];
  it.runIf(loginText && factorsText)(
    'the core password and second-factor flows ride in the factors chunk, not in orgauth.global.js',
    () => {
      // Their wire paths survive minification (packages/core/src/flows/passwords.ts, recovery-codes.ts);
      // vite.config.ts resolves those modules to factor-core.global.ts in the login bundle.
      for (const mark of ['/b2b/passwords/strength_check', '/recovery_codes/recover']) {
        expect(loginText?.includes(mark), `orgauth.global.js contains ${mark}`).toBe(false);
        expect(factorsText?.includes(mark), `orgauth-login-factors.global.js lacks ${mark}`).toBe(true);
      }
      // One lit-html per page: the factors chunk borrows the login bundle's.
      expect(factorsText?.includes('createPolicy')).toBe(false);
    },
  );
});
