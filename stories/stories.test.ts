import type { LoginStep } from '@orgauth/core';
import {
  DEFAULT_FACTOR_MESSAGES,
  DEFAULT_MESSAGES,
  type OrgAuthFactorMessageKey,
  type OrgAuthMessageKey,
} from '@orgauth/elements';
import { setProjectAnnotations } from '@storybook/web-components-vite';
import { composeStories } from 'storybook/preview-api';
import { afterEach, describe, expect, it } from 'vitest';
import preview from './.storybook/preview.js';
import { currentStep, headingText, loginIn, untilStep } from './login-driver.js';
import * as emailStories from './login-email.stories.js';
import * as factorStories from './login-factors-flow.stories.js';
import * as oauthStories from './login-oauth.stories.js';
import type { LoginStoryState } from './login-states.js';
import * as loginStories from './login.stories.js';
import type { LoginArgs, LoginStoryParameters } from './login.stories.js';

/** The words each step's heading shows, from the elements' own message table. */
const HEADING: Record<LoginStep, OrgAuthMessageKey | OrgAuthFactorMessageKey> = {
  email: 'email.heading',
  'email-sent': 'emailSent.heading',
  authenticating: 'authenticating.heading',
  'choose-organization': 'chooseOrganization.heading',
  'create-organization': 'createOrganization.heading',
  'signed-in': 'signedIn.heading',
  error: 'error.heading',
  'organization-login': 'organizationLogin.heading',
  'sso-email': 'ssoEmail.heading',
  'sso-redirecting': 'ssoRedirecting.heading',
  'oauth-redirecting': 'oauthRedirecting.heading',
  password: 'password.heading',
  'password-reset-sent': 'emailSent.heading',
  'password-reset': 'reset.heading',
  'mfa-choose': 'mfa.chooseHeading',
  'totp-enroll': 'totp.heading',
  'totp-verify': 'verify.heading',
  'sms-enroll': 'sms.heading',
  'sms-verify': 'verify.heading',
  'recovery-code': 'recover.heading',
  'recovery-codes-save': 'codes.heading',
};

/** The login's words and its password and second-factor screens' words, by key. */
const WORDS: Record<OrgAuthMessageKey | OrgAuthFactorMessageKey, string> = {
  ...DEFAULT_MESSAGES,
  ...DEFAULT_FACTOR_MESSAGES,
};

/** A heading template as a pattern: each `{placeholder}` stands for the words filled in. */
const headingPattern = (template: string) =>
  new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '.+')}$`);

/** What each screen of `login-states.ts` must show: a selector inside the element, with words in it for `words`. */
const SHOWS: Record<LoginStoryState, { selector: string; words?: true }> = {
  'email-choice': { selector: '[part~="method-button"] + [part~="method-button"]' },
  'code-entry': { selector: '[part~="resend-countdown"]', words: true },
  'code-verifying': { selector: 'form[aria-busy="true"] #code[readonly]' },
  'code-wrong': { selector: '#code[aria-invalid="true"]' },
  'code-expired': { selector: '[part~="resend-button"]', words: true },
  'code-too-many-attempts': { selector: '[part~="resend-button"]', words: true },
  'code-rate-limited': { selector: '#code[aria-invalid="true"]' },
  'code-resent': { selector: '[role="status"]', words: true },
  'invite-signed-in': { selector: '.intro .organization', words: true },
  'invite-used': { selector: '[role="alert"]', words: true },
};

// The web-components renderer (render, renderToCanvas) plus our preview, handed to every story.
const projectAnnotations = setProjectAnnotations([preview]);

afterEach(() => {
  document.body.replaceChildren();
});

/** The part of a composed story these tests use. */
interface ComposedLoginStory {
  args: Partial<LoginArgs>;
  parameters: Partial<LoginStoryParameters> & Record<string, unknown>;
  run(context?: { canvasElement?: HTMLElement; globals?: Record<string, unknown> }): Promise<void>;
}

// preview-api's composeStories is typed for the generic renderer, whose args do not fit LoginArgs.
const composed = [loginStories, emailStories, oauthStories, factorStories].flatMap((module) =>
  Object.entries(composeStories(module as never, projectAnnotations) as Record<string, ComposedLoginStory>),
);

describe('login stories', () => {
  it('are all composed', () => {
    expect(composed.length).toBeGreaterThanOrEqual(52);
  });

  it.each(composed)('%s renders its step with that step’s heading', async (_name, Story) => {
    const canvasElement = document.createElement('div');
    document.body.append(canvasElement);
    // run = loaders (build the scripted client) → render → play (drive the element to its step).
    await Story.run({ canvasElement });
    const el = loginIn(canvasElement);
    const { loginStep } = Story.parameters as LoginStoryParameters; // coverage.test.ts proves every story sets it
    await untilStep(el, loginStep);
    expect(currentStep(el)).toBe(loginStep);
    expect(headingText(el)).toMatch(headingPattern(WORDS[HEADING[loginStep]]));
    expect(el.getAttribute('theme')).toBe(Story.args.theme);
    const { loginState } = Story.parameters as { loginState?: LoginStoryState };
    if (!loginState) return;
    const shown = el.shadowRoot?.querySelector(SHOWS[loginState].selector);
    expect(shown, loginState).not.toBeNull();
    if (SHOWS[loginState].words) expect(shown?.textContent?.trim(), loginState).not.toBe('');
  });
});

describe('theme toolbar', () => {
  it('overrides the story’s theme, and paints the page to match', async () => {
    const [, Story] = composed.find(([name]) => name === 'EmailEntry')!;
    const canvasElement = document.createElement('div');
    document.body.append(canvasElement);
    await Story.run({ canvasElement, globals: { theme: 'dark' } });
    expect(loginIn(canvasElement).getAttribute('theme')).toBe('dark');
    expect(document.body.style.background).not.toBe('');
  });
});
