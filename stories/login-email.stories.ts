import type { B2BClient, LoginConfig, LoginStep } from '@orgauth/core';
import '@orgauth/elements/define';
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import {
  codeClient,
  exhaustedCode,
  expiredCode,
  inviteClient,
  rateLimited,
  usedInviteClient,
  wrongCode,
} from './login-code-clients.js';
import { NEVER } from './login-clients.js';
import { click, fill, loginIn, until, untilStep } from './login-driver.js';
import type { LoginStoryState } from './login-states.js';
import type { LoginArgs, LoginStoryParameters } from './login.stories.js';

/** Story args: the theme, and the login's `config`. */
export type EmailLoginArgs = LoginArgs & { config?: LoginConfig };

type Story = StoryObj<EmailLoginArgs> & { parameters: LoginStoryParameters & { loginState: LoginStoryState } };

const themeOf = (args: EmailLoginArgs, context: StoryContext<EmailLoginArgs>) => {
  const global = context.globals.theme as string | undefined;
  return global === 'light' || global === 'dark' || global === 'auto' ? global : args.theme;
};

const meta: Meta<EmailLoginArgs> = {
  title: 'Login/email codes and invites',
  component: 'orgauth-login',
  args: { theme: 'light', config: { products: ['emailOtp', 'emailMagicLinks', 'sso'] } },
  argTypes: { theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] } },
  render: (args, context) =>
    html`<orgauth-login .client=${context.loaded.client as B2BClient} .config=${args.config} theme=${themeOf(args, context)}></orgauth-login>`,
};
export default meta;

const story = (
  loginStep: LoginStep,
  loginState: LoginStoryState,
  client: () => B2BClient,
  play: NonNullable<Story['play']>,
): Story => ({ parameters: { loginStep, loginState }, loaders: [() => ({ client: client() })], play });

/** The same story on the dark theme. */
const dark = (light: Story): Story => ({ ...light, args: { ...light.args, theme: 'dark' } });

type El = ReturnType<typeof loginIn>;
const alertShown = (el: El) =>
  until(el, () => !!el.shadowRoot?.querySelector('[role="alert"]')?.textContent?.trim(), 'the error words');

/** Types the address and asks for a code. */
async function toCodeEntry(el: El): Promise<void> {
  await untilStep(el, 'email');
  fill(el, 'email', 'ada@acme.test');
  click(el, 'Email me a code');
  await untilStep(el, 'email-sent');
}

/** Reaches the code entry, then types a whole code (the sixth digit submits it) and waits for the refusal. */
async function refusedCode(el: El): Promise<void> {
  await toCodeEntry(el);
  fill(el, 'code', '111111');
  await alertShown(el);
}

/** The code entry after the server refused a code with `answer`. */
const codeStory = (state: LoginStoryState, answer: Parameters<typeof codeClient>[0]) =>
  story(
    'email-sent',
    state,
    () => codeClient(answer),
    async ({ canvasElement }) => refusedCode(loginIn(canvasElement)),
  );

export const EmailChoice = story('email', 'email-choice', codeClient, async ({ canvasElement }) =>
  untilStep(loginIn(canvasElement), 'email'),
);

export const CodeEntry = story('email-sent', 'code-entry', codeClient, async ({ canvasElement }) =>
  toCodeEntry(loginIn(canvasElement)),
);

export const CodeVerifying = story(
  'email-sent',
  'code-verifying',
  () => codeClient(NEVER),
  async ({ canvasElement }) => {
    const el = loginIn(canvasElement);
    await toCodeEntry(el);
    fill(el, 'code', '123456');
    await until(el, () => el.shadowRoot?.querySelector('form[aria-busy="true"]') != null, 'the busy code form');
  },
);

export const CodeWrong = codeStory('code-wrong', wrongCode);
export const CodeExpired = codeStory('code-expired', expiredCode);
export const CodeTooManyAttempts = codeStory('code-too-many-attempts', exhaustedCode);
export const CodeRateLimited = codeStory('code-rate-limited', rateLimited);

export const CodeResent = story(
  'email-sent',
  'code-resent',
  () => codeClient(expiredCode),
  async ({ canvasElement }) => {
    const el = loginIn(canvasElement);
    await refusedCode(el);
    click(el, 'Resend code');
    await until(el, () => !!el.shadowRoot?.querySelector('[role="status"]')?.textContent?.trim(), 'the resend notice');
  },
);

export const InviteSignedIn = story(
  'signed-in',
  'invite-signed-in',
  () => inviteClient(),
  async ({ canvasElement }) => untilStep(loginIn(canvasElement), 'signed-in'),
);

export const InviteUsed = story('error', 'invite-used', usedInviteClient, async ({ canvasElement }) =>
  untilStep(loginIn(canvasElement), 'error'),
);

export const DarkEmailChoice = dark(EmailChoice);
export const DarkCodeEntry = dark(CodeEntry);
export const DarkCodeVerifying = dark(CodeVerifying);
export const DarkCodeWrong = dark(CodeWrong);
export const DarkCodeExpired = dark(CodeExpired);
export const DarkCodeTooManyAttempts = dark(CodeTooManyAttempts);
export const DarkCodeRateLimited = dark(CodeRateLimited);
export const DarkCodeResent = dark(CodeResent);
export const DarkInviteSignedIn = dark(InviteSignedIn);
export const DarkInviteUsed = dark(InviteUsed);
