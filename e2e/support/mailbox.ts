import type { APIRequestContext } from '@playwright/test';
import { serverOrigin } from './origins.js';

interface Mail {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  sent_at: string;
}

/**
 * Reads sign-in links from the server's dev mailbox (`/dev/mailbox.json` on the OrgAuth server, whatever
 * origin the page is on), waiting (bounded) for a mail that was not there before.
 */
export class Mailbox {
  constructor(private readonly request: APIRequestContext) {}

  async list(to: string): Promise<Mail[]> {
    const res = await this.request.get(`${serverOrigin()}/dev/mailbox.json?to=${encodeURIComponent(to)}`);
    if (!res.ok()) throw new Error(`mailbox answered ${res.status()}`);
    return ((await res.json()) as Mail[]).filter((m) => m.to === to);
  }

  /** Waits up to 10 s for the `count`-th mail to `to` and returns the discovery link in it. */
  async discoveryLink(to: string, count = 1): Promise<string> {
    for (let i = 0; i < 50; i++) {
      const mails = await this.list(to);
      if (mails.length >= count) {
        const newest = mails.sort((a, b) => b.sent_at.localeCompare(a.sent_at))[0]!;
        const link = newest.text.match(/https?:\/\/\S*stytch_token_type=discovery\S*/)?.[0];
        if (!link) throw new Error(`no discovery link in mail: ${newest.text}`);
        return link;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`no mail #${count} to ${to} within 10 s`);
  }
}
