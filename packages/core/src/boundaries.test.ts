import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * docs/architecture.md P1/P2: the core is headless and DOM-free. It imports no UI framework, no Node built-ins and
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
  [
    ...text.matchAll(
      /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm,
    ),
  ].map((m) => m[1] ?? m[2] ?? m[3]!);
// Comments may mention globals; only code counts.
const stripComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');

/** The core's own import graph: each source file (relative to src) → the source files it imports, types included. */
const graph = new Map(
  files
    .filter((f) => !isTest(f.path))
    .map((f) => [
      f.path,
      importsOf(f.text)
        .filter((s) => s.startsWith('.'))
        .map((s) => normalize(join(dirname(f.path), s)).replace(/\.js$/, '.ts')),
    ]),
);

/** One import cycle of `graph` as a path that starts and ends on the same file, or null when there is none. */
function findCycle(graph: ReadonlyMap<string, readonly string[]>): string[] | null {
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (node: string): string[] | null => {
    const open = path.indexOf(node);
    if (open >= 0) return [...path.slice(open), node];
    if (done.has(node)) return null;
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    done.add(node);
    return null;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

describe('core boundaries', () => {
  it('finds the sources', () => expect(files.length).toBeGreaterThan(20));

  it.each(files.filter((f) => !isTest(f.path)).map((f) => [f.path, f] as const))(
    '%s imports only what the core may',
    (_path, file) => {
      for (const specifier of importsOf(file.text)) {
        expect(specifier, `${file.path} imports ${specifier}`).not.toMatch(
          /^(lit|@lit\/|lit-|react|react-dom|@orgauth\/|node:)/,
        );
        expect(specifier, `${file.path} deep-imports ${specifier}`).not.toMatch(/\/(dist|src)\//);
        if (!specifier.startsWith('.'))
          expect(['zustand/vanilla', 'js-cookie'], `${file.path} imports ${specifier}`).toContain(specifier);
      }
    },
  );

  it('lets tests import @orgauth/server and nothing else from the workspace', () => {
    for (const file of files.filter((f) => isTest(f.path))) {
      for (const specifier of importsOf(file.text).filter((s) => s.startsWith('@orgauth/'))) {
        expect(specifier, file.path).toBe('@orgauth/server');
      }
    }
  });

  it('touches browser globals only in platform/browser.ts', () => {
    const globals =
      /\b(window|document|localStorage|sessionStorage|history|navigator)\s*[.[]|globalThis\.(location|document|window)|crypto\.subtle/;
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

  it('has no import cycle, type-only imports included', () => {
    expect(graph.size).toBeGreaterThan(20);
    expect(findCycle(graph)).toBeNull();
  });

  it('finds a cycle when there is one (so the check above can fail)', () => {
    const acyclic = new Map([
      ['a.ts', ['b.ts', 'c.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', []],
    ]);
    expect(findCycle(acyclic)).toBeNull();
    const cyclic = new Map([...acyclic, ['c.ts', ['d.ts']], ['d.ts', ['b.ts']]]);
    expect(findCycle(cyclic)).toEqual(['b.ts', 'c.ts', 'd.ts', 'b.ts']);
  });

  it('keeps the public facade on top: only the entries import client.ts, compose.ts and client-types.ts', () => {
    const facade = ['client.ts', 'client-types.ts', 'compose.ts'];
    const importers = [...graph].filter(([, deps]) => deps.some((d) => facade.includes(d))).map(([path]) => path);
    expect(importers.sort()).toEqual(['client.ts', 'compose.ts', 'index.ts', join('testing', 'test-client.ts')].sort());
  });
});
