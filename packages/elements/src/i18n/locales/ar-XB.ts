import { ARGUMENT, CASE } from '../format.js';
import type { OrgAuthLocale } from '../locale.js';
import { en } from './en.js';

/** Right-to-left override … pop directional formatting: the run between shows mirrored. */
const RLO = '\u202e';
const PDF = '\u202c';

/** `text` with each run of words mirrored; `#` (a number, whose digits must keep their order) left out. */
const mirrorText = (text: string) => text.replace(/[^#]+/g, (run) => (run.trim() ? RLO + run + PDF : run));

/** The words of `template` mirrored; arguments and plural/select syntax left as they are. */
function mirror(template: string): string {
  let out = '';
  let last = 0;
  for (const match of template.matchAll(ARGUMENT)) {
    const [written, name, kind, body = ''] = match;
    out += mirrorText(template.slice(last, match.index));
    last = match.index + written.length;
    out += kind
      ? `{${name}, ${kind},${[...body.matchAll(CASE)].map(([, key, words = '']) => ` ${key} {${mirror(words)}}`).join('')}}`
      : written;
  }
  return out + mirrorText(template.slice(last));
}

const mirrored = <K extends string>(table: Readonly<Record<K, string>>) =>
  Object.fromEntries(Object.entries<string>(table).map(([key, words]) => [key, mirror(words)])) as Record<K, string>;

/**
 * A right-to-left pseudo-locale for stories and checks (the `ar-XB` convention of Android and
 * Chrome): the English words, each run wrapped in a right-to-left override so it reads mirrored, and
 * `dir: 'rtl'`, so a layout that does not flip is plain to see. Not for production use.
 */
export const arXB: OrgAuthLocale = {
  locale: 'ar-XB',
  dir: 'rtl',
  messages: mirrored(en.messages),
  errors: mirrored(en.errors),
  account: mirrored(en.account),
  members: mirrored(en.members),
  settings: mirrored(en.settings),
  factors: mirrored(en.factors),
};
