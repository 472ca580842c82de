import { setProjectAnnotations } from '@storybook/web-components-vite';
import { composeStories } from 'storybook/preview-api';
import { afterEach, describe, expect, it } from 'vitest';
import preview from './.storybook/preview.js';
import { loginIn, untilStep } from './login-driver.js';
import * as themeStories from './themes.stories.js';
import type { ThemeArgs } from './themes.stories.js';

const projectAnnotations = setProjectAnnotations([preview]);

afterEach(() => document.body.replaceChildren());

interface ComposedThemeStory {
  args: ThemeArgs;
  run(context?: { canvasElement?: HTMLElement }): Promise<void>;
}

// preview-api's composeStories is typed for the generic renderer, whose args do not fit ThemeArgs.
const composed = Object.entries(
  composeStories(themeStories as never, projectAnnotations) as Record<string, ComposedThemeStory>,
);

/** The CSS of the sheets the login adopted after its own styles. */
function appearanceCss(el: HTMLElement): string {
  const own = (el.constructor as unknown as { elementStyles: unknown[] }).elementStyles.length;
  return [...(el.shadowRoot?.adoptedStyleSheets ?? [])]
    .slice(own)
    .flatMap((sheet) => [...sheet.cssRules].map((r) => r.cssText))
    .join('\n');
}

describe('theming stories', () => {
  it('are all composed, one per prebuilt theme among them', () => {
    const names = composed.map(([name]) => name);
    expect(names).toEqual(expect.arrayContaining(['DefaultTheme', 'DarkTheme', 'NeutralTheme']));
  });

  it.each(composed)('%s renders the login with its appearance adopted', async (name, Story) => {
    const canvasElement = document.createElement('div');
    document.body.append(canvasElement);
    await Story.run({ canvasElement });
    if (name === 'SideBySide') {
      const logins = [...canvasElement.querySelectorAll('orgauth-login')] as HTMLElement[];
      expect(logins.map((el) => appearanceCss(el).match(/color-scheme: (\w+)/)?.[1])).toEqual([
        'light',
        'dark',
        'light',
      ]);
      expect(appearanceCss(logins[2] as HTMLElement)).toContain('--orgauth-color-primary: #18181b');
      return;
    }
    const el = loginIn(canvasElement);
    await untilStep(el, 'email');
    const css = appearanceCss(el);
    const scheme = Story.args.theme === 'dark' ? 'dark' : 'light';
    expect(css).toContain(`color-scheme: ${scheme}`);
    if (Story.args.colorPrimary) expect(css).toContain(`--orgauth-color-primary: ${Story.args.colorPrimary}`);
    if (Story.args.logoImageUrl) expect(el.shadowRoot?.querySelector('[part~="logo-image"]')).not.toBeNull();
    if (Story.args.elements?.card) {
      expect(el.shadowRoot?.querySelector('[part~="card"]')?.className).toContain(String(Story.args.elements.card));
    }
  });
});
