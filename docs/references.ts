/**
 * Matchers behind `docs/references.test.ts`: they find where a file cites the documents of `docs/`
 * (`docs/wire-protocol.md §2.9`, `docs/security.md CSRF-02, S23–S30`, `docs/architecture.md P1/P2`)
 * and check each cited section, security id and principle against the documents' own headings and
 * tables. Hand-written because no library reads citations out of code comments.
 */

/** What the documents of `docs/` define: their names, sections, security ids and principles. */
export interface DocTargets {
  names: Set<string>;
  wire: Set<string>;
  securitySections: Set<string>;
  securityIds: Set<string>;
  principles: Set<string>;
}

/** One citation found in a text; `ok` is false when its target does not exist. */
export interface Citation {
  index: number;
  text: string;
  ok: boolean;
}

const headings = (markdown: string) =>
  new Set([...markdown.matchAll(/^#{2,4} (\d+(?:\.\d+)*[a-z]?)\.? /gm)].map((m) => m[1]!));

/** Reads the targets from the documents; `read` returns a document's text by name, or undefined. */
export function docTargets(read: (name: string) => string | undefined): DocTargets {
  const wire = read('wire-protocol') ?? '';
  const security = read('security') ?? '';
  const architecture = read('architecture') ?? '';
  const names = new Set(
    ['README', 'wire-protocol', 'security', 'architecture', 'dev-stand-ins', 'performance', 'events'].filter(
      (name) => read(name) !== undefined,
    ),
  );
  return {
    names,
    wire: headings(wire),
    securitySections: headings(security),
    securityIds: new Set([...security.matchAll(/^\| ([A-Z]+-\d+|[SO]\d+) \|/gm)].map((m) => m[1]!)),
    principles: new Set([...architecture.matchAll(/^### (P\d+)\. /gm)].map((m) => m[1]!)),
  };
}

// Between two items of a list: spaces, punctuation, "and"/"or", and a comment's wrapped-line prefix.
const SEPARATOR = /^(?:[\s,/(]|\/\/|\*(?!\*)|\band\b|\bor\b)*/;
const RANGE = /^(?:…|–|-|\.\.|\/)/;
const TOKEN: Record<string, RegExp> = {
  'wire-protocol': /^§(\d+(?:\.\d+)*[a-z]?)/,
  security: /^(?:§(\d+(?:\.\d+)*[a-z]?)|([A-Z]+-\d+|[SO]\d+)\b)/,
  architecture: /^(P\d+)\b/,
};

function target(doc: string, token: RegExpExecArray, docs: DocTargets): { ok: boolean; id: string } {
  if (doc === 'wire-protocol') return { id: `§${token[1]}`, ok: docs.wire.has(token[1]!) };
  if (doc === 'architecture') return { id: token[1]!, ok: docs.principles.has(token[1]!) };
  if (token[1]) return { id: `§${token[1]}`, ok: docs.securitySections.has(token[1]) };
  return { id: token[2]!, ok: docs.securityIds.has(token[2]!) };
}

/** The end of a range or pair (`JWT-01…06`, `SES-05/06`, `S23–S30`) written out in full. */
function rangeEnd(start: string, tail: string): string | undefined {
  const m = /^(§?[A-Z]*-?)(\d+(?:\.\d+)*[a-z]?)\b/.exec(tail);
  if (!m) return undefined;
  return `${m[1] || /^(§|[A-Z]+-|[SO])/.exec(start)?.[1] || ''}${m[2]}`;
}

/** Every citation of a `docs/*.md` document, and every section, id or principle listed after it. */
export function findCitations(text: string, docs: DocTargets): Citation[] {
  const found: Citation[] = [];
  for (const m of text.matchAll(/docs\/([\w.-]+)\.md/g)) {
    const name = m[1]!;
    if (!docs.names.has(name)) {
      found.push({ index: m.index, text: m[0], ok: false });
      continue;
    }
    const pattern = TOKEN[name];
    if (!pattern) continue;
    let at = m.index + m[0].length;
    for (;;) {
      at += SEPARATOR.exec(text.slice(at))![0].length;
      const token = pattern.exec(text.slice(at));
      if (!token) break;
      const first = target(name, token, docs);
      found.push({ index: at, text: first.id, ok: first.ok });
      at += token[0].length;
      const range = RANGE.exec(text.slice(at));
      const end = range ? rangeEnd(first.id, text.slice(at + range[0].length)) : undefined;
      if (range && end) {
        const endToken = pattern.exec(end);
        const last = endToken ? target(name, endToken, docs) : { id: end, ok: false };
        found.push({ index: at, text: last.id, ok: last.ok });
        at += range[0].length + (/^[§\w-]+/.exec(text.slice(at + range[0].length))?.[0].length ?? 0);
      }
    }
  }
  return found;
}

/** Citations of the reference documents by a name outside `docs/` (`WIRE.md §2`, `STYLE P8`, `../shared/`). */
export function findOldCitations(text: string): Citation[] {
  const pattern =
    /(?:\.\.\/shared\/)?\b(?:WIRE|SECURITY|STYLE|DESIGN)(?:\.md\b(?:\s+(?:§[\d.]+|[A-Z]+-\d+|[SO]\d+|P\d+))?|\s+(?:§[\d.]+|[A-Z]+-\d+\b|[SO]\d+\b|P\d+\b))|\.\.\/shared\/\S*/g;
  return [...text.matchAll(pattern)].map((m) => ({ index: m.index, text: m[0], ok: false }));
}

const SECURITY_ID = /\b(?:AUTH|SES|WEB|JWT|OIDC|SAML|REDIR|CSRF|XSS|LOG|TEN)-\d+\b|\b[SO]\d{1,2}\b/g;

/** Security ids used anywhere in a text (`CSRF-02`, `S23`, `O7`). */
export function findSecurityIds(text: string): { id: string; index: number }[] {
  return [...text.matchAll(SECURITY_ID)].map((m) => ({ id: m[0], index: m.index }));
}

/** Whether a test file contains a quoted title; `…` in the title stands for any text. */
export const hasTitle = (source: string, title: string): boolean =>
  title
    .split('…')
    .map((piece) => piece.trim())
    .filter(Boolean)
    .every((piece) => source.includes(piece));

/** Test titles quoted after a backticked test path in a document (`` `a.test.ts`: "title…" ``). */
export function quotedTitles(markdown: string): { path: string; title: string; index: number }[] {
  const out: { path: string; title: string; index: number }[] = [];
  for (const m of markdown.matchAll(/`([^`\s]+\.test\.tsx?)`((?::\s*|,\s*)"[^"\n]+"(?:\s*,\s*"[^"\n]+")*)/g)) {
    for (const t of m[2]!.matchAll(/"([^"\n]+)"/g)) {
      const title = t[1]!.replace(/\\\|/g, '|');
      out.push({ path: m[1]!, title, index: m.index + m[0].indexOf(t[0]) });
    }
  }
  return out;
}
