import type { B2BClient } from '@orgauth/core';
import type { OrgAuthTheme } from '@orgauth/elements';
import '@orgauth/elements/account';
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html, type LitElement } from 'lit';
import {
  emptySearchClient,
  failingMembersClient,
  loadingMembersClient,
  membersClient,
  plainMemberClient,
  viewerMembersClient,
} from './panel-clients.js';
import { clickOn, panelIn, typeInto, untilShown } from './panel-driver.js';
import { MEMBERS_SHOWS, type MembersStoryState } from './panel-states.js';

/** Story args: the element's `theme`. The client comes from each story's loader. */
export type PanelArgs = { theme: OrgAuthTheme };

/** Which screen a story shows; `coverage.test.ts` and `panel-stories.test.ts` read it. */
export interface MembersStoryParameters {
  panelState: MembersStoryState;
}

type Story = StoryObj<PanelArgs> & { parameters: MembersStoryParameters };

const TAG = 'orgauth-organization-members';

const themeOf = (args: PanelArgs, context: StoryContext<PanelArgs>): OrgAuthTheme => {
  const global = context.globals.theme as string | undefined;
  return global === 'light' || global === 'dark' || global === 'auto' ? global : args.theme;
};

const meta: Meta<PanelArgs> = {
  title: 'Account/orgauth-organization-members',
  component: TAG,
  args: { theme: 'light' },
  argTypes: { theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] } },
  parameters: { layout: 'padded' },
  render: (args, context) =>
    html`<orgauth-organization-members .client=${context.loaded.client as B2BClient} theme=${themeOf(args, context)}></orgauth-organization-members>`,
};
export default meta;

/** A story of `state` on the client `client()` builds; `act` drives it there, then its screen is awaited. */
const story = (state: MembersStoryState, client: () => B2BClient, act?: (el: LitElement) => Promise<void>): Story => ({
  parameters: { panelState: state },
  loaders: [() => ({ client: client() })],
  play: async ({ canvasElement }) => {
    const el = panelIn<LitElement>(canvasElement, TAG);
    await act?.(el);
    await untilShown(el, MEMBERS_SHOWS[state].selector, MEMBERS_SHOWS[state].words);
  },
});

/** The same story on the dark theme. */
const dark = (light: Story): Story => ({ ...light, args: { ...light.args, theme: 'dark' } });

export const AdminView = story('admin', () => membersClient());
export const DarkAdminView = dark(AdminView);
export const MemberView = story('member', viewerMembersClient);
export const DarkMemberView = dark(MemberView);
export const NotAllowed = story('not-allowed', plainMemberClient);
export const DarkNotAllowed = dark(NotAllowed);
export const EmptySearch = story('empty', emptySearchClient, async (el) => {
  await untilShown(el, 'tbody tr');
  await typeInto(el, '#member-search', 'nobody');
});
export const DarkEmptySearch = dark(EmptySearch);
export const Loading = story('loading', loadingMembersClient);
export const DarkLoading = dark(Loading);
export const ListFailed = story('error', failingMembersClient);
export const DarkListFailed = dark(ListFailed);
export const ConfirmRemove = story(
  'confirm',
  () => membersClient(),
  (el) => clickOn(el, 'tbody [part~="remove-button"]'),
);
export const DarkConfirmRemove = dark(ConfirmRemove);
export const InviteForm = story(
  'invite',
  () => membersClient(),
  (el) => clickOn(el, '[part~="invite-button"]'),
);
export const DarkInviteForm = dark(InviteForm);
