import { setProjectAnnotations } from '@storybook/web-components-vite';
import { composeStories } from 'storybook/preview-api';
import { afterEach, describe, expect, it } from 'vitest';
import preview from './.storybook/preview.js';
import { headingText, loginIn } from './login-driver.js';
import * as localeStories from './locales.stories.js';
import { LOCALES, type LocaleArgs } from './locales.stories.js';

const projectAnnotations = setProjectAnnotations([preview]);

afterEach(() => document.body.replaceChildren());

interface ComposedStory {
  args: Partial<LocaleArgs>;
  run(context?: { canvasElement?: HTMLElement }): Promise<void>;
}

const composed = Object.entries(
  composeStories(localeStories as never, projectAnnotations) as Record<string, ComposedStory>,
);

describe('locale stories', () => {
  it('cover every pack', () => {
    expect(new Set(composed.map(([, s]) => s.args.locale))).toEqual(new Set(Object.keys(LOCALES)));
  });

  it.each(composed)('%s renders in its pack’s words, language and direction', async (_name, Story) => {
    const canvasElement = document.createElement('div');
    document.body.append(canvasElement);
    await Story.run({ canvasElement });
    const pack = LOCALES[Story.args.locale ?? '']!;
    const el = loginIn(canvasElement);
    const card = el.shadowRoot?.querySelector<HTMLElement>('[part~="card"]');
    expect([card?.lang, card?.dir]).toEqual([pack.locale, pack.dir]);
    const step = card?.dataset.step;
    const heading = step === 'email' ? pack.messages['email.heading'] : pack.messages['emailSent.heading'];
    expect(headingText(el)).toBe(heading);
  });
});
