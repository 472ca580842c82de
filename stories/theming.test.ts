import type { StoryContext } from '@storybook/web-components-vite';
import { describe, expect, it } from 'vitest';
import {
  PART_CATEGORY,
  TOKEN_CATEGORY,
  themingArgTypes,
  themingControls,
  themingCss,
  withTheming,
} from './.storybook/theming.js';

// The theming controls (.storybook/theming.ts): which argTypes get which control, and the stylesheet
// the decorator builds from the args.

type Enhance = (context: unknown) => Record<string, { control?: unknown; table?: { category?: string } }>;

describe('themingControls', () => {
  const enhanced = (themingControls as unknown as Enhance)({
    initialArgs: { theme: 'light' },
    argTypes: {
      '--orgauth-color-primary': { name: '--orgauth-color-primary', table: { category: TOKEN_CATEGORY } },
      '--orgauth-button-background': { name: '--orgauth-button-background', table: { category: TOKEN_CATEGORY } },
      '--orgauth-radius': { name: '--orgauth-radius', table: { category: TOKEN_CATEGORY } },
      card: { name: 'card', table: { category: PART_CATEGORY } },
      theme: { name: 'theme', control: 'inline-radio', table: { category: 'attributes' } },
      'public-token': { name: 'public-token', table: { category: 'attributes' } },
      'orgauth-error': { name: 'orgauth-error', table: { category: 'events' } },
    },
  });

  it('gives colour tokens a colour picker, other tokens and parts a text field', () => {
    expect(enhanced['--orgauth-color-primary']?.control).toEqual({ type: 'color' });
    expect(enhanced['--orgauth-button-background']?.control).toEqual({ type: 'color' });
    expect(enhanced['--orgauth-radius']?.control).toEqual({ type: 'text' });
    expect(enhanced.card?.control).toEqual({ type: 'text' });
  });

  it('keeps the story’s own controls and turns off the ones that would change nothing', () => {
    expect(enhanced.theme?.control).toBe('inline-radio');
    expect(enhanced['public-token']?.control).toBe(false);
    expect(enhanced['orgauth-error']?.control).toBe(false);
  });

  it('builds the same argTypes from a manifest declaration', () => {
    const argTypes = themingArgTypes({
      cssProperties: [{ name: '--orgauth-color-text' }],
      cssParts: [{ name: 'card' }],
    });
    expect(argTypes['--orgauth-color-text']).toMatchObject({
      control: { type: 'color' },
      table: { category: TOKEN_CATEGORY },
    });
    expect(argTypes.card).toMatchObject({ control: { type: 'text' }, table: { category: PART_CATEGORY } });
  });
});

describe('withTheming', () => {
  it('applies token and part args through a constructed stylesheet scoped to the canvas', () => {
    const canvasElement = document.createElement('div');
    document.body.append(canvasElement);
    const context = {
      canvasElement,
      args: { '--orgauth-color-primary': '#0f766e', card: 'border-style: dashed', theme: 'light', heading: '' },
      argTypes: {
        '--orgauth-color-primary': { table: { category: TOKEN_CATEGORY } },
        card: { table: { category: PART_CATEGORY } },
        heading: { table: { category: PART_CATEGORY } },
      },
    } as unknown as StoryContext;
    let rendered = false;
    (withTheming as unknown as (story: () => unknown, context: StoryContext) => unknown)(() => {
      rendered = true;
    }, context);
    expect(rendered).toBe(true);
    const scope = canvasElement.dataset.orgauthCanvas;
    expect(scope).toBeTruthy();
    expect(canvasElement.hasAttribute('style')).toBe(false);
    const text = document.adoptedStyleSheets.flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\n');
    expect(text).toContain(`[data-orgauth-canvas="${scope}"]`);
    expect(text).toMatch(/--orgauth-color-primary:\s*#0f766e/);
  });

  it('writes one ::part() rule per part, and a value cannot open another rule', () => {
    // (happy-dom drops ::part() rules from a sheet, so the text is checked before it is applied.)
    const css = themingCss(
      new CSSStyleSheet(),
      '[data-x="1"]',
      [['--orgauth-radius', '4px']],
      [
        ['card', 'border-style: dashed'],
        ['heading', 'color: red; } body { display: none'],
      ],
    );
    expect(css).toMatch(/^\[data-x="1"\] \{ --orgauth-radius: 4px; \}$/m);
    expect(css).toMatch(/^\[data-x="1"\] ::part\(card\) \{ border-style: dashed; \}$/m);
    expect(css).not.toContain('body');
    expect(css.split('{').length - 1).toBe(3);
  });
});
