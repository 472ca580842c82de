#!/usr/bin/env node
// What a script-tag bundle holds: maps each minified byte back to the source file that produced it
// through the bundle's source map (source-map-explorer's logic: the bytes from one mapping segment to
// the next belong to the segment's source), then prints one row per module, largest first.
// Usage: node .ci/bundle-map.mjs [packages/elements/dist/orgauth.global.js] [--top 40]
// Columns: minified bytes; gzip -9 of the module's bytes alone; and "saves", what the whole bundle's
// gzip -9 loses when the module's bytes are cut out of it (modules share words, so the last is the
// honest figure for what dropping or shrinking a module would pay).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { decode } from '@jridgewell/sourcemap-codec';

/**
 * Minified bytes per source file of one bundle.
 * @param {string} file path of the bundle; its map is `${file}.map`
 * @returns {{ total: number, gzip: number, rows: { source: string, bytes: number, gzip: number, saves: number }[] }}
 */
export function mapBundle(file) {
  const code = readFileSync(file, 'utf8');
  const map = JSON.parse(readFileSync(`${file}.map`, 'utf8'));
  const lines = code.split('\n');
  const decoded = decode(map.mappings);
  // Each line as runs of [source, text]; a line without mappings is one unmapped run.
  /** @type {[string, string][][]} */
  const runs = lines.map((line, lineNo) => {
    const out = [];
    let last = 0;
    let source = '(unmapped)';
    for (const seg of decoded[lineNo] ?? []) {
      if (seg[0] > last) out.push([source, line.slice(last, seg[0])]);
      last = seg[0];
      source = seg.length > 1 ? shorten(map.sources[seg[1]]) : '(unmapped)';
    }
    out.push([source, line.slice(last)]);
    return out;
  });
  const gzip = (text) => gzipSync(text, { level: 9 }).length;
  const whole = gzip(code);
  const without = (source) =>
    runs
      .map((line) =>
        line
          .filter(([s]) => s !== source)
          .map(([, t]) => t)
          .join(''),
      )
      .join('\n');
  const sources = new Set(runs.flat().map(([s]) => s));
  const rows = [...sources].map((source) => {
    const text = runs
      .flat()
      .filter(([s]) => s === source)
      .map(([, t]) => t)
      .join('');
    return { source, bytes: Buffer.byteLength(text), gzip: gzip(text), saves: whole - gzip(without(source)) };
  });
  rows.sort((a, b) => b.bytes - a.bytes);
  return { total: Buffer.byteLength(code), gzip: whole, rows };
}

/** `../../node_modules/lit-html/lit-html.js` → `lit-html/lit-html.js`; workspace files keep their path. */
function shorten(source) {
  const nm = source.lastIndexOf('node_modules/');
  if (nm >= 0) return source.slice(nm + 'node_modules/'.length);
  return source.replace(/^(\.\.\/)+/, '');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const topAt = args.indexOf('--top');
  const top = topAt >= 0 ? Number(args.splice(topAt, 2)[1]) : 40;
  const file = args[0] ?? 'packages/elements/dist/orgauth.global.js';
  const { total, gzip, rows } = mapBundle(file);
  console.log(`${file}: ${total} B minified, ${gzip} B gzip -9`);
  const groups = new Map();
  for (const r of rows) {
    const g = r.source.startsWith('packages/') ? r.source.split('/').slice(0, 2).join('/') : r.source.split('/')[0];
    groups.set(g, (groups.get(g) ?? 0) + r.bytes);
  }
  console.log(`by package: ${[...groups].map(([g, b]) => `${g} ${b}`).join(', ')}`);
  for (const r of rows.slice(0, top)) {
    console.log(
      `${String(r.bytes).padStart(7)} B ${String(r.gzip).padStart(6)} B gz ${String(r.saves).padStart(6)} B saves  ${r.source}`,
    );
  }
}
