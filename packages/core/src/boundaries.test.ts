import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * STYLE P1/P2: the core is headless and DOM-free. It imports no UI framework, no Node built-ins and
 * no other OrgAuth package (tests may import `@orgauth/server`), never deep-imports across packages,
 * and touches browser globals only in `platform/browser.ts`.
 */
const SRC = import.meta.dirname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : entry.name.endsWith('.ts') ? [path] : [];
  });
}

const files = sourceFiles(SRC).map((path) => ({ path: relative(SRC, path), text: readFileSync(path, 'utf8') }));
const isTest = (path: string) => /\.test(-d)?\.ts$/.test(path);
const importsOf = (text: string) =>
  [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm)].map(
    (m) => m[1] ?? m[2] ?? m[3]!,
  );
// Comments may mention globals; only code counts.
const stripComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');

describe('core boundaries', () => {
  it('finds the sources', () => expect(files.length).toBeGreaterThan(20));

  it.each(files.filter((f) => !isTest(f.path)).map((f) => [f.path, f] as const))('%s imports only what the core may', (_path, file) => {
    for (const specifier of importsOf(file.text)) {
      expect(specifier, `${file.path} imports ${specifier}`).not.toMatch(/^(lit|@lit\/|lit-|react|react-dom|@orgauth\/|node:)/);
      expect(specifier, `${file.path} deep-imports ${specifier}`).not.toMatch(/\/(dist|src)\//);
      if (!specifier.startsWith('.')) expect(['zustand/vanilla', 'js-cookie'], `${file.path} imports ${specifier}`).toContain(specifier);
    }
  });

  it('lets tests import @orgauth/server and nothing else from the workspace', () => {
    for (const file of files.filter((f) => isTest(f.path))) {
      for (const specifier of importsOf(file.text).filter((s) => s.startsWith('@orgauth/'))) {
        expect(specifier, file.path).toBe('@orgauth/server');
      }
    }
  });

  it('touches browser globals only in platform/browser.ts', () => {
    const globals = /\b(window|document|localStorage|sessionStorage|history|navigator)\s*[.[]|globalThis\.(location|document|window)|crypto\.subtle/;
    const offenders = files
      .filter((f) => !isTest(f.path) && f.path !== join('platform', 'browser.ts'))
      .filter((f) => globals.test(stripComments(f.text)))
      .map((f) => f.path);
    expect(offenders).toEqual([]);
  });

  it('keeps browser.ts lazy: no global is read at module top level', () => {
    const browser = stripComments(files.find((f) => f.path === join('platform', 'browser.ts'))!.text);
    const topLevel = browser.split('\n').filter((line) => /^\S/.test(line));
    expect(topLevel.filter((line) => /\b(window|document)\b/.test(line))).toEqual([]);
  });
});
