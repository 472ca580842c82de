import type { B2BClient } from '@orgauth/core';
import type { OrgAuthTheme } from '@orgauth/elements';
import { OrgAuthProvider } from '@orgauth/react';
import { OrganizationMembers, OrganizationSettings, OrganizationSwitcher } from '@orgauth/react/account';
import { Login } from '@orgauth/react/components';
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import type { LitElement } from 'lit';
import { createElement, type ComponentType } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { emailClient } from './login-clients.js';
import { loginIn, untilStep } from './login-driver.js';
import { declarationOf } from './manifest.js';
import { membersClient, settingsClient } from './panel-clients.js';
import { panelIn, untilShown } from './panel-driver.js';
import { MEMBERS_SHOWS, SETTINGS_SHOWS } from './panel-states.js';
import { organizationsClient } from './switcher-clients.js';
import { SWITCHER_SHOWS } from './switcher-states.js';
import { themingArgTypes, type TokenArgs } from './.storybook/theming.js';

// The @orgauth/react components, rendered by React (react-dom/client) inside this web-components
// Storybook: each story mounts `<OrgAuthProvider client><Component theme /></OrgAuthProvider>` in a
// container it hands to Storybook, over the same scripted clients as the element stories.

/** Story args: the component's `theme` prop and the theming controls. */
export type ReactArgs = TokenArgs & { theme: OrgAuthTheme };

type Story = StoryObj<ReactArgs> & { parameters: { tag: string } };

/** One React root per canvas (a docs page has several): a re-render unmounts the previous tree. */
const roots = new WeakMap<HTMLElement, Root>();

const themeOf = (args: ReactArgs, context: StoryContext<ReactArgs>): OrgAuthTheme => {
  const global = context.globals.theme as string | undefined;
  return global === 'light' || global === 'dark' || global === 'auto' ? global : args.theme;
};

const meta: Meta<ReactArgs> = {
  title: 'React/Components',
  args: { theme: 'light' },
  argTypes: { theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] } },
  parameters: { layout: 'padded' },
};
export default meta;

/**
 * A story of the React `component` (the wrapper of `<tag>`), with `client()` from its loader: the
 * token and part controls of `<tag>` (from the manifest), and `play` waiting for `selector` inside it.
 */
function story(
  tag: string,
  component: ComponentType<{ theme: OrgAuthTheme }>,
  client: () => B2BClient,
  selector: string,
): Story {
  return {
    parameters: { tag },
    argTypes: themingArgTypes(declarationOf(tag)),
    loaders: [() => ({ client: client() })],
    render: (args, context) => {
      const container = context.canvasElement.ownerDocument.createElement('div');
      roots.get(context.canvasElement)?.unmount();
      const root = createRoot(container);
      roots.set(context.canvasElement, root);
      const tree = createElement(
        OrgAuthProvider,
        { client: context.loaded.client as B2BClient },
        createElement(component, { theme: themeOf(args, context) }),
      );
      // Synchronously, so the element exists when Storybook attaches the container and runs `play`.
      flushSync(() => root.render(tree));
      return container;
    },
    play: async ({ canvasElement }) => {
      await untilShown(panelIn<LitElement>(canvasElement, tag), selector);
    },
  };
}

/** `<Login>` (`@orgauth/react/components`), on its email step. */
export const LoginComponent: Story = {
  ...story('orgauth-login', Login, () => emailClient(), 'form #email'),
  name: 'Login',
  play: async ({ canvasElement }) => untilStep(loginIn(canvasElement), 'email'),
};

/** `<OrganizationSwitcher>` (`@orgauth/react/account`), closed. */
export const OrganizationSwitcherComponent: Story = {
  ...story('orgauth-organization-switcher', OrganizationSwitcher, organizationsClient, SWITCHER_SHOWS.closed.selector),
  name: 'OrganizationSwitcher',
  parameters: { tag: 'orgauth-organization-switcher' },
};

/** `<OrganizationMembers>` (`@orgauth/react/account`), as an admin sees it. */
export const OrganizationMembersComponent: Story = {
  ...story('orgauth-organization-members', OrganizationMembers, () => membersClient(), MEMBERS_SHOWS.admin.selector),
  name: 'OrganizationMembers',
};

/** `<OrganizationSettings>` (`@orgauth/react/account`), editable. */
export const OrganizationSettingsComponent: Story = {
  ...story(
    'orgauth-organization-settings',
    OrganizationSettings,
    () => settingsClient(),
    SETTINGS_SHOWS.admin.selector,
  ),
  name: 'OrganizationSettings',
};
