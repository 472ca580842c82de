import type { B2BClient, LoginStep } from '@orgauth/core';
import '@orgauth/elements/define';
import type { OrgAuthTheme } from '@orgauth/elements';
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import {
  NEVER,
  ORGANIZATION_SLUG,
  discoveredClient,
  emailClient,
  expiredLinkClient,
  idpErrorClient,
  magicLinkClient,
  noOrganizationsClient,
  organizationClient,
  ssoEmailClient,
  unknownOrganizationClient,
} from './login-clients.js';
import { click, fill, loginIn, submit, until, untilStep } from './login-driver.js';
import { partArgs, type TokenArgs } from './.storybook/theming.js';

/**
 * Story args: the element's `theme` and, for the organization flow, its `organization-slug`, plus the
 * theming controls (.storybook/theming.ts). The client comes from each story's loader.
 */
export type LoginArgs = TokenArgs & {
  theme: OrgAuthTheme;
  organizationSlug?: string;
};

/** Which login step a story shows; `coverage.test.ts` and `stories.test.ts` read it. */
export interface LoginStoryParameters {
  loginStep: LoginStep;
}

type Story = StoryObj<LoginArgs> & { parameters: LoginStoryParameters };

/** The toolbar's theme wins over the story's, unless it is left at "As the story says". */
const themeOf = (args: LoginArgs, context: StoryContext<LoginArgs>): OrgAuthTheme => {
  const global = context.globals.theme as string | undefined;
  return global === 'light' || global === 'dark' || global === 'auto' ? global : args.theme;
};

const clientOf = (context: StoryContext<LoginArgs>) => context.loaded.client as B2BClient;

const meta: Meta<LoginArgs> = {
  title: 'Login/orgauth-login',
  component: 'orgauth-login',
  args: { theme: 'light' },
  argTypes: { theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] } },
  render: (args, context) =>
    html`<orgauth-login .client=${clientOf(context)} theme=${themeOf(args, context)} organization-slug=${args.organizationSlug ?? nothing}></orgauth-login>`,
};
export default meta;

/** A story whose client comes from `client()` (built fresh per render by a loader). */
const story = (loginStep: LoginStep, client: () => B2BClient, play?: Story['play']): Story => ({
  parameters: { loginStep },
  loaders: [() => ({ client: client() })],
  ...(play ? { play } : {}),
});

/** A story of the organization flow: the element carries `organization-slug`. */
const organizationStory = (light: Story): Story => ({
  ...light,
  args: { ...light.args, organizationSlug: ORGANIZATION_SLUG },
});

/** The same story on the dark theme. */
const dark = (light: Story): Story => ({ ...light, args: { ...light.args, theme: 'dark' } });

// ---------------------------------------------------------------------------------------------
// One story per login step (and the busy / empty / failed variants of some)
// ---------------------------------------------------------------------------------------------

export const EmailEntry = story(
  'email',
  () => emailClient(),
  async ({ canvasElement }) => untilStep(loginIn(canvasElement), 'email'),
);

export const Submitting = story(
  'email',
  () => emailClient(NEVER),
  async ({ canvasElement }) => {
    const el = loginIn(canvasElement);
    await untilStep(el, 'email');
    fill(el, 'email', 'ada@acme.test');
    submit(el);
    await until(el, () => el.shadowRoot?.querySelector('form[aria-busy="true"]') != null, 'the busy email form');
  },
);

export const EmailSent = story(
  'email-sent',
  () => emailClient(),
  async ({ canvasElement }) => {
    const el = loginIn(canvasElement);
    await untilStep(el, 'email');
    fill(el, 'email', 'ada@acme.test');
    submit(el);
    await untilStep(el, 'email-sent');
  },
);

export const Authenticating = story(
  'authenticating',
  () => magicLinkClient(NEVER),
  async ({ canvasElement }) => untilStep(loginIn(canvasElement), 'authenticating'),
);

export const ChooseOrganization = story('choose-organization', discoveredClient, async ({ canvasElement }) =>
  untilStep(loginIn(canvasElement), 'choose-organization'),
);

export const ChooseOrganizationEmpty = story('choose-organization', noOrganizationsClient, async ({ canvasElement }) =>
  untilStep(loginIn(canvasElement), 'choose-organization'),
);

export const CreateOrganization = story('create-organization', noOrganizationsClient, async ({ canvasElement }) => {
  const el = loginIn(canvasElement);
  await untilStep(el, 'choose-organization');
  click(el, 'Create an organization');
  await untilStep(el, 'create-organization');
});

export const CreateOrganizationSlugTaken = story(
  'create-organization',
  noOrganizationsClient,
  async ({ canvasElement }) => {
    const el = loginIn(canvasElement);
    await untilStep(el, 'choose-organization');
    click(el, 'Create an organization');
    await untilStep(el, 'create-organization');
    fill(el, 'organization_name', 'Acme Inc.');
    fill(el, 'organization_slug', 'acme-inc');
    submit(el);
    await until(
      el,
      () => el.shadowRoot?.querySelector('#organization-slug[aria-invalid="true"]') != null,
      'the taken-slug error',
    );
  },
);

export const SignedIn = story('signed-in', discoveredClient, async ({ canvasElement }) => {
  const el = loginIn(canvasElement);
  await untilStep(el, 'choose-organization');
  click(el, 'Acme Inc.');
  await untilStep(el, 'signed-in');
});

export const ErrorExpiredLink = story('error', expiredLinkClient, async ({ canvasElement }) =>
  untilStep(loginIn(canvasElement), 'error'),
);

// ---------------------------------------------------------------------------------------------
// Single sign-on: the organization's page, "Continue with SSO", leaving for the IdP, IdP errors
// ---------------------------------------------------------------------------------------------

const ssoButtonsShown = (el: ReturnType<typeof loginIn>) =>
  until(el, () => (el.shadowRoot?.querySelectorAll('[part~="sso-button"]').length ?? 0) > 0, 'the SSO buttons');

export const OrganizationLogin = organizationStory(
  story(
    'organization-login',
    () => organizationClient(),
    async ({ canvasElement }) => ssoButtonsShown(loginIn(canvasElement)),
  ),
);

export const OrganizationLoading = organizationStory(
  story(
    'organization-login',
    () => organizationClient(NEVER),
    async ({ canvasElement }) => untilStep(loginIn(canvasElement), 'organization-login'),
  ),
);

export const OrganizationNotFound = organizationStory(
  story('organization-login', unknownOrganizationClient, async ({ canvasElement }) => {
    const el = loginIn(canvasElement);
    await until(
      el,
      () => !!el.shadowRoot?.querySelector('[role="alert"]')?.textContent?.trim(),
      'the not-found message',
    );
  }),
);

export const SsoEmail = story(
  'sso-email',
  () => ssoEmailClient(),
  async ({ canvasElement }) => {
    const el = loginIn(canvasElement);
    await untilStep(el, 'email');
    click(el, 'Continue with SSO');
    await untilStep(el, 'sso-email');
  },
);

export const SsoEmailChooseConnection = story(
  'sso-email',
  () => ssoEmailClient(),
  async ({ canvasElement }) => {
    const el = loginIn(canvasElement);
    await untilStep(el, 'email');
    click(el, 'Continue with SSO');
    await untilStep(el, 'sso-email');
    fill(el, 'email', 'ada@acme.test');
    submit(el);
    await ssoButtonsShown(el);
  },
);

export const SsoEmailNoConnection = story(
  'sso-email',
  () => ssoEmailClient({ request_id: 'request-id-story-sso', status_code: 200, connections: [] }),
  async ({ canvasElement }) => {
    const el = loginIn(canvasElement);
    await untilStep(el, 'email');
    click(el, 'Continue with SSO');
    await untilStep(el, 'sso-email');
    fill(el, 'email', 'ada@nowhere.test');
    submit(el);
    await until(
      el,
      () => !!el.shadowRoot?.querySelector('[role="alert"]')?.textContent?.trim(),
      'the no-connection message',
    );
  },
);

// The memory platform records the navigation instead of leaving the page, so the screen stays.
export const SsoRedirecting = organizationStory(
  story(
    'sso-redirecting',
    () => organizationClient(),
    async ({ canvasElement }) => {
      const el = loginIn(canvasElement);
      await ssoButtonsShown(el);
      click(el, 'Continue with Okta');
      await untilStep(el, 'sso-redirecting');
    },
  ),
);

export const ErrorIdp = story('error', idpErrorClient, async ({ canvasElement }) =>
  untilStep(loginIn(canvasElement), 'error'),
);

// ---------------------------------------------------------------------------------------------
// Dark variants
// ---------------------------------------------------------------------------------------------

export const DarkEmailEntry = dark(EmailEntry);
export const DarkSubmitting = dark(Submitting);
export const DarkEmailSent = dark(EmailSent);
export const DarkAuthenticating = dark(Authenticating);
export const DarkChooseOrganization = dark(ChooseOrganization);
export const DarkChooseOrganizationEmpty = dark(ChooseOrganizationEmpty);
export const DarkCreateOrganization = dark(CreateOrganization);
export const DarkCreateOrganizationSlugTaken = dark(CreateOrganizationSlugTaken);
export const DarkSignedIn = dark(SignedIn);
export const DarkErrorExpiredLink = dark(ErrorExpiredLink);
export const DarkOrganizationLogin = dark(OrganizationLogin);
export const DarkOrganizationLoading = dark(OrganizationLoading);
export const DarkOrganizationNotFound = dark(OrganizationNotFound);
export const DarkSsoEmail = dark(SsoEmail);
export const DarkSsoEmailChooseConnection = dark(SsoEmailChooseConnection);
export const DarkSsoEmailNoConnection = dark(SsoEmailNoConnection);
export const DarkSsoRedirecting = dark(SsoRedirecting);
export const DarkErrorIdp = dark(ErrorIdp);

// ---------------------------------------------------------------------------------------------
// Theming: custom properties and ::part()
// ---------------------------------------------------------------------------------------------

/** The documented `--orgauth-*` tokens, as the controls set them (the decorator puts them on the canvas; the element inherits them). */
export const Themed: Story = {
  ...ChooseOrganization,
  args: {
    ...ChooseOrganization.args,
    '--orgauth-color-primary': '#0f766e',
    '--orgauth-color-on-primary': '#ffffff',
    '--orgauth-color-surface': '#f0fdfa',
    '--orgauth-color-border': '#99f6e4',
    '--orgauth-radius': '14px',
    '--orgauth-font-family': 'Georgia, serif',
    '--orgauth-spacing': '18px',
    '--orgauth-width': '440px',
    '--orgauth-card-shadow': '0 12px 32px rgb(15 118 110 / 0.25)',
  },
};

/** `::part()` rules, as the part controls set them (CSS declarations per part). */
export const Parts: Story = {
  ...EmailEntry,
  args: {
    ...EmailEntry.args,
    ...partArgs({
      card: 'border: 2px dashed #7c3aed',
      heading: 'text-transform: uppercase; letter-spacing: 0.08em; color: #6d28d9',
      input: 'border-width: 2px; border-color: #7c3aed',
      'submit-button': 'background: #6d28d9; border-radius: 999px',
    }),
  },
};
