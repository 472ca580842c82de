import type { B2BClient } from '@orgauth/core';
import '@orgauth/elements/define';
import {
  darkTheme,
  defaultTheme,
  neutralTheme,
  type OrgAuthLogin,
  type OrgAuthAppearance,
  type OrgAuthThemeDefinition,
  type OrgAuthVariables,
} from '@orgauth/elements';
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { emailClient } from './login-clients.js';
import { OAUTH_CONFIG, oauthDiscoveryClient } from './login-oauth-clients.js';
import { loginIn, untilStep } from './login-driver.js';

const THEMES: Record<string, OrgAuthThemeDefinition> = {
  default: defaultTheme,
  dark: darkTheme,
  neutral: neutralTheme,
};

/** Story args: a prebuilt theme, each variable (a control per token), and the layout options. */
export type ThemeArgs = { theme: keyof typeof THEMES; oauth?: boolean; width?: string } & OrgAuthVariables &
  NonNullable<OrgAuthAppearance['layout']> & { elements?: OrgAuthAppearance['elements']; stylesheets?: string[] };

const COLOR_VARIABLES = [
  'colorPrimary',
  'colorOnPrimary',
  'colorBackground',
  'colorSurface',
  'colorText',
  'colorTextSecondary',
  'colorBorder',
  'colorDanger',
  'colorSuccess',
] as const;
const TEXT_VARIABLES = ['fontFamily', 'fontSize', 'borderRadius', 'buttonRadius', 'spacingUnit', 'shadow'] as const;

/** The `appearance` object the args describe: what a page would pass. */
function appearanceOf(args: ThemeArgs): OrgAuthAppearance {
  const variables: OrgAuthVariables = {};
  for (const key of [...COLOR_VARIABLES, ...TEXT_VARIABLES]) if (args[key]) variables[key] = args[key];
  const { logoImageUrl, logoPlacement, hideHeaderText, socialButtonsPlacement } = args;
  return {
    theme: THEMES[args.theme] ?? defaultTheme,
    variables,
    ...(args.elements ? { elements: args.elements } : {}),
    ...(args.stylesheets ? { stylesheets: args.stylesheets } : {}),
    layout: { logoImageUrl, logoPlacement, hideHeaderText, socialButtonsPlacement },
  };
}

const PAGE: Record<string, string> = { default: '#f6f7f9', dark: '#0f1115', neutral: '#fafafa' };

const render = (args: ThemeArgs, context: StoryContext<ThemeArgs>) => {
  const client = context.loaded.client as B2BClient;
  // styleMap writes through the CSSOM (`element.style`), which a strict `style-src` allows.
  return html`<div style=${styleMap({ background: PAGE[args.theme], padding: '24px', width: args.width ?? 'auto' })}>
    <orgauth-login .client=${client} .appearance=${appearanceOf(args)} .config=${args.oauth ? OAUTH_CONFIG : undefined}></orgauth-login>
  </div>`;
};

const meta: Meta<ThemeArgs> = {
  title: 'Theming/appearance',
  component: 'orgauth-login',
  args: { theme: 'default' },
  argTypes: {
    theme: { control: 'inline-radio', options: Object.keys(THEMES) },
    ...Object.fromEntries(COLOR_VARIABLES.map((key) => [key, { control: 'color', table: { category: 'variables' } }])),
    ...Object.fromEntries(TEXT_VARIABLES.map((key) => [key, { control: 'text', table: { category: 'variables' } }])),
    logoImageUrl: { control: 'text', table: { category: 'layout' } },
    logoPlacement: { control: 'inline-radio', options: ['inside', 'outside', 'none'], table: { category: 'layout' } },
    hideHeaderText: { control: 'boolean', table: { category: 'layout' } },
    socialButtonsPlacement: { control: 'inline-radio', options: ['top', 'bottom'], table: { category: 'layout' } },
    oauth: { control: 'boolean' },
  },
  loaders: [(context) => ({ client: context.args.oauth ? oauthDiscoveryClient() : emailClient() })],
  render,
  play: async ({ canvasElement }) => untilStep(loginIn(canvasElement), 'email'),
};
export default meta;

type Story = StoryObj<ThemeArgs>;

export const DefaultTheme: Story = {};
export const DarkTheme: Story = { args: { theme: 'dark' } };
export const NeutralTheme: Story = { args: { theme: 'neutral', oauth: true } };

/** A brand colour and font over the neutral theme: what most teams change first. */
export const BrandVariables: Story = {
  args: { theme: 'neutral', colorPrimary: '#7c3aed', fontFamily: 'Georgia, serif', borderRadius: '12px' },
};

// A decorative mark as a data URL: no network, and `img-src data:` is all it needs.
const LOGO = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="32"><rect width="32" height="32" rx="8" fill="#2b59ff"/><text x="42" y="22" font-family="sans-serif" font-size="16" fill="#1a1d24">Acme</text></svg>',
)}`;

/** Logo in the card, titles hidden visually (still read), provider buttons moved under the form. */
export const LogoAndLayout: Story = {
  args: { logoImageUrl: LOGO, hideHeaderText: true, oauth: true, socialButtonsPlacement: 'bottom' },
};

/** Class names into the shadow DOM, with the stylesheet that defines them (as a Tailwind build would). */
export const ClassNames: Story = {
  args: {
    stylesheets: [
      '.rounded-xl { border-radius: 0.75rem; } .shadow-lg { box-shadow: 0 10px 15px -3px rgb(0 0 0 / 0.1); } .uppercase { text-transform: uppercase; letter-spacing: 0.05em; }',
    ],
    elements: { card: 'rounded-xl shadow-lg', submitButton: 'uppercase' },
  },
};

/** The narrowest phone layout the login supports. */
export const Narrow320: Story = { args: { width: '320px', oauth: true } };

/** The three prebuilt themes next to each other, each on its own page colour. */
export const SideBySide: Story = {
  loaders: [() => ({ clients: Object.keys(THEMES).map(() => emailClient()) })],
  render: (_args, context) => {
    const clients = context.loaded.clients as B2BClient[];
    const row = styleMap({ display: 'flex', flexWrap: 'wrap', gap: '16px', alignItems: 'flex-start' });
    return html`<div style=${row}>
      ${Object.entries(THEMES).map(
        ([name, theme], i) =>
          html`<div style=${styleMap({ background: PAGE[name], padding: '16px' })}>
            <orgauth-login .client=${clients[i]} .appearance=${{ theme }}></orgauth-login>
          </div>`,
      )}
    </div>`;
  },
  play: async ({ canvasElement }) => {
    for (const el of canvasElement.querySelectorAll('orgauth-login')) await untilStep(el as OrgAuthLogin, 'email');
  },
};
