import { pbkdf2Sync, randomBytes } from 'node:crypto';
import type { APIRequestContext, Page } from '@playwright/test';
import { backendAuth } from './backend.js';
import type { Mailbox } from './mailbox.js';
import { serverOrigin } from './origins.js';

/** A member as the backend API returns it (the fields the journeys read). */
export interface BackendMember {
  member_id: string;
  email_address: string;
  status: string;
  organization_id: string;
}

/** Sends a backend API request with the project's secret, as a customer's backend would. */
async function backend(request: APIRequestContext, method: 'GET' | 'POST', path: string, data?: object) {
  const res = await request.fetch(`${serverOrigin()}/v1/b2b${path}`, { method, headers: backendAuth(), data });
  if (!res.ok()) throw new Error(`${method} /v1/b2b${path} answered ${res.status()}: ${await res.text()}`);
  return res.json();
}

/** Creates an organization with any settings (`email_jit_provisioning`, `email_allowed_domains`, …). */
export async function createOrganizationWith(
  request: APIRequestContext,
  settings: { organization_name: string; organization_slug: string } & Record<string, unknown>,
): Promise<{ organization_id: string; organization_slug: string; organization_name: string }> {
  return (await backend(request, 'POST', '/organizations', settings)).organization;
}

/** `POST /v1/b2b/magic_links/email/invite`: an admin's backend invites `email` (no PKCE: any browser). */
export async function inviteByEmail(
  request: APIRequestContext,
  organizationId: string,
  email: string,
  inviteRedirectUrl: string,
): Promise<BackendMember> {
  const answer = await backend(request, 'POST', '/magic_links/email/invite', {
    organization_id: organizationId,
    email_address: email,
    invite_redirect_url: inviteRedirectUrl,
  });
  return answer.member;
}

/** `POST /v1/b2b/organizations/{organization_id}/members`: an active member, added by the backend. */
export async function addMember(request: APIRequestContext, organizationId: string, email: string) {
  const answer = await backend(request, 'POST', `/organizations/${organizationId}/members`, { email_address: email });
  return answer.member as BackendMember;
}

/**
 * `POST /v1/b2b/passwords/migrate`: an import job brings `password` from another system as a
 * PBKDF2-SHA256 hash (`hash_type: pbkdf_2`), creating the member of `organizationId` with a verified
 * email when there is none. Gives a member a password without a reset mail round trip.
 */
export async function importPassword(
  request: APIRequestContext,
  organizationId: string,
  email: string,
  password: string,
): Promise<BackendMember> {
  const salt = randomBytes(16);
  const iterations = 10_000;
  const answer = await backend(request, 'POST', '/passwords/migrate', {
    organization_id: organizationId,
    email_address: email,
    hash_type: 'pbkdf_2',
    hash: pbkdf2Sync(password, salt, iterations, 32, 'sha256').toString('base64'),
    pbkdf_2_config: {
      salt: salt.toString('base64'),
      iteration_amount: iterations,
      key_length: 32,
      algorithm: 'sha256',
    },
  });
  return answer.member;
}

/** `GET /v1/b2b/organizations/{organization_id}/members/{member_id}`. */
export async function getMember(
  request: APIRequestContext,
  organizationId: string,
  memberId: string,
): Promise<BackendMember> {
  return (await backend(request, 'GET', `/organizations/${organizationId}/members/${memberId}`)).member;
}

/** Members of one organization with exactly this email, whatever their status. */
export async function membersWithEmail(
  request: APIRequestContext,
  organizationId: string,
  email: string,
): Promise<BackendMember[]> {
  const answer = await backend(request, 'POST', '/organizations/members/search', {
    organization_ids: [organizationId],
    query: { operator: 'AND', operands: [{ filter_name: 'member_emails', filter_value: [email] }] },
  });
  return answer.members;
}

/**
 * Waits up to 10 s for the `count`-th mail to `to` and returns the organization link in it
 * (`stytch_token_type=multi_tenant_magic_links`: a login, signup or invite link) and its subject.
 */
export async function organizationLink(
  mailbox: Mailbox,
  to: string,
  count = 1,
): Promise<{ link: string; subject: string }> {
  for (let i = 0; i < 50; i++) {
    const mails = await mailbox.list(to);
    if (mails.length >= count) {
      const newest = mails.sort((a, b) => b.sent_at.localeCompare(a.sent_at))[0]!;
      const link = newest.text.match(/https?:\/\/\S*stytch_token_type=multi_tenant_magic_links\S*/)?.[0];
      if (!link) throw new Error(`no organization link in mail: ${newest.text}`);
      return { link, subject: newest.subject };
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no mail #${count} to ${to} within 10 s`);
}

/** Waits up to 10 s for the `count`-th mail to `to` and returns the six-digit code in it and its subject. */
export async function mailedCode(mailbox: Mailbox, to: string, count = 1): Promise<{ code: string; subject: string }> {
  for (let i = 0; i < 50; i++) {
    const mails = await mailbox.list(to);
    if (mails.length >= count) {
      const newest = mails.sort((a, b) => b.sent_at.localeCompare(a.sent_at))[0]!;
      const code = newest.text.match(/Your code: (\d{6})\b/)?.[1];
      if (!code) throw new Error(`no code in mail: ${newest.text}`);
      return { code, subject: newest.subject };
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no mail #${count} to ${to} within 10 s`);
}

/** What {@link recordLoginEvents} saw on the current page. */
export interface LoginEvents {
  /** `orgauth-step-change` steps, in order. */
  steps: string[];
  /** `orgauth-session-created` details, as `{ email, organization }` (organization name). */
  sessions: { email: string; organization: string }[];
}

/**
 * Records the login's `orgauth-step-change` and `orgauth-session-created` events on every page load,
 * from the first script on: they may fire before the page's own code runs, and a React page
 * unmounts the card right after signing in. Read them with {@link loginEvents}.
 */
export async function recordLoginEvents(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: LoginEvents = { steps: [], sessions: [] };
    (window as unknown as { __orgauthEvents: LoginEvents }).__orgauthEvents = seen;
    document.addEventListener('orgauth-step-change', (event) => {
      seen.steps.push((event as CustomEvent).detail.step);
    });
    document.addEventListener('orgauth-session-created', (event) => {
      const { member, organization } = (event as CustomEvent).detail;
      seen.sessions.push({ email: member.email_address, organization: organization.organization_name });
    });
  });
}

/** The login events recorded on the current page since it loaded. */
export function loginEvents(page: Page): Promise<LoginEvents> {
  return page.evaluate(() => (window as unknown as { __orgauthEvents: LoginEvents }).__orgauthEvents);
}
