import { describe, expect, it } from 'vitest';
import { suggestSlug, validateSlug } from './slug.js';

describe('suggestSlug', () => {
  it.each([
    ['Acme Inc.', 'acme-inc'],
    ['  Société Générale  ', 'societe-generale'],
    ['ACME__Corp!!2', 'acme-corp-2'],
    ['---', ''],
  ])('%s → %s', (name, slug) => expect(suggestSlug(name)).toBe(slug));

  it('produces valid slugs for ordinary names and caps the length', () => {
    expect(validateSlug(suggestSlug('Acme Inc.'))).toBeNull();
    expect(suggestSlug('a'.repeat(300))).toHaveLength(128);
  });
});

describe('validateSlug', () => {
  it.each([
    ['acme-inc', null],
    ['a.b_c~d', null],
    ['', 'slug_required'],
    ['a', 'slug_too_short'],
    ['a'.repeat(129), 'slug_too_long'],
    ['Acme', 'slug_invalid'],
    ['-acme', 'slug_invalid'],
    ['ac me', 'slug_invalid'],
  ])('%s → %s', (slug, expected) => expect(validateSlug(slug)).toBe(expected));
});
