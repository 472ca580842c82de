import type { B2BClient } from '@orgauth/core';
import '@orgauth/elements/account';
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { LOCALES } from './locales.stories.js';
import { membersClient, settingsClient } from './panel-clients.js';
import { untilShown } from './panel-driver.js';
import { organizationsClient } from './switcher-clients.js';

/** Story args: the pack's tag (see `LOCALES`). */
export type AccountLocaleArgs = { locale: string };

/** Which element a story shows; account-locales-stories.test.ts reads it. */
export interface AccountLocaleParameters {
  tag: 'orgauth-organization-switcher' | 'orgauth-organization-members' | 'orgauth-organization-settings';
}

type Story = StoryObj<AccountLocaleArgs> & { parameters: AccountLocaleParameters };

const meta: Meta<AccountLocaleArgs> = {
  title: 'Locales/account elements',
  args: { locale: 'ar-XB' },
  argTypes: { locale: { control: 'select', options: Object.keys(LOCALES) } },
  parameters: { layout: 'padded' },
};
export default meta;

const packOf = (context: StoryContext<AccountLocaleArgs>) => LOCALES[context.args.locale];
const clientOf = (context: StoryContext<AccountLocaleArgs>) => context.loaded.client as B2BClient;

/** A story of the element `tag`, rendered by `render`, shown once `selector` is there. */
const story = (
  tag: AccountLocaleParameters['tag'],
  locale: string,
  client: () => B2BClient,
  render: (context: StoryContext<AccountLocaleArgs>) => TemplateResult,
  selector: string,
  open = false,
): Story => ({
  args: { locale },
  parameters: { tag },
  loaders: [() => ({ client: client() })],
  render: (_args, context) => render(context),
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector(tag);
    if (!el) throw new Error(`The story rendered no <${tag}>.`);
    if (open) {
      const button = (await untilShown(el, '#button')) as HTMLElement;
      button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    }
    await untilShown(el, selector);
  },
});

const switcher = (context: StoryContext<AccountLocaleArgs>) =>
  html`<div style="min-block-size: 26rem"><orgauth-organization-switcher .client=${clientOf(context)} .locale=${packOf(context)}></orgauth-organization-switcher></div>`;
const members = (context: StoryContext<AccountLocaleArgs>) =>
  html`<orgauth-organization-members .client=${clientOf(context)} .locale=${packOf(context)}></orgauth-organization-members>`;
const settings = (context: StoryContext<AccountLocaleArgs>) =>
  html`<orgauth-organization-settings .client=${clientOf(context)} .locale=${packOf(context)}></orgauth-organization-settings>`;

/** The open menu right-to-left: floating-ui lines it up with the button's right edge. */
export const SwitcherRightToLeft = story(
  'orgauth-organization-switcher',
  'ar-XB',
  organizationsClient,
  switcher,
  '[role="menuitemradio"]',
  true,
);
export const MembersRightToLeft = story('orgauth-organization-members', 'ar-XB', membersClient, members, 'table');
export const MembersGerman = story('orgauth-organization-members', 'de', membersClient, members, 'table');
export const SettingsRightToLeft = story('orgauth-organization-settings', 'ar-XB', settingsClient, settings, 'form');
export const SettingsJapanese = story('orgauth-organization-settings', 'ja', settingsClient, settings, 'form');
