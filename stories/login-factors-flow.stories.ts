import type { B2BClient, LoginStep } from '@orgauth/core';
import '@orgauth/elements/define';
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import {
  chooseClient,
  FACTOR_SLUG,
  passwordClient,
  resetClient,
  smsClient,
  totpEnrolledClient,
  wrongPasswordClient,
} from './login-factor-clients.js';
import { click, currentStep, fill, loginIn, submit, until } from './login-driver.js';
import type { LoginArgs, LoginStoryParameters } from './login.stories.js';

// The password and second-factor steps of <orgauth-login>, reached the way a person reaches them on
// Acme's page (`organization-slug`), which requires a second factor: each step light and dark.

type Story = StoryObj<LoginArgs> & { parameters: LoginStoryParameters };
type El = ReturnType<typeof loginIn>;

const themeOf = (args: LoginArgs, context: StoryContext<LoginArgs>) => {
  const global = context.globals.theme as string | undefined;
  return global === 'light' || global === 'dark' || global === 'auto' ? global : args.theme;
};

const meta: Meta<LoginArgs> = {
  title: 'Login/passwords and second factors',
  component: 'orgauth-login',
  args: { theme: 'light', organizationSlug: FACTOR_SLUG },
  argTypes: { theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] } },
  render: (args, context) =>
    html`<orgauth-login .client=${context.loaded.client as B2BClient} .config=${{ products: ['passwords'] }} theme=${themeOf(args, context)} organization-slug=${args.organizationSlug || nothing}></orgauth-login>`,
};
export default meta;

const story = (loginStep: LoginStep, client: () => B2BClient, play: NonNullable<Story['play']>): Story => ({
  parameters: { loginStep },
  loaders: [() => ({ client: client() })],
  play,
});
const dark = (light: Story): Story => ({ ...light, args: { ...light.args, theme: 'dark' } });

/** Waits for `step`, longer than the driver's default: the screens load lazily, Storybook checks two at once. */
const untilStep = (el: El, step: LoginStep) => until(el, () => currentStep(el) === step, `step "${step}"`, 8000);

/** An element of the shown screen (the factor screens load lazily: this waits for them). */
const shown = (el: El, selector: string) => until(el, () => !!el.shadowRoot?.querySelector(selector), selector, 8000);

/** Acme's page → "Use a password" → the password step, with its screen loaded. */
async function toPassword(el: El): Promise<void> {
  await shown(el, '[part~="password-button"]');
  click(el, 'Use a password');
  await untilStep(el, 'password');
  await shown(el, '#password');
}

/** Signs in with a password; the second factor's step `step` follows. */
async function signIn(el: El, step: LoginStep, selector: string): Promise<void> {
  await toPassword(el);
  fill(el, 'email', 'ada@acme.test');
  fill(el, 'password', 'correct horse battery');
  submit(el);
  await untilStep(el, step);
  await shown(el, selector);
}

export const Password = story('password', passwordClient, async ({ canvasElement }) =>
  toPassword(loginIn(canvasElement)),
);
export const PasswordWrong = story('password', wrongPasswordClient, async ({ canvasElement }) => {
  const el = loginIn(canvasElement);
  await signIn(el, 'password', '#password[aria-invalid="true"]');
});
export const PasswordResetSent = story('password-reset-sent', passwordClient, async ({ canvasElement }) => {
  const el = loginIn(canvasElement);
  await toPassword(el);
  fill(el, 'email', 'ada@acme.test');
  click(el, 'Forgot password?');
  await untilStep(el, 'password-reset-sent');
  await shown(el, '[part~="resend-button"]');
});
export const PasswordReset: Story = {
  ...story('password-reset', resetClient, async ({ canvasElement }) => {
    const el = loginIn(canvasElement);
    await untilStep(el, 'password-reset');
    await shown(el, '#new-password');
    fill(el, 'password', 'qwertyuiop');
    await shown(el, 'meter[data-score="2"]');
  }),
  args: { organizationSlug: '' },
};
export const MfaChoose = story('mfa-choose', chooseClient, async ({ canvasElement }) =>
  signIn(loginIn(canvasElement), 'mfa-choose', '[part~="mfa-method-button"]'),
);
export const TotpEnroll = story('totp-enroll', passwordClient, async ({ canvasElement }) =>
  signIn(loginIn(canvasElement), 'totp-enroll', 'img[part~="totp-qr"]'),
);
export const TotpVerify = story('totp-verify', totpEnrolledClient, async ({ canvasElement }) =>
  signIn(loginIn(canvasElement), 'totp-verify', '#mfa-code'),
);
export const SmsEnroll = story('sms-enroll', smsClient, async ({ canvasElement }) =>
  signIn(loginIn(canvasElement), 'sms-enroll', '#phone'),
);
export const SmsVerify = story('sms-verify', smsClient, async ({ canvasElement }) => {
  const el = loginIn(canvasElement);
  await signIn(el, 'sms-enroll', '#phone');
  fill(el, 'phone', '+15555550100');
  submit(el);
  await untilStep(el, 'sms-verify');
  await shown(el, '#mfa-code');
});
export const RecoveryCode = story('recovery-code', totpEnrolledClient, async ({ canvasElement }) => {
  const el = loginIn(canvasElement);
  await signIn(el, 'totp-verify', '#mfa-code');
  click(el, 'Use a recovery code instead');
  await untilStep(el, 'recovery-code');
  await shown(el, '#recovery-code');
});
export const RecoveryCodesSave = story('recovery-codes-save', passwordClient, async ({ canvasElement }) => {
  const el = loginIn(canvasElement);
  // The key is there and the form idle: a code typed while the key is being created is not taken.
  await signIn(el, 'totp-enroll', 'form[aria-busy="false"] #totp-code');
  fill(el, 'code', '123456');
  await untilStep(el, 'recovery-codes-save');
  await shown(el, '[part~="recovery-codes"]');
});

export const DarkPassword = dark(Password);
export const DarkPasswordWrong = dark(PasswordWrong);
export const DarkPasswordResetSent = dark(PasswordResetSent);
export const DarkPasswordReset = dark(PasswordReset);
export const DarkMfaChoose = dark(MfaChoose);
export const DarkTotpEnroll = dark(TotpEnroll);
export const DarkTotpVerify = dark(TotpVerify);
export const DarkSmsEnroll = dark(SmsEnroll);
export const DarkSmsVerify = dark(SmsVerify);
export const DarkRecoveryCode = dark(RecoveryCode);
export const DarkRecoveryCodesSave = dark(RecoveryCodesSave);
