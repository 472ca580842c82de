import { cli } from '@custom-elements-manifest/analyzer/cli.js';
import type { LitElement } from 'lit';
import { beforeAll, describe, expect, it } from 'vitest';
import { defineOrgAuthAccountElements } from './account.js';
import { defineOrgAuthElements } from './define-elements.js';

// custom-elements.json is generated (custom-elements-manifest.config.mjs): this runs the same
// analysis in memory and compares it with what the registered classes really do, from sources the
// analyzer does not read: Lit's observed attributes, the event classes each element's code
// dispatches, the parts its templates name and the custom properties its styles read.

// (`new URL('..', import.meta.url)` would be rewritten by Vite as an asset URL.)
const packageDir = decodeURIComponent(new URL(import.meta.url).pathname).replace(/\/src\/[^/]+$/, '');

/** Every non-test source of the package, by path from the package (`src/events/error.ts`). */
const SOURCES = Object.entries(
  import.meta.glob<string>(['./**/*.ts', '!./**/*.test.ts', '!./**/*.fixtures.ts', '!./**/*.d.ts'], {
    query: '?raw',
    import: 'default',
    eager: true,
  }),
).map(([path, text]) => ({ path: `src/${path.slice(2)}`, text }));

interface Named {
  name: string;
}
interface Declaration {
  name: string;
  tagName?: string;
  attributes?: Named[];
  events?: Named[];
  cssParts?: Named[];
  cssProperties?: Named[];
}
interface Manifest {
  modules: { path: string; declarations?: Declaration[] }[];
}

/** Every tag the package registers, with its class, through the real registration functions. */
function registeredTags(): Map<string, typeof LitElement> {
  const tags = new Map<string, typeof LitElement>();
  const registry = {
    get: (tag: string) => tags.get(tag),
    define: (tag: string, element: typeof LitElement) => tags.set(tag, element),
  } as unknown as CustomElementRegistry;
  defineOrgAuthElements(registry);
  defineOrgAuthAccountElements(registry);
  return tags;
}

/** The sources under `dir` (`src/events`), concatenated. */
const sourcesUnder = (dir: string): string =>
  SOURCES.filter((s) => s.path.startsWith(`${dir}/`))
    .map((s) => s.text)
    .join('\n');

/** The folder of a manifest module path. */
const folderOf = (path: string) => path.slice(0, path.lastIndexOf('/'));

/** Event names by event class, from `super('orgauth-…'` in src/events. */
const EVENT_NAMES = new Map(
  [...sourcesUnder('src/events').matchAll(/class (OrgAuth\w*Event)[\s\S]*?super\('([a-z-]+)'/g)].map((m) => [
    m[1] as string,
    m[2] as string,
  ]),
);

const names = (list: Named[] | undefined) => new Set((list ?? []).map((item) => item.name));

let manifest: Manifest;
beforeAll(async () => {
  manifest = (await cli({ argv: ['analyze', '--quiet'], cwd: packageDir, noWrite: true })) as Manifest;
}, 60_000);

const declarationOf = (tag: string) =>
  manifest.modules
    .flatMap((m) => (m.declarations ?? []).map((d) => ({ ...d, path: m.path })))
    .find((d) => d.tagName === tag);

describe('custom-elements.json', () => {
  const tags = registeredTags();

  it('lists every registered tag, and no other', () => {
    const listed = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);
    expect(listed.map((d) => d.tagName).sort()).toEqual([...tags.keys()].sort());
    for (const d of listed) expect(d.name).toBe(tags.get(d.tagName as string)?.name);
  });

  for (const [tag, element] of tags) {
    describe(`<${tag}>`, () => {
      it('has a summary and every attribute Lit observes', () => {
        const d = declarationOf(tag);
        expect(d, tag).toBeDefined();
        expect((d as { summary?: string }).summary).toBeTruthy();
        expect([...names(d?.attributes)].sort()).toEqual([...element.observedAttributes].sort());
      });

      it('lists every event its code dispatches', () => {
        const d = declarationOf(tag) as Declaration & { path: string };
        const code = sourcesUnder(folderOf(d.path));
        const dispatched = new Set(
          [...code.matchAll(/new (OrgAuth\w+Event)\(/g)].map((m) => EVENT_NAMES.get(m[1] as string)),
        );
        // The element's `dispatchEvent` override sends each event's `orgauth-event` twin (src/events/orgauth-event.ts).
        if (code.includes('dispatchWithOrgAuthEvent(')) dispatched.add(EVENT_NAMES.get('OrgAuthEvent'));
        expect([...names(d.events)].sort()).toEqual([...dispatched].sort());
      });

      it('lists every part its templates name', () => {
        const d = declarationOf(tag) as Declaration & { path: string };
        const code = sourcesUnder(folderOf(d.path));
        // `part="a b ${dynamic}"`: the literal names only (a dynamic one is documented by hand).
        const literal = [...code.matchAll(/part="([^"]*)"/g)].flatMap((m) =>
          (m[1] as string).split(/\s+/).filter((n) => /^[a-z][a-z-]*$/.test(n)),
        );
        const listed = names(d.cssParts);
        expect(literal.filter((p) => !listed.has(p))).toEqual([]);
      });

      it('lists every custom property its styles read', () => {
        const d = declarationOf(tag);
        void element.observedAttributes; // finalizes the class, which collects its styles
        const css = element.elementStyles.map((s) => ('cssText' in s ? s.cssText : '')).join('\n');
        const read = new Set([...css.matchAll(/var\((--orgauth-[a-z0-9-]+)/g)].map((m) => m[1] as string));
        expect([...names(d?.cssProperties)].sort()).toEqual([...read].sort());
      });
    });
  }
});
