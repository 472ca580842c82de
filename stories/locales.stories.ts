import type { B2BClient } from '@orgauth/core';
import '@orgauth/elements/define';
import type { OrgAuthLocale, OrgAuthTheme } from '@orgauth/elements';
import { arXB } from '@orgauth/elements/locales/ar-XB';
import { de } from '@orgauth/elements/locales/de';
import { en } from '@orgauth/elements/locales/en';
import { es } from '@orgauth/elements/locales/es';
import { fr } from '@orgauth/elements/locales/fr';
import { ja } from '@orgauth/elements/locales/ja';
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { codeClient, wrongCode } from './login-code-clients.js';
import { click, fill, loginIn, until, untilStep } from './login-driver.js';

/** The packs a story can pick, by tag. */
export const LOCALES: Record<string, OrgAuthLocale> = { en, de, fr, es, ja, 'ar-XB': arXB };

/** Story args: the pack's tag and the theme. */
export type LocaleArgs = { locale: string; theme: OrgAuthTheme; width?: string };

type Story = StoryObj<LocaleArgs>;

const themeOf = (args: LocaleArgs, context: StoryContext<LocaleArgs>): OrgAuthTheme => {
  const global = context.globals.theme as string | undefined;
  return global === 'light' || global === 'dark' || global === 'auto' ? global : args.theme;
};

/** Link, code and SSO offered, so the first screen shows the most words. */
const CONFIG = { products: ['emailMagicLinks', 'emailOtp', 'sso'] };

const meta: Meta<LocaleArgs> = {
  title: 'Locales/orgauth-login',
  component: 'orgauth-login',
  args: { locale: 'de', theme: 'light' },
  argTypes: {
    locale: { control: 'select', options: Object.keys(LOCALES) },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
  },
  loaders: [() => ({ client: codeClient(wrongCode) })],
  // styleMap writes through the CSSOM (`element.style`), which a strict `style-src` allows.
  render: (args, context) =>
    html`<div style=${styleMap({ width: args.width ?? 'auto' })}><orgauth-login .client=${context.loaded.client as B2BClient} .config=${CONFIG} .locale=${LOCALES[args.locale]} theme=${themeOf(args, context)}></orgauth-login></div>`,
};
export default meta;

/** The first screen in `locale`. */
const entry = (locale: string): Story => ({
  args: { locale },
  play: async ({ canvasElement }) => untilStep(loginIn(canvasElement), 'email'),
});

export const English = entry('en');
export const German = entry('de');
export const French = entry('fr');
export const Spanish = entry('es');
export const Japanese = entry('ja');
/** The right-to-left pseudo-locale: the card, its fields and buttons mirror. */
export const RightToLeft = entry('ar-XB');

/** The code entry after a wrong code, in `locale`: the tries left in its plural, the countdown. */
const wrongCodeIn = (locale: string): Story => ({
  args: { locale },
  play: async ({ canvasElement }) => {
    const el = loginIn(canvasElement);
    await untilStep(el, 'email');
    fill(el, 'email', 'ada@acme.test');
    click(el, LOCALES[locale]!.messages['email.submitCode']);
    await untilStep(el, 'email-sent');
    fill(el, 'code', '111111');
    await until(el, () => !!el.shadowRoot?.querySelector('[role="alert"]')?.textContent?.trim(), 'the error words');
  },
});

/** German's long compound words in the code entry's alert and hints. */
export const GermanWrongCode = wrongCodeIn('de');
export const RightToLeftWrongCode = wrongCodeIn('ar-XB');

/** German's long words on the narrowest phone layout: nothing may overflow the card. */
export const GermanNarrow: Story = { ...GermanWrongCode, args: { locale: 'de', width: '320px' } };
/** Right to left, dark. */
export const DarkRightToLeft: Story = { ...RightToLeft, args: { locale: 'ar-XB', theme: 'dark' } };
