import type { B2BClient } from '@orgauth/core';
import type { OrgAuthTheme } from '@orgauth/elements';
import '@orgauth/elements/account';
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html, type LitElement } from 'lit';
import {
  failingSettingsClient,
  loadingSettingsClient,
  readOnlySettingsClient,
  settingsClient,
} from './panel-clients.js';
import { panelIn, typeInto, untilShown } from './panel-driver.js';
import { SETTINGS_SHOWS, type SettingsStoryState } from './panel-states.js';

/** Story args: the element's `theme`. The client comes from each story's loader. */
export type SettingsArgs = { theme: OrgAuthTheme };

/** Which screen a story shows; `coverage.test.ts` and `panel-stories.test.ts` read it. */
export interface SettingsStoryParameters {
  panelState: SettingsStoryState;
}

type Story = StoryObj<SettingsArgs> & { parameters: SettingsStoryParameters };

const TAG = 'orgauth-organization-settings';

const themeOf = (args: SettingsArgs, context: StoryContext<SettingsArgs>): OrgAuthTheme => {
  const global = context.globals.theme as string | undefined;
  return global === 'light' || global === 'dark' || global === 'auto' ? global : args.theme;
};

const meta: Meta<SettingsArgs> = {
  title: 'Account/orgauth-organization-settings',
  component: TAG,
  args: { theme: 'light' },
  argTypes: { theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] } },
  parameters: { layout: 'padded' },
  render: (args, context) =>
    html`<orgauth-organization-settings .client=${context.loaded.client as B2BClient} theme=${themeOf(args, context)}></orgauth-organization-settings>`,
};
export default meta;

/** Edits a field and submits the form, as a person does. */
async function saveWith(el: LitElement, selector: string, value: string): Promise<void> {
  await typeInto(el, selector, value);
  await el.updateComplete;
  ((await untilShown(el, 'form')) as HTMLFormElement).requestSubmit();
}

/** A story of `state` on the client `client()` builds; `act` drives it there, then its screen is awaited. */
const story = (state: SettingsStoryState, client: () => B2BClient, act?: (el: LitElement) => Promise<void>): Story => ({
  parameters: { panelState: state },
  loaders: [() => ({ client: client() })],
  play: async ({ canvasElement }) => {
    const el = panelIn<LitElement>(canvasElement, TAG);
    await act?.(el);
    await untilShown(el, SETTINGS_SHOWS[state].selector, SETTINGS_SHOWS[state].words);
  },
});

/** The same story on the dark theme. */
const dark = (light: Story): Story => ({ ...light, args: { ...light.args, theme: 'dark' } });

export const AdminView = story('admin', () => settingsClient());
export const DarkAdminView = dark(AdminView);
export const ReadOnly = story('read-only', readOnlySettingsClient);
export const DarkReadOnly = dark(ReadOnly);
export const Loading = story('loading', loadingSettingsClient);
export const DarkLoading = dark(Loading);
export const LoadFailed = story('error', failingSettingsClient);
export const DarkLoadFailed = dark(LoadFailed);
export const Invalid = story(
  'invalid',
  () => settingsClient(),
  (el) => saveWith(el, '#slug', 'Not A Slug'),
);
export const DarkInvalid = dark(Invalid);
export const Saved = story(
  'saved',
  () => settingsClient(),
  (el) => saveWith(el, '#name', 'Acme Corporation'),
);
export const DarkSaved = dark(Saved);
