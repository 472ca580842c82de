import { setProjectAnnotations } from '@storybook/web-components-vite';
import { composeStories } from 'storybook/preview-api';
import { afterEach, describe, expect, it } from 'vitest';
import preview from './.storybook/preview.js';
import * as stories from './account-locales.stories.js';
import type { AccountLocaleArgs, AccountLocaleParameters } from './account-locales.stories.js';
import { LOCALES } from './locales.stories.js';

const projectAnnotations = setProjectAnnotations([preview]);

afterEach(() => document.body.replaceChildren());

interface ComposedStory {
  args: Partial<AccountLocaleArgs>;
  parameters: AccountLocaleParameters;
  run(context?: { canvasElement?: HTMLElement }): Promise<void>;
}

const composed = Object.entries(composeStories(stories as never, projectAnnotations) as Record<string, ComposedStory>);

describe('account locale stories', () => {
  it.each(composed)('%s renders with its pack’s language and direction', async (_name, Story) => {
    const canvasElement = document.createElement('div');
    document.body.append(canvasElement);
    await Story.run({ canvasElement });
    const pack = LOCALES[Story.args.locale ?? '']!;
    const root = canvasElement.querySelector(Story.parameters.tag)?.shadowRoot;
    const shown = root?.querySelector<HTMLElement>('[part~="card"], #button');
    expect([shown?.lang, shown?.dir]).toEqual([pack.locale, pack.dir]);
  });
});
