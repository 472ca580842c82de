import { setProjectAnnotations } from '@storybook/web-components-vite';
import type { LitElement } from 'lit';
import { composeStories } from 'storybook/preview-api';
import { afterEach, describe, expect, it } from 'vitest';
import preview from './.storybook/preview.js';
import * as membersStories from './organization-members.stories.js';
import * as settingsStories from './organization-settings.stories.js';
import { panelIn } from './panel-driver.js';
import { MEMBERS_SHOWS, SETTINGS_SHOWS, type PanelShows } from './panel-states.js';

const projectAnnotations = setProjectAnnotations([preview]);

afterEach(() => document.body.replaceChildren());

interface ComposedPanelStory {
  args: { theme?: string };
  parameters: { panelState?: string } & Record<string, unknown>;
  run(context?: { canvasElement?: HTMLElement }): Promise<void>;
}

// preview-api's composeStories is typed for the generic renderer, whose args do not fit the panels'.
const compose = (module: object) =>
  Object.entries(composeStories(module as never, projectAnnotations) as Record<string, ComposedPanelStory>);

const PANELS = [
  {
    tag: 'orgauth-organization-members',
    stories: compose(membersStories),
    shows: MEMBERS_SHOWS as Record<string, PanelShows>,
  },
  {
    tag: 'orgauth-organization-settings',
    stories: compose(settingsStories),
    shows: SETTINGS_SHOWS as Record<string, PanelShows>,
  },
];

describe.each(PANELS)('$tag stories', ({ tag, stories, shows }) => {
  it('are all composed, one light and one dark per screen', () => {
    expect(stories.length).toBe(Object.keys(shows).length * 2);
  });

  it.each(stories)('%s shows its screen', async (_name, Story) => {
    const canvasElement = document.createElement('div');
    document.body.append(canvasElement);
    // run = loaders (build the scripted client) → render → play (act as a person, reach the screen).
    await Story.run({ canvasElement });
    const el = panelIn<LitElement>(canvasElement, tag);
    expect(el.getAttribute('theme')).toBe(Story.args.theme);
    const state = Story.parameters.panelState;
    if (!state) throw new Error('coverage.test.ts proves every story names its screen');
    const { selector, words, absent } = shows[state]!;
    const shown = el.shadowRoot?.querySelector(selector);
    expect(shown, state).not.toBeNull();
    if (words) expect(shown?.textContent?.trim(), state).not.toBe('');
    if (absent) expect(el.shadowRoot?.querySelector(absent), `${state}: ${absent}`).toBeNull();
  });
});
