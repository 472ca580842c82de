import { LOGIN_STEPS, type LoginStep } from '@orgauth/core';
import { describe, expect, it } from 'vitest';
import * as emailStories from './login-email.stories.js';
import * as factorStories from './login-factors-flow.stories.js';
import * as oauthStories from './login-oauth.stories.js';
import { LOGIN_STATES, type LoginStoryState } from './login-states.js';
import * as stories from './login.stories.js';
import * as membersStories from './organization-members.stories.js';
import * as settingsStories from './organization-settings.stories.js';
import { MEMBERS_STATES, SETTINGS_STATES } from './panel-states.js';
import type { LoginStoryParameters } from './login.stories.js';
import * as switcherStories from './organization-switcher.stories.js';
import type { SwitcherStoryParameters } from './organization-switcher.stories.js';
import { SWITCHER_STATES } from './switcher-states.js';

type Parameters = Partial<LoginStoryParameters> & { loginState?: LoginStoryState };

/** Every exported story of both files (the default export is the meta), with the step and state it declares. */
const all = [stories, emailStories, oauthStories, factorStories].flatMap((module) =>
  Object.entries(module)
    .filter(([name]) => name !== 'default')
    .map(([name, story]) => ({
      name,
      step: (story as { parameters?: Parameters }).parameters?.loginStep,
      state: (story as { parameters?: Parameters }).parameters?.loginState,
      theme: (story as { args?: { theme?: string } }).args?.theme ?? module.default.args?.theme,
    })),
);

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

  it.each(LOGIN_STATES.map((state) => [state]))('screen "%s" has a light and a dark story', (state) => {
    const themes = all.filter((s) => s.state === state).map((s) => s.theme);
    expect(themes).toContain('light');
    expect(themes).toContain('dark');
  });

  it('every story that names a screen names a known one', () => {
    for (const { name, state } of all) if (state !== undefined) expect(LOGIN_STATES, `story ${name}`).toContain(state);
  });

  it('has the Themed and Parts stories', () => {
    expect(all.map((s) => s.name)).toEqual(expect.arrayContaining(['Themed', 'Parts']));
  });
});

describe('switcher stories cover the switcher’s screens', () => {
  const switcher = Object.entries(switcherStories)
    .filter(([name]) => name !== 'default')
    .map(([name, story]) => ({
      name,
      state: (story as { parameters?: Partial<SwitcherStoryParameters> }).parameters?.switcherState,
      theme: (story as { args?: { theme?: string } }).args?.theme ?? switcherStories.default.args?.theme,
    }));

  it('every story names a known screen', () => {
    for (const { name, state } of switcher) expect(SWITCHER_STATES, `story ${name}`).toContain(state);
  });

  it.each(SWITCHER_STATES.map((state) => [state]))('screen "%s" has a light and a dark story', (state) => {
    const themes = switcher.filter((s) => s.state === state).map((s) => s.theme);
    expect(themes).toContain('light');
    expect(themes).toContain('dark');
  });

  it('every light story has its Dark* twin, and the Themed story exists', () => {
    const names = new Set(switcher.map((s) => s.name));
    for (const { name } of switcher.filter((s) => s.theme === 'light' && s.name !== 'Themed'))
      expect(names, `Dark${name}`).toContain(`Dark${name}`);
    expect(names).toContain('Themed');
  });
});

/** The stories of one signed-in panel, each with the screen it names and its theme. */
const panelStories = (module: Record<string, unknown> & { default: { args?: { theme?: string } } }) =>
  Object.entries(module)
    .filter(([name]) => name !== 'default')
    .map(([name, story]) => ({
      name,
      state: (story as { parameters?: { panelState?: string } }).parameters?.panelState,
      theme: (story as { args?: { theme?: string } }).args?.theme ?? module.default.args?.theme,
    }));

describe.each([
  { panel: 'members', stories: panelStories(membersStories), states: MEMBERS_STATES as readonly string[] },
  { panel: 'settings', stories: panelStories(settingsStories), states: SETTINGS_STATES as readonly string[] },
])('$panel stories cover every screen', ({ stories: all, states }) => {
  it('every story names a known screen', () => {
    for (const { name, state } of all) expect(states, `story ${name}`).toContain(state);
  });

  it.each(states.map((state) => [state]))('screen "%s" has a light and a dark story', (state) => {
    const themes = all.filter((s) => s.state === state).map((s) => s.theme);
    expect(themes).toContain('light');
    expect(themes).toContain('dark');
  });

  it('every light story has its Dark* twin', () => {
    const names = new Set(all.map((s) => s.name));
    for (const { name } of all.filter((s) => s.theme === 'light'))
      expect(names, `Dark${name}`).toContain(`Dark${name}`);
  });
});
