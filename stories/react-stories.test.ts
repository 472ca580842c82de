import { setProjectAnnotations } from '@storybook/web-components-vite';
import { composeStories } from 'storybook/preview-api';
import { afterEach, describe, expect, it } from 'vitest';
import preview from './.storybook/preview.js';
import * as stories from './react.stories.js';
import type { ReactArgs } from './react.stories.js';

const projectAnnotations = setProjectAnnotations([preview]);

afterEach(() => document.body.replaceChildren());

interface ComposedReactStory {
  args: Partial<ReactArgs>;
  parameters: { tag?: string } & Record<string, unknown>;
  run(context?: { canvasElement?: HTMLElement }): Promise<void>;
}

// preview-api's composeStories is typed for the generic renderer, whose args do not fit ReactArgs.
const composed = Object.entries(
  composeStories(stories as never, projectAnnotations) as Record<string, ComposedReactStory>,
);

describe('React component stories', () => {
  it('cover the four React components', () => {
    expect(composed.map(([, s]) => s.parameters.tag).sort()).toEqual([
      'orgauth-login',
      'orgauth-organization-members',
      'orgauth-organization-settings',
      'orgauth-organization-switcher',
    ]);
  });

  it.each(composed)('%s renders its element through React, with the client from the provider', async (_name, Story) => {
    const canvasElement = document.createElement('div');
    document.body.append(canvasElement);
    // run = loader (scripted client) → render (createRoot + flushSync) → play (waits for the screen).
    await Story.run({ canvasElement });
    const el = canvasElement.querySelector(Story.parameters.tag as string) as HTMLElement & { client?: unknown };
    expect(el).not.toBeNull();
    expect(el.getAttribute('theme')).toBe(Story.args.theme);
    expect(el.client).toBeDefined();
  });
});
