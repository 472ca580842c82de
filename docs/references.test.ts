import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  docTargets,
  findCitations,
  findOldCitations,
  findSecurityIds,
  hasTitle,
  quotedTitles,
  type DocTargets,
} from './references.js';

/**
 * Comments, test titles and Markdown cite documents of this repository only (docs/architecture.md
 * P13), so a reader can always open what a comment points at. This walks every source, test and
 * Markdown file of the repository (not dependencies or build output) and fails when a file cites the
 * reference documents by a name outside `docs/`, when a cited section, security id or principle is
 * not in its document, when a file uses security ids without naming docs/security.md, and when
 * `docs/` names a repository path that does not exist or a test title its file no longer has.
 */
const ROOT = join(import.meta.dirname, '..');
const SKIPPED_DIRS = new Set([
  'node_modules',
  'dist',
  '.git',
  '.tmp',
  'test-results',
  'playwright-report',
  'storybook-static',
]);
const TEXT_EXTENSIONS = new Set(['.ts', '.tsx', '.mts', '.js', '.mjs', '.cjs', '.md', '.html', '.css', '.sh']);

function repositoryFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return SKIPPED_DIRS.has(entry.name) ? [] : repositoryFiles(path);
    // Extensionless files are scripts only in .ci/ (`.ci/run`).
    const text =
      TEXT_EXTENSIONS.has(extname(entry.name)) || (extname(entry.name) === '' && relative(ROOT, dir) === '.ci');
    return entry.isFile() && text ? [path] : [];
  });
}

// This test and its matchers quote wrong citations on purpose.
const SELF = new Set(['docs/references.ts', 'docs/references.test.ts']);
const files = repositoryFiles(ROOT)
  .map((path) => ({ path: relative(ROOT, path).split(sep).join('/'), text: readFileSync(path, 'utf8') }))
  .filter((f) => !SELF.has(f.path));
const docs = docTargets((name) => {
  const path = join(ROOT, 'docs', `${name}.md`);
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
});
const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length;

describe('references to the documents in docs/', () => {
  it('finds the repository and the three documents', () => {
    expect(files.length).toBeGreaterThan(300);
    expect(docs.wire.size).toBeGreaterThan(40);
    expect(docs.securityIds.size).toBeGreaterThan(150);
    expect(docs.principles.size).toBe(15);
  });

  it('no file cites a reference document by a name outside docs/', () => {
    const found = files.flatMap((f) =>
      findOldCitations(f.text).map((c) => `${f.path}:${lineOf(f.text, c.index)}: ${c.text}`),
    );
    expect(found).toEqual([]);
  });

  it('every cited document, section, security id and principle exists', () => {
    const missing = files.flatMap((f) =>
      findCitations(f.text, docs)
        .filter((c) => !c.ok)
        .map((c) => `${f.path}:${lineOf(f.text, c.index)}: ${c.text}`),
    );
    expect(missing).toEqual([]);
  });

  it('every security id used anywhere (`CSRF-02`, `S23`, with or without the document name) is in docs/security.md', () => {
    const unknown = files.flatMap((f) =>
      findSecurityIds(f.text)
        .filter((id) => !docs.securityIds.has(id.id))
        .map((id) => `${f.path}:${lineOf(f.text, id.index)}: unknown id ${id.id}`),
    );
    expect(unknown).toEqual([]);
  });

  it('no file carries the history of how the work was planned ("issue 4", "slice A", "acceptance 2")', () => {
    const history = /\b(?:issue|acceptance|item) #?\d+\b|\bslice [A-Z]\b/gi;
    const found = files.flatMap((f) =>
      [...f.text.matchAll(history)].map((m) => `${f.path}:${lineOf(f.text, m.index)}: ${m[0]}`),
    );
    expect(found).toEqual([]);
  });

  it('every repository path named in docs/ exists, and every quoted test title is still in its file', () => {
    const problems = files
      .filter((f) => f.path.startsWith('docs/'))
      .flatMap((f) => [
        ...[...f.text.matchAll(/`((?:packages|e2e|stories|docs|\.ci)\/[^`\s]*)`/g)]
          .filter((m) => !existsSync(join(ROOT, m[1]!)))
          .map((m) => `${f.path}:${lineOf(f.text, m.index)}: no ${m[1]}`),
        ...quotedTitles(f.text)
          .filter((t) => existsSync(join(ROOT, t.path)))
          .filter((t) => !hasTitle(unescapeQuotes(readFileSync(join(ROOT, t.path), 'utf8')), t.title))
          .map((t) => `${f.path}:${lineOf(f.text, t.index)}: "${t.title}" is not in ${t.path}`),
      ]);
    expect(problems).toEqual([]);
  });
});

/** Source text with `\'`-style escapes undone, so a title reads as the test runner prints it. */
const unescapeQuotes = (text: string) => text.replace(/\\(['"`])/g, '$1');

describe('the reference matchers', () => {
  const sample: DocTargets = {
    names: new Set(['wire-protocol', 'security', 'architecture', 'README']),
    wire: new Set(['1.2', '2.9', '5.2']),
    securitySections: new Set(['2', '3']),
    securityIds: new Set([
      'CSRF-02',
      'JWT-01',
      'JWT-02',
      'JWT-06',
      'SES-05',
      'SES-06',
      'O2',
      'O7',
      'S13',
      'S23',
      'S30',
    ]),
    principles: new Set(['P1', 'P2', 'P8']),
  };
  const bad = (text: string) =>
    findCitations(text, sample)
      .filter((c) => !c.ok)
      .map((c) => c.text);

  it('reads lists, ranges, shorthands and wrapped comment lines', () => {
    expect(bad('// docs/wire-protocol.md §1.2 / §2.9, and §5.2: fine')).toEqual([]);
    expect(bad('docs/security.md JWT-01…06, SES-05/06 and §2 S13, S23–S30.')).toEqual([]);
    expect(bad(' * (docs/security.md\n * O2, O7) and docs/architecture.md P1/P2')).toEqual([]);
    expect(bad('docs/wire-protocol.md §2.10 and §5.2')).toEqual(['§2.10']);
    expect(bad('docs/security.md CSRF-02, O9 and SES-05/07')).toEqual(['O9', 'SES-07']);
    expect(bad('docs/architecture.md P9; docs/glossary.md')).toEqual(['P9', 'docs/glossary.md']);
  });

  it('finds the names of documents outside docs/', () => {
    const old = ['../shared/', 'WIRE', '.md §2.9', ' SECURITY', '.md O2', ' STYLE P8', ' DESIGN', '.md'].join('');
    expect(findOldCitations(old).map((c) => c.text)).toHaveLength(4);
    expect(findOldCitations('const STYLE = `body{}`; docs/security.md O2')).toEqual([]);
  });
});
