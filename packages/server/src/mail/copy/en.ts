import type { MailCopy } from './types.js';

/** English, the fallback of every other locale. */
export const en: MailCopy = {
  lang: 'en',
  space: ' ',
  discovery: { subject: 'Your sign-in link', heading: 'Sign in to {{project_name}}', button: 'Sign in' },
  login: {
    subject: 'Sign in to {{organization_name}}',
    heading: 'Sign in to {{organization_name}}',
    button: 'Sign in',
  },
  signup: { subject: 'Join {{organization_name}}', heading: 'Finish joining {{organization_name}}', button: 'Join' },
  invite: {
    subject: 'You are invited to {{organization_name}}',
    heading: 'You are invited to {{organization_name}}',
    heading_inviter: '{{inviter_name}} invited you to {{organization_name}}',
    button: 'Accept invitation',
  },
  code_login: {
    subject: '{{code}} is your code to sign in to {{organization_name}}',
    heading: 'Your code to sign in to {{organization_name}}',
  },
  code_signup: {
    subject: '{{code}} is your code to join {{organization_name}}',
    heading: 'Your code to join {{organization_name}}',
  },
  code_discovery: {
    subject: '{{code}} is your code to sign in to your organizations',
    heading: 'Your code to sign in to your organizations',
  },
  password_reset: {
    subject: 'Reset your password for {{organization_name}}',
    heading: 'Reset your password for {{organization_name}}',
    button: 'Reset password',
  },
  password_set: {
    subject: 'Set a password for {{organization_name}}',
    heading: 'Set a password for {{organization_name}}',
    button: 'Set password',
  },
  password_reset_discovery: {
    subject: 'Reset your password',
    heading: 'Reset your password for {{project_name}}',
    button: 'Reset password',
  },
  password_set_discovery: {
    subject: 'Set your password',
    heading: 'Set your password for {{project_name}}',
    button: 'Set password',
  },
  common: {
    click: 'Click the button to continue.',
    open_link: 'Open this link to continue:',
    fallback: 'Or paste this link into your browser:',
    link_lifetime: 'The link works once and expires in {{expires_in_minutes}} minutes.',
    ignore: 'If you did not ask for this email, you can ignore it.',
    code_prompt: 'Enter this code where you asked for it:',
    code_line: 'Your code: {{code}}',
    code_lifetime: 'The code works once and expires in {{expires_in_minutes}} minutes.',
    never_share: 'Nobody from the organization will ever ask you for it.',
  },
};
