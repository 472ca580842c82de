import { setProjectAnnotations } from '@storybook/web-components-vite';
import { composeStories } from 'storybook/preview-api';
import { afterEach, describe, expect, it } from 'vitest';
import preview from './.storybook/preview.js';
import * as stories from './organization-switcher.stories.js';
import type { SwitcherArgs, SwitcherStoryParameters } from './organization-switcher.stories.js';
import { switcherIn } from './switcher-driver.js';
import { SWITCHER_SHOWS } from './switcher-states.js';

const projectAnnotations = setProjectAnnotations([preview]);

afterEach(() => document.body.replaceChildren());

interface ComposedSwitcherStory {
  args: Partial<SwitcherArgs>;
  parameters: Partial<SwitcherStoryParameters> & Record<string, unknown>;
  run(context?: { canvasElement?: HTMLElement }): Promise<void>;
}

// preview-api's composeStories is typed for the generic renderer, whose args do not fit SwitcherArgs.
const composed = Object.entries(
  composeStories(stories as never, projectAnnotations) as Record<string, ComposedSwitcherStory>,
);

describe('organization switcher stories', () => {
  it('are all composed', () => {
    expect(composed.length).toBeGreaterThanOrEqual(13);
  });

  it.each(composed)('%s shows its screen', async (_name, Story) => {
    const canvasElement = document.createElement('div');
    document.body.append(canvasElement);
    // run = loaders (build the scripted client) → render → play (open the menu, reach the screen).
    await Story.run({ canvasElement });
    const el = switcherIn(canvasElement);
    expect(el.getAttribute('theme')).toBe(Story.args.theme);
    const state = Story.parameters.switcherState;
    if (!state) throw new Error('coverage.test.ts proves every story names its screen');
    expect(el.open).toBe(state !== 'closed');
    const shown = el.shadowRoot?.querySelector(SWITCHER_SHOWS[state].selector);
    expect(shown, state).not.toBeNull();
    if (SWITCHER_SHOWS[state].words) expect(shown?.textContent?.trim(), state).not.toBe('');
  });
});
