import { html } from 'hono/html';
import { htmlText } from '../lib/html.js';
import type { RenderedMail } from '../mail/templates.js';

/** What a code mail is for: signing in to an organization, joining one, or discovery. */
export type OtpMailPurpose = 'login' | 'signup' | 'discovery';

/** Inputs of {@link otpMail}. */
export interface OtpMailInput {
  purpose: OtpMailPurpose;
  code: string;
  /** The organization's name; discovery mails speak of "your organizations" instead. */
  organizationName?: string | undefined;
  expiresInMinutes: number;
}

function heading(input: OtpMailInput): string {
  const org = input.organizationName ?? '';
  if (input.purpose === 'discovery') return 'Your code to sign in to your organizations';
  return input.purpose === 'signup' ? `Your code to join ${org}` : `Your code to sign in to ${org}`;
}

/**
 * An email one-time code: the code in the subject (mail apps show it in the notification), large in
 * the body, and as plain text. Every value goes through hono/html's escaping (an organization name
 * is chosen by its admins).
 */
export function otpMail(input: OtpMailInput): RenderedMail {
  const title = heading(input);
  const subject = `${input.code} is ${title.replace(/^Your/, 'your')}`;
  const lifetime = `The code works once and expires in ${input.expiresInMinutes} minutes.`;
  const text = [
    title,
    '',
    `Your code: ${input.code}`,
    '',
    `${lifetime} Nobody from the organization will ever ask you for it. If you did not ask for it, ignore this email.`,
  ].join('\n');
  const body = html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${subject}</title></head>
<body style="font-family: system-ui, sans-serif; color: #1a1a1a; max-width: 480px; margin: 24px auto;">
  <h1 style="font-size: 20px;">${title}</h1>
  <p>Enter this code where you asked for it:</p>
  <p style="font-size: 32px; font-weight: 600; letter-spacing: 6px; font-family: ui-monospace, monospace;">${input.code}</p>
  <p>${lifetime} Nobody from the organization will ever ask you for it.</p>
  <p style="font-size: 12px; color: #555;">If you did not ask for this email, you can ignore it.</p>
</body></html>`;
  return { subject, text, html: htmlText(body) };
}
