import { html } from 'hono/html';
import { htmlText } from '../lib/html.js';

/** A rendered email. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** The discovery sign-in email: one button, the raw link as fallback, and a plain-text part. */
export function discoveryMagicLinkMail(input: {
  link: string;
  projectName: string;
  expiresInMinutes: number;
}): RenderedMail {
  const { link, projectName: project } = input;
  const subject = 'Your sign-in link';
  const text = [
    `Sign in to ${input.projectName}`,
    '',
    'Open this link to continue:',
    input.link,
    '',
    `The link works once and expires in ${input.expiresInMinutes} minutes. If you did not ask for it, ignore this email.`,
  ].join('\n');
  const body = html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${subject}</title></head>
<body style="font-family: system-ui, sans-serif; color: #1a1a1a; max-width: 480px; margin: 24px auto;">
  <h1 style="font-size: 20px;">Sign in to ${project}</h1>
  <p>Click the button to continue. The link works once and expires in ${input.expiresInMinutes} minutes.</p>
  <p><a href="${link}" style="display: inline-block; background: #2b59ff; color: #fff; padding: 10px 18px; border-radius: 6px; text-decoration: none;">Sign in</a></p>
  <p style="font-size: 12px; color: #555;">Or paste this link into your browser:<br><a href="${link}">${link}</a></p>
  <p style="font-size: 12px; color: #555;">If you did not ask for this email, you can ignore it.</p>
</body></html>`;
  return { subject, text, html: htmlText(body) };
}
