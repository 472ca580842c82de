import type { B2BClient, LoginConfig, LoginStep } from '@orgauth/core';
import '@orgauth/elements/define';
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { ORGANIZATION_SLUG } from './login-clients.js';
import { click, loginIn, until, untilStep } from './login-driver.js';
import {
  OAUTH_CONFIG,
  oauthDiscoveryClient,
  oauthErrorClient,
  oauthOrganizationClient,
} from './login-oauth-clients.js';
import type { LoginArgs, LoginStoryParameters } from './login.stories.js';

/** Story args: the theme, the login's `config` and, on an organization's page, its slug. */
export type OAuthLoginArgs = LoginArgs & { config?: LoginConfig };

type Story = StoryObj<OAuthLoginArgs> & { parameters: LoginStoryParameters };

const themeOf = (args: OAuthLoginArgs, context: StoryContext<OAuthLoginArgs>) => {
  const global = context.globals.theme as string | undefined;
  return global === 'light' || global === 'dark' || global === 'auto' ? global : args.theme;
};

const meta: Meta<OAuthLoginArgs> = {
  title: 'Login/OAuth providers',
  component: 'orgauth-login',
  args: { theme: 'light', config: OAUTH_CONFIG },
  argTypes: { theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] } },
  render: (args, context) =>
    html`<orgauth-login .client=${context.loaded.client as B2BClient} .config=${args.config} theme=${themeOf(args, context)} organization-slug=${args.organizationSlug ?? nothing}></orgauth-login>`,
};
export default meta;

const story = (loginStep: LoginStep, client: () => B2BClient, play: NonNullable<Story['play']>): Story => ({
  parameters: { loginStep },
  loaders: [() => ({ client: client() })],
  play,
});

/** A story of an organization's page: the element carries `organization-slug`. */
const onOrganizationPage = (light: Story): Story => ({
  ...light,
  args: { ...light.args, organizationSlug: ORGANIZATION_SLUG },
});

/** The same story on the dark theme. */
const dark = (light: Story): Story => ({ ...light, args: { ...light.args, theme: 'dark' } });

type El = ReturnType<typeof loginIn>;
const oauthButtonsShown = (el: El) =>
  until(el, () => (el.shadowRoot?.querySelectorAll('[part~="oauth-button"]').length ?? 0) > 0, 'the OAuth buttons');

/** Discovery: "Continue with Google / Microsoft / GitHub", "or", then the email form. */
export const OAuthDiscovery = story('email', oauthDiscoveryClient, async ({ canvasElement }) =>
  oauthButtonsShown(loginIn(canvasElement)),
);

/** An organization's page: its SSO connections, then only the providers it allows (Google, Microsoft). */
export const OAuthOrganization = onOrganizationPage(
  story(
    'organization-login',
    () => oauthOrganizationClient(),
    async ({ canvasElement }) => oauthButtonsShown(loginIn(canvasElement)),
  ),
);

/** "Redirecting to Google…" while the browser leaves for the provider. */
export const OAuthRedirecting = story('oauth-redirecting', oauthDiscoveryClient, async ({ canvasElement }) => {
  const el = loginIn(canvasElement);
  await oauthButtonsShown(el);
  click(el, 'Continue with Google');
  await untilStep(el, 'oauth-redirecting');
});

/** Back from the provider with an address it did not verify: refused, in words. */
export const OAuthErrorUnverifiedEmail = story(
  'error',
  oauthErrorClient('oauth_email_unverified'),
  async ({ canvasElement }) => untilStep(loginIn(canvasElement), 'error'),
);

/** Back from an organization that does not allow that provider: refused, in words. */
export const OAuthErrorNotAllowed = story('error', oauthErrorClient('oauth_not_allowed'), async ({ canvasElement }) =>
  untilStep(loginIn(canvasElement), 'error'),
);

export const DarkOAuthDiscovery = dark(OAuthDiscovery);
export const DarkOAuthOrganization = dark(OAuthOrganization);
export const DarkOAuthRedirecting = dark(OAuthRedirecting);
export const DarkOAuthErrorUnverifiedEmail = dark(OAuthErrorUnverifiedEmail);
export const DarkOAuthErrorNotAllowed = dark(OAuthErrorNotAllowed);
