import { LOGIN_STEPS, type LoginStep } from '@orgauth/core';
import { describe, expect, it } from 'vitest';
import * as stories from './login.stories.js';
import type { LoginStoryParameters } from './login.stories.js';

/** Every exported story (the default export is the meta), with the step it declares. */
const all = Object.entries(stories)
  .filter(([name]) => name !== 'default')
  .map(([name, story]) => ({
    name,
    step: (story as { parameters?: Partial<LoginStoryParameters> }).parameters?.loginStep,
    theme: (story as { args?: { theme?: string } }).args?.theme ?? stories.default.args?.theme,
  }));

describe('login stories cover the login machine', () => {
  it('every story declares a known login step', () => {
    for (const { name, step } of all) expect(LOGIN_STEPS, `story ${name}`).toContain(step);
  });

  it.each(LOGIN_STEPS.map((step) => [step]))('step "%s" has a light story', (step: LoginStep) => {
    expect(all.filter((s) => s.step === step && s.theme === 'light').map((s) => s.name)).not.toHaveLength(0);
  });

  it.each(LOGIN_STEPS.map((step) => [step]))('step "%s" has a dark story', (step: LoginStep) => {
    expect(all.filter((s) => s.step === step && s.theme === 'dark').map((s) => s.name)).not.toHaveLength(0);
  });

  it('every light story of a step has its Dark* twin', () => {
    const names = new Set(all.map((s) => s.name));
    const light = all.filter((s) => s.theme === 'light' && s.name !== 'Themed' && s.name !== 'Parts');
    for (const { name } of light) expect(names, `Dark${name}`).toContain(`Dark${name}`);
  });

  it('has the Themed and Parts stories', () => {
    expect(all.map((s) => s.name)).toEqual(expect.arrayContaining(['Themed', 'Parts']));
  });
});
