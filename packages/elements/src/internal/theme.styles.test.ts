import { describe, expect, it } from 'vitest';
import { themeStyles } from './theme.styles.js';
import source from '../theming/palette.ts?raw';

/** The declarations of the first rule whose selector is `selector`, whitespace collapsed. */
const block = (css: string, selector: string) => {
  const start = css.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`no rule ${selector}`);
  const body = css.slice(css.indexOf('{', start) + 1, css.indexOf('}', start));
  return body.replace(/\s+/g, ' ').trim();
};

describe('themeStyles', () => {
  const css = themeStyles.cssText;

  it('gives theme="dark" and theme="auto" under a dark preference the same palette', () => {
    const dark = block(css, ":host([theme='dark'])");
    expect(dark).toContain('--_orgauth-bg: var(--orgauth-color-background, #15171c);');
    expect(dark).toContain('color-scheme: dark;');
    const media = css.slice(css.indexOf('@media (prefers-color-scheme: dark)'));
    expect(block(media, ":host([theme='auto'])")).toBe(dark);
  });

  it('keeps the page’s own tokens first: the dark palette only swaps fallbacks', () => {
    const dark = block(css, ":host([theme='dark'])");
    for (const declaration of dark.split(';').filter((d) => d.includes('--_orgauth-'))) {
      expect(declaration).toMatch(/--_orgauth-[a-z-]+: var\(--orgauth-[a-z-]+, #[0-9a-f]{6}\)/);
    }
  });

  it('writes each palette colour once, in theming/palette.ts', () => {
    expect(source.match(/#15171c/g)).toHaveLength(1);
    expect(source.match(/#2b59ff/g)).toHaveLength(1);
  });
});
