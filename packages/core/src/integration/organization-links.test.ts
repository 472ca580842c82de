import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOrgAuthServer, type OrgAuthServer } from '@orgauth/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createB2BClient } from '../client.js';
import type { B2BClient } from '../client-types.js';
import { isOrgAuthApiError } from '../errors.js';
import { memoryPlatform } from '../platform/memory.js';
import type { Member, Organization } from '../protocol/types.js';

/**
 * Organization magic links and invites, headless, against the real server in-process (the client's
 * fetch is `server.app.fetch`); the organization and the invites come from the backend API, as an
 * app's backend would make them.
 */
let server: OrgAuthServer;
let dataDir: string;
let acme: Organization;

const backend = async <T>(method: string, path: string, body?: object): Promise<T> => {
  const { project_id, secret } = server.project;
  const response = await server.app.fetch(
    new Request(`http://localhost:3000/v1/b2b${path}`, {
      method,
      headers: {
        authorization: `Basic ${Buffer.from(`${project_id}:${secret}`).toString('base64')}`,
        'content-type': 'application/json',
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    }),
  );
  const json = (await response.json()) as T;
  if (!response.ok) throw new Error(`${method} ${path}: ${JSON.stringify(json)}`);
  return json;
};

const members = async (): Promise<Member[]> =>
  (await backend<{ members: Member[] }>('GET', `/organizations/${acme.organization_id}/members`)).members;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'orgauth-core-org-links-'));
  server = await createOrgAuthServer({ dataDir, dev: true });
  ({ organization: acme } = await backend<{ organization: Organization }>('POST', '/organizations', {
    organization_name: 'Acme',
    organization_slug: 'acme',
    email_jit_provisioning: 'RESTRICTED',
    email_allowed_domains: ['acme.test'],
  }));
});

afterAll(async () => {
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const clientOn = (): B2BClient =>
  createB2BClient({
    publicToken: server.project.public_token,
    baseUrl: 'http://localhost:3000',
    platform: memoryPlatform({
      href: 'http://localhost:3000/',
      fetch: (input, init) => Promise.resolve(server.app.fetch(new Request(input, init))),
    }),
  });

const mailsTo = async (to: string) => (await server.mailbox.list()).filter((m) => m.to === to);

/** The link of the only (or newest) mail to `to`. */
async function linkTo(to: string): Promise<string> {
  const mails = await vi.waitFor(async () => {
    const list = await mailsTo(to);
    expect(list.length).toBeGreaterThan(0);
    return list;
  });
  const newest = mails.reduce((a, b) => (a.sent_at >= b.sent_at ? a : b));
  const link = newest.text.match(/https?:\/\/\S+/)?.[0];
  if (!link) throw new Error(`No link in mail: ${newest.text}`);
  return link;
}

describe('organization magic links against the real server', () => {
  it('signs a new address of an allowed domain straight into the organization (JIT), in the asking browser only', async () => {
    const asker = clientOn();
    await asker.magicLinks.email.loginOrSignup({
      organization_id: acme.organization_id,
      email_address: 'bob@acme.test',
    });
    const link = await linkTo('bob@acme.test');
    expect(new URL(link).searchParams.get('stytch_token_type')).toBe('multi_tenant_magic_links');

    // Another browser holds no verifier for this link's challenge: refused, and the token is not spent.
    const other = clientOn();
    await other.magicLinks.email.discovery.send({ email_address: 'someone@acme.test' });
    const refused = await other.authenticateByUrl({ href: link }).catch((e: unknown) => e);
    expect(isOrgAuthApiError(refused, 'pkce_mismatch')).toBe(true);
    expect(other.store.getState().status).toBe('signed-out');

    const result = await asker.authenticateByUrl({ href: link, session_duration_minutes: 30 });
    expect(result).toMatchObject({ handled: true, tokenType: 'multi_tenant_magic_links' });
    expect(asker.store.getState()).toMatchObject({
      status: 'signed-in',
      organization: { organization_name: 'Acme' },
      member: { email_address: 'bob@acme.test', status: 'active' },
    });
    expect((await members()).find((m) => m.email_address === 'bob@acme.test')?.status).toBe('active');
    asker.destroy();
    other.destroy();
  });

  it('answers an address the organization does not admit like any other, and mails and writes nothing', async () => {
    const client = clientOn();
    await expect(
      client.magicLinks.email.loginOrSignup({ organization_id: acme.organization_id, email_address: 'eve@evil.test' }),
    ).resolves.toMatchObject({ status_code: 200 });
    expect(await mailsTo('eve@evil.test')).toEqual([]);
    expect((await members()).map((m) => m.email_address)).not.toContain('eve@evil.test');
    client.destroy();
  });

  it('accepts a backend invite opened in any browser, once', async () => {
    await backend('POST', '/magic_links/email/invite', {
      organization_id: acme.organization_id,
      email_address: 'carol@partner.test',
    });
    expect((await members()).find((m) => m.email_address === 'carol@partner.test')?.status).toBe('invited');
    const link = await linkTo('carol@partner.test');
    expect(new URL(link).searchParams.get('stytch_token_type')).toBe('multi_tenant_magic_links');

    // This browser asked for a discovery link earlier: its stale verifier does not stand in the way.
    const invitee = clientOn();
    await invitee.magicLinks.email.discovery.send({ email_address: 'carol@partner.test' });
    const result = await invitee.authenticateByUrl({ href: link });
    expect(result).toMatchObject({
      handled: true,
      tokenType: 'multi_tenant_magic_links',
      data: { organization: { organization_name: 'Acme' }, member: { status: 'active' } },
    });
    expect(invitee.store.getState()).toMatchObject({
      status: 'signed-in',
      member: { email_address: 'carol@partner.test' },
    });
    expect((await members()).find((m) => m.email_address === 'carol@partner.test')?.status).toBe('active');

    const again = clientOn();
    const used = await again.authenticateByUrl({ href: link }).catch((e: unknown) => e);
    expect(isOrgAuthApiError(used, 'magic_link_not_found')).toBe(true);
    invitee.destroy();
    again.destroy();
  });

  it("the login on an organization's page: email, then the link, signs straight in to it", async () => {
    const client = clientOn();
    const page = client.createLogin({ organizationSlug: 'acme' });
    await page.start('http://localhost:3000/?org=acme');
    expect(page.getState()).toMatchObject({
      step: 'organization-login',
      flow: { organization: { organization_name: 'Acme' } },
    });
    page.openEmail();
    await page.submitEmail('dan@acme.test');
    expect(page.getState()).toMatchObject({ step: 'email-sent', method: 'emailMagicLinks' });

    // The link opens the same login page again in this browser.
    const link = await linkTo('dan@acme.test');
    const landing = client.createLogin({ organizationSlug: 'acme' });
    await landing.start(link);
    expect(landing.getState()).toMatchObject({
      step: 'signed-in',
      organization: { organization_name: 'Acme' },
      member: { email_address: 'dan@acme.test', status: 'active' },
    });
    client.destroy();
  });
});
