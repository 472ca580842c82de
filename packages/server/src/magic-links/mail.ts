import { html } from 'hono/html';
import { htmlText } from '../lib/html.js';
import type { RenderedMail } from '../mail/templates.js';

/** What the org login / signup / invite mails say. */
export type OrgMailPurpose = 'login' | 'signup' | 'invite';

/** Inputs of {@link orgMagicLinkMail}. */
export interface OrgMagicLinkMailInput {
  purpose: OrgMailPurpose;
  link: string;
  organizationName: string;
  expiresInMinutes: number;
  /** Invites: who sent it (name or email), when known. */
  inviter?: string | undefined;
}

const COPY: Record<
  OrgMailPurpose,
  { subject: (org: string) => string; heading: (org: string, inviter?: string) => string; button: string }
> = {
  login: { subject: (org) => `Sign in to ${org}`, heading: (org) => `Sign in to ${org}`, button: 'Sign in' },
  signup: { subject: (org) => `Join ${org}`, heading: (org) => `Finish joining ${org}`, button: 'Join' },
  invite: {
    subject: (org) => `You are invited to ${org}`,
    heading: (org, inviter) => (inviter ? `${inviter} invited you to ${org}` : `You are invited to ${org}`),
    button: 'Accept invitation',
  },
};

/** An organization magic-link email (login, signup or invite): one button, the raw link, a text part. */
export function orgMagicLinkMail(input: OrgMagicLinkMailInput): RenderedMail {
  const copy = COPY[input.purpose];
  const subject = copy.subject(input.organizationName);
  const heading = copy.heading(input.organizationName, input.inviter);
  const { link } = input;
  const lifetime = `The link works once and expires in ${input.expiresInMinutes} minutes.`;
  const text = [
    heading,
    '',
    'Open this link to continue:',
    input.link,
    '',
    `${lifetime} If you did not expect this email, ignore it.`,
  ].join('\n');
  const body = html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${subject}</title></head>
<body style="font-family: system-ui, sans-serif; color: #1a1a1a; max-width: 480px; margin: 24px auto;">
  <h1 style="font-size: 20px;">${heading}</h1>
  <p>Click the button to continue. ${lifetime}</p>
  <p><a href="${link}" style="display: inline-block; background: #2b59ff; color: #fff; padding: 10px 18px; border-radius: 6px; text-decoration: none;">${copy.button}</a></p>
  <p style="font-size: 12px; color: #555;">Or paste this link into your browser:<br><a href="${link}">${link}</a></p>
  <p style="font-size: 12px; color: #555;">If you did not expect this email, you can ignore it.</p>
</body></html>`;
  return { subject, text, html: htmlText(body) };
}
