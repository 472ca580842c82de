import { describe, expect, it } from 'vitest';
import { suggestSlug } from './slug.js';

describe('suggestSlug', () => {
  it.each([
    ['Café Zoë', 'cafe-zoe'],
    ['Cafés du Monde', 'cafes-du-monde'],
    ['  Société Générale  ', 'societe-generale'],
    ['Ångström Labs', 'angstrom-labs'],
    ['Ｆｕｌｌｗｉｄｔｈ ＡＣＭＥ', 'fullwidth-acme'],
    ['Acme, Inc.', 'acme-inc'],
    ['東京', ''],
  ])('%s → %s', (name, slug) => expect(suggestSlug(name)).toBe(slug));

  it('never ends with a dash after cutting at 128 characters', () => {
    const slug = suggestSlug(`${'a'.repeat(127)} b`);
    expect(slug).toBe('a'.repeat(127));
    expect(suggestSlug('é'.repeat(300))).toHaveLength(128);
  });
});
