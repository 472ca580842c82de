// The Custom Elements Manifest (custom-elements.json, the `customElements` field of package.json) from
// the elements' JSDoc: @summary, @fires, @csspart, @cssprop, and Lit's `static properties`
// (--litelement). Written by `npm run build` (and by Storybook, which reads it for its docs and
// controls); generated, never committed, so it cannot drift from the sources.

/** `['orgauth-login', OrgAuthLogin]`: one entry of a registration table (src/define-elements.ts, src/account.ts). */
function tagEntry(ts, node) {
  if (!ts.isArrayLiteralExpression(node) || node.elements.length !== 2) return undefined;
  const [tag, element] = node.elements;
  if (!ts.isStringLiteral(tag) || !tag.text.startsWith('orgauth-') || !ts.isIdentifier(element)) return undefined;
  return { tag: tag.text, className: element.text };
}

/**
 * The tags come from the registration tables the package defines its elements with (no element calls
 * `customElements.define` itself, so the analyzer cannot see them): one source for the tag names.
 * Also drops what is not public API: private, protected and static members, the nameless event the
 * analyzer reads from a `dispatchEvent` of a variable, and the modules that define no element.
 */
function orgauthTags() {
  const tags = new Map();
  return {
    name: 'orgauth-tags',
    analyzePhase({ ts, node, moduleDoc }) {
      const entry = tagEntry(ts, node);
      if (entry) tags.set(entry.className, { tag: entry.tag, registeredIn: moduleDoc.path });
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          if (declaration.kind !== 'class') continue;
          const found = tags.get(declaration.name);
          if (found) {
            declaration.tagName = found.tag;
            declaration.customElement = true;
            const registry = customElementsManifest.modules.find((m) => m.path === found.registeredIn);
            registry.exports = [
              ...(registry.exports ?? []),
              {
                kind: 'custom-element-definition',
                name: found.tag,
                declaration: { name: declaration.name, module: mod.path },
              },
            ];
          }
          if (declaration.members)
            declaration.members = declaration.members.filter(
              (m) => !m.static && m.privacy !== 'private' && m.privacy !== 'protected' && !m.name.startsWith('#'),
            );
          if (declaration.events) declaration.events = declaration.events.filter((e) => e.name);
        }
      }
      // Only the elements' modules and the registration tables: the rest (helpers, styles, steps) is
      // internal, and would make the published file ten times larger.
      customElementsManifest.modules = customElementsManifest.modules.filter(
        (m) =>
          m.declarations?.some((d) => d.customElement) ||
          m.exports?.some((e) => e.kind === 'custom-element-definition'),
      );
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.fixtures.ts'],
  outdir: '.',
  litelement: true,
  // package.json names the manifest already (`customElements`); the analyzer must not rewrite it.
  packagejson: false,
  plugins: [orgauthTags()],
};
