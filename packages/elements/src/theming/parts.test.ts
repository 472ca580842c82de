import { describe, expect, it } from 'vitest';
import { partName } from './appearance.js';
import { ELEMENT_KEYS } from './parts.js';

/** The source of every component and shared template, as text. */
const sources = import.meta.glob<string>(['../components/**/*.ts', '../internal/*.ts', '!**/*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** Part names written in templates (`part="a b"`, `part="a ${x}"`), in JSDoc (`@csspart a`), and in backticks after "also". */
function partsInSources(): Set<string> {
  const found = new Set<string>();
  for (const text of Object.values(sources)) {
    for (const [, value] of text.matchAll(/part="([^"]*)"/g)) {
      for (const name of (value ?? '').replace(/\$\{[^}]*\}/g, ' ').split(/\s+/)) if (name) found.add(name);
    }
    for (const [, name] of text.matchAll(/@csspart ([a-z-]+)/g)) if (name) found.add(name);
    for (const [, name] of text.matchAll(/'([a-z]+(?:-[a-z]+)*-(?:item|button))'/g)) if (name) found.add(name);
  }
  return found;
}

describe('appearance.elements keys', () => {
  it('name every part the elements have', () => {
    const known = new Set(ELEMENT_KEYS.map(partName));
    expect(partsInSources()).toContain('submit-button');
    expect(partsInSources()).toContain('sign-out-item');
    const missing = [...partsInSources()].filter((part) => !known.has(part));
    expect(missing).toEqual([]);
  });

  it('are camelCase names of parts, each once', () => {
    expect(new Set(ELEMENT_KEYS).size).toBe(ELEMENT_KEYS.length);
    for (const key of ELEMENT_KEYS) expect(key).toMatch(/^[a-z]+([A-Z][a-z]+)*$/);
  });
});
