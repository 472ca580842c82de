import type { B2BClient } from '@orgauth/core';
import type { OrgAuthTheme } from '@orgauth/elements';
import type { OrgAuthOrganizationSwitcher } from '@orgauth/elements/account';
import '@orgauth/elements/account';
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { emptyClient, failingClient, loadingClient, organizationsClient, switchingClient } from './switcher-clients.js';
import { switcherIn, untilShown } from './switcher-driver.js';
import type { TokenArgs } from './.storybook/theming.js';
import { SWITCHER_SHOWS, type SwitcherStoryState } from './switcher-states.js';

/** Story args: the element's `theme` and the token controls. The client comes from each story's loader. */
export type SwitcherArgs = TokenArgs & { theme: OrgAuthTheme };

/** Which screen a story shows; `coverage.test.ts` and `switcher-stories.test.ts` read it. */
export interface SwitcherStoryParameters {
  switcherState: SwitcherStoryState;
}

type Story = StoryObj<SwitcherArgs> & { parameters: SwitcherStoryParameters };

/** Opens the menu as a keyboard user does (Enter on the button), then waits for the state's screen. */
async function openTo(canvasElement: HTMLElement, state: SwitcherStoryState): Promise<OrgAuthOrganizationSwitcher> {
  const el = switcherIn(canvasElement);
  const button = (await untilShown(el, '#button')) as HTMLElement;
  button.focus();
  button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true, cancelable: true }));
  await untilShown(el, state === 'switching' ? '[role="menuitemradio"]' : SWITCHER_SHOWS[state].selector);
  return el;
}

const themeOf = (args: SwitcherArgs, context: StoryContext<SwitcherArgs>): OrgAuthTheme => {
  const global = context.globals.theme as string | undefined;
  return global === 'light' || global === 'dark' || global === 'auto' ? global : args.theme;
};

const meta: Meta<SwitcherArgs> = {
  title: 'Account/orgauth-organization-switcher',
  component: 'orgauth-organization-switcher',
  args: { theme: 'light' },
  argTypes: { theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] } },
  // Room under the button for the panel, which floating-ui places below it (or above, near the edge).
  parameters: { layout: 'padded' },
  render: (args, context) =>
    html`<div style="min-block-size: 26rem"><orgauth-organization-switcher .client=${context.loaded.client as B2BClient}
      theme=${themeOf(args, context)}></orgauth-organization-switcher></div>`,
};
export default meta;

/** A story of `state` on the client `client()` builds, opened by `play` unless closed. */
const story = (state: SwitcherStoryState, client: () => B2BClient, play?: Story['play']): Story => ({
  parameters: { switcherState: state },
  loaders: [() => ({ client: client() })],
  play:
    play ??
    (async ({ canvasElement }) => {
      if (state === 'closed') await untilShown(switcherIn(canvasElement), SWITCHER_SHOWS.closed.selector);
      else await openTo(canvasElement, state);
    }),
});

/** The same story on the dark theme. */
const dark = (light: Story): Story => ({ ...light, args: { ...light.args, theme: 'dark' } });

export const Closed = story('closed', organizationsClient);
export const DarkClosed = dark(Closed);
export const Open = story('open', organizationsClient);
export const DarkOpen = dark(Open);
export const Loading = story('loading', loadingClient);
export const DarkLoading = dark(Loading);
export const Empty = story('empty', emptyClient);
export const DarkEmpty = dark(Empty);
export const ListFailed = story('error', failingClient);
export const DarkListFailed = dark(ListFailed);
export const Switching = story('switching', switchingClient, async ({ canvasElement }) => {
  const el = await openTo(canvasElement, 'switching');
  const globex = (await untilShown(el, '[data-membership="invited_member"]')) as HTMLElement;
  globex.click();
  await untilShown(el, SWITCHER_SHOWS.switching.selector);
});
export const DarkSwitching = dark(Switching);

/** Every `--orgauth-*` token the switcher reads, as the controls set them (they inherit into the element). */
export const Themed: Story = {
  ...Open,
  args: {
    ...Open.args,
    '--orgauth-color-primary': '#0f766e',
    '--orgauth-color-on-primary': '#ffffff',
    '--orgauth-color-text': '#1f2937',
    '--orgauth-color-muted': '#4b5563',
    '--orgauth-color-background': '#fffdf7',
    '--orgauth-color-surface': '#ecfdf5',
    '--orgauth-color-border': '#99f6e4',
    '--orgauth-color-danger': '#b91c1c',
    '--orgauth-radius': '2px',
    '--orgauth-font-family': 'Georgia, serif',
    '--orgauth-font-size': '16px',
    '--orgauth-button-radius': '999px',
    '--orgauth-switcher-width': '18em',
    '--orgauth-switcher-background': '#f0fdfa',
    '--orgauth-panel-shadow': 'none',
    '--orgauth-avatar-size': '2em',
  },
};
