import { describe, expect, it } from 'vitest';
import { ARGUMENT, CASE, format } from '../format.js';
import type { OrgAuthLocale } from '../locale.js';
import { arXB } from './ar-XB.js';
import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { ja } from './ja.js';

const PACKS: OrgAuthLocale[] = [de, fr, es, ja, arXB];
const TABLES = ['messages', 'errors', 'account', 'members', 'settings', 'factors'] as const;

/**
 * Every argument a message names, `{name}` and `{n, plural, …}` / `{x, select, …}` alike, in every
 * branch: sorted and without repeats, so a translation may drop a plural English needs (Japanese has
 * one form) but not an argument.
 */
function argumentNames(template: string): string[] {
  const names = new Set<string>();
  for (const [, name = '', kind, body = ''] of template.matchAll(ARGUMENT)) {
    names.add(name);
    if (!kind) continue;
    const cases = [...body.matchAll(CASE)];
    if (!cases.some(([, key]) => key === 'other')) names.add('<no other case>');
    for (const [, , words = ''] of cases) for (const inner of argumentNames(words)) names.add(inner);
  }
  return [...names].sort();
}

describe('locale packs', () => {
  for (const pack of PACKS) {
    describe(pack.locale, () => {
      for (const table of TABLES) {
        it(`has exactly the English keys of ${table}`, () => {
          expect(Object.keys(pack[table]).sort()).toEqual(Object.keys(en[table]).sort());
        });

        it(`names the same arguments as English in ${table}`, () => {
          const english = en[table] as Readonly<Record<string, string>>;
          for (const [key, words] of Object.entries(pack[table] as Readonly<Record<string, string>>)) {
            expect(argumentNames(words), `${pack.locale} ${key}`).toEqual(argumentNames(english[key] ?? ''));
            expect(words.trim(), `${pack.locale} ${key}`).not.toBe('');
          }
        });
      }
    });
  }

  it('reads arguments in branches and flags a malformed plural', () => {
    expect(argumentNames('{a} {n, plural, one {# by {who}} other {#}}')).toEqual(['a', 'n', 'who']);
    expect(argumentNames('{n, plural, one {x}}')).toEqual(['<no other case>', 'n']);
  });

  it('ar-XB mirrors the words and keeps arguments and numbers as they are', () => {
    expect(format(arXB.messages['email.headingOrganization'], { organization: 'Acme' }, arXB.locale)).toEqual([
      '\u202eSign in to \u202c',
      'Acme',
      '',
    ]);
    expect(format(arXB.messages['code.wrong'], { count: 12 }, 'en').join('')).toBe(
      '\u202eThat code is not right. \u202c12\u202e tries\u202c\u202e left for this code.\u202c',
    );
  });
});
