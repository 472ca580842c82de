import { VERSION } from '../version.js';

/** A tag and the class it is registered with. */
export type ElementEntry = readonly [tag: string, element: CustomElementConstructor];

/** Shared across copies of this package on one page: which version defined each tag. */
const DEFINED_BY = Symbol.for('orgauth.elements.definedBy');
const warned = new Set<string>();

/**
 * Registers each tag of `elements` that `registry` lacks, noting which version of this package did;
 * a tag another version registered first gets one warning. Shared by the login entry and the account
 * entry (`account.ts`), which may load from different copies (the two script-tag bundles).
 */
export function defineTags(elements: readonly ElementEntry[], registry: CustomElementRegistry): void {
  const store = globalThis as unknown as Record<symbol, Map<string, string> | undefined>;
  const definedBy = (store[DEFINED_BY] ??= new Map<string, string>());
  for (const [tag, element] of elements) {
    if (!registry.get(tag)) {
      registry.define(tag, element);
      definedBy.set(tag, VERSION);
      continue;
    }
    const other = definedBy.get(tag);
    if (other !== undefined && other !== VERSION && !warned.has(tag)) {
      warned.add(tag);
      console.warn(
        `[orgauth] <${tag}> is already defined by @orgauth/elements ${other}; this copy (${VERSION}) is not used.`,
      );
    }
  }
}
