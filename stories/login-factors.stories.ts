import type { OrgAuthTheme } from '@orgauth/elements';
import { de } from '@orgauth/elements/locales/de';
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import {
  CODES,
  QR_PNG,
  SECRET,
  scriptedView,
} from '../packages/elements/src/components/login/factors/factor.fixtures.js';
import type { FactorScreen, PasswordStrength } from '../packages/elements/src/components/login/factors/factor-view.js';

// The password and multi-factor screens as the pieces `<orgauth-login>` renders them with (plain data
// in, template out), in the login's card and styles: each screen light and dark, its busy and failed
// variants where they differ, and German at 320 px for the longest.

/** Story args: the screen's data, the theme, the words' pack, and the card's width. */
type FactorArgs = {
  screen: FactorScreen;
  theme: OrgAuthTheme;
  german?: boolean;
  width?: string;
  strength?: PasswordStrength;
};

type Story = StoryObj<FactorArgs>;

const themeOf = (args: FactorArgs, context: StoryContext<FactorArgs>): OrgAuthTheme => {
  const global = context.globals.theme as string | undefined;
  return global === 'light' || global === 'dark' || global === 'auto' ? global : args.theme;
};

const meta: Meta<FactorArgs> = {
  title: 'Login/password and multi-factor screens',
  args: { theme: 'light' },
  argTypes: { theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] } },
  render: (args, context) => {
    const preview = document.createElement('orgauth-factor-preview') as HTMLElement & {
      screen: FactorScreen;
      view: ReturnType<typeof scriptedView>;
      requestUpdate(): void;
    };
    preview.view = scriptedView(args.german ? { locale: de } : {}, () => preview.requestUpdate());
    preview.screen = args.screen;
    preview.setAttribute('theme', themeOf(args, context));
    // styleMap writes through the CSSOM (`element.style`), which a strict `style-src` allows.
    return html`<div lang=${args.german ? 'de' : 'en'} style=${styleMap({ width: args.width ?? '400px' })}>${preview}</div>`;
  },
};
export default meta;

const base = { busy: false, error: null };
const ORG = 'Acme';
const FAIR: PasswordStrength = {
  score: 2,
  valid: false,
  breached: false,
  warning: 'Straight rows of keys are easy to guess.',
  suggestions: ['Add another word or two. Uncommon words are better.'],
};

const story = (screen: FactorScreen, extra: Partial<FactorArgs> = {}): Story => ({ args: { screen, ...extra } });
const dark = (light: Story): Story => ({ ...light, args: { ...light.args, theme: 'dark' } });

export const Password = story({ ...base, screen: 'password', email: 'ada@acme.test' });
export const PasswordResetSent = story({ ...base, screen: 'password-reset-sent', email: 'ada@acme.test', sends: 1 });
export const ResetPassword = story({ ...base, screen: 'password-reset', strength: FAIR, checking: false });
export const ChooseMethod = story({
  ...base,
  screen: 'mfa-choose',
  organizationName: ORG,
  methods: ['totp', 'smsOtp'],
});
export const TotpEnrol = story({
  ...base,
  screen: 'totp-enrol',
  organizationName: ORG,
  qrCode: QR_PNG,
  secret: SECRET,
  otherMethods: false,
});
export const SmsEnrol = story({ ...base, screen: 'sms-enrol', organizationName: ORG, otherMethods: true });
export const VerifyTotp = story({
  ...base,
  screen: 'mfa-verify',
  method: 'totp',
  organizationName: ORG,
  otherMethods: true,
  recovery: true,
});
export const VerifySms = story({
  ...base,
  screen: 'mfa-verify',
  method: 'smsOtp',
  organizationName: ORG,
  phone: '+1 ••• ••• 4567',
  otherMethods: false,
  recovery: true,
});
export const VerifyBusy = story({
  ...base,
  busy: true,
  screen: 'mfa-verify',
  method: 'totp',
  organizationName: ORG,
  otherMethods: false,
  recovery: true,
});
export const RecoveryCode = story({ ...base, screen: 'recovery-code' });
export const RecoveryCodes = story({ screen: 'recovery-codes', organizationName: ORG, codes: CODES });

export const DarkPassword = dark(Password);
export const DarkPasswordResetSent = dark(PasswordResetSent);
export const DarkResetPassword = dark(ResetPassword);
export const DarkChooseMethod = dark(ChooseMethod);
export const DarkTotpEnrol = dark(TotpEnrol);
export const DarkSmsEnrol = dark(SmsEnrol);
export const DarkVerifyTotp = dark(VerifyTotp);
export const DarkVerifySms = dark(VerifySms);
export const DarkVerifyBusy = dark(VerifyBusy);
export const DarkRecoveryCode = dark(RecoveryCode);
export const DarkRecoveryCodes = dark(RecoveryCodes);

/** The longest screens in German on the narrowest phone layout: nothing may overflow the card. */
export const GermanNarrowTotpEnrol: Story = { args: { ...TotpEnrol.args, german: true, width: '320px' } };
export const GermanNarrowRecoveryCodes: Story = { args: { ...RecoveryCodes.args, german: true, width: '320px' } };
export const GermanNarrowResetPassword: Story = { args: { ...ResetPassword.args, german: true, width: '320px' } };
