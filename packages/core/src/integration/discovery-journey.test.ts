import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOrgAuthServer, type OrgAuthServer } from '@orgauth/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createB2BClient } from '../client.js';
import type { B2BClient } from '../client-types.js';
import { isOrgAuthApiError } from '../errors.js';
import { memoryPlatform, type MemoryPlatform } from '../platform/memory.js';

/**
 * The whole discovery journey, headless, against the real server in-process (no socket, no mock):
 * the client's fetch is `server.app.fetch`.
 */
const EMAIL = 'ada@acme.test';
let server: OrgAuthServer;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'orgauth-core-journey-'));
  server = await createOrgAuthServer({ dataDir, dev: true });
});

afterAll(async () => {
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function browser(): MemoryPlatform {
  return memoryPlatform({
    href: 'http://localhost:3000/',
    fetch: (input, init) => Promise.resolve(server.app.fetch(new Request(input, init))),
  });
}

const clientOn = (platform: MemoryPlatform): B2BClient =>
  createB2BClient({ publicToken: server.project.public_token, baseUrl: 'http://localhost:3000', platform });

/** The newest magic link mailed to `to`, after `after` links already seen. */
async function latestLink(to: string, seen: number): Promise<string> {
  const mails = await vi.waitFor(async () => {
    const list = (await server.mailbox.list()).filter((m) => m.to === to);
    expect(list.length).toBeGreaterThan(seen);
    return list;
  });
  const newest = mails.reduce((a, b) => (a.sent_at >= b.sent_at ? a : b));
  const link = newest.text.match(/https?:\/\/\S+/)?.[0];
  if (!link) throw new Error(`No link in mail: ${newest.text}`);
  return link;
}

describe('discovery journey against the real server', () => {
  it('signs up, signs out, signs back in, and survives a reload', async () => {
    const platform = browser();
    const client = clientOn(platform);
    expect(client.store.getState().status).toBe('signed-out');

    // 1. Send the discovery link; the server mails a link to the project's default redirect URL.
    await client.magicLinks.email.discovery.send({ email_address: EMAIL });
    const first = await latestLink(EMAIL, 0);
    expect(new URL(first).searchParams.get('stytch_token_type')).toBe('discovery');

    // 2. Open it: no organizations yet.
    const discovered = await client.authenticateByUrl({ href: first });
    expect(discovered).toMatchObject({
      handled: true,
      tokenType: 'discovery',
      data: { email_address: EMAIL, discovered_organizations: [] },
    });
    expect(client.store.getState()).toEqual({
      status: 'intermediate',
      emailAddress: EMAIL,
      discoveredOrganizations: [],
    });

    // A link is single-use.
    const reused = clientOn(browser());
    const reuseError = await reused.magicLinks.discovery
      .authenticate({ discovery_magic_links_token: new URL(first).searchParams.get('token')! })
      .catch((e: unknown) => e);
    expect(isOrgAuthApiError(reuseError, 'magic_link_not_found')).toBe(true);
    reused.destroy();

    // 3. Create "Acme": signed in.
    await client.discovery.organizations.create({ organization_name: 'Acme', organization_slug: 'acme' });
    const signedIn = client.store.getState();
    expect(signedIn).toMatchObject({
      status: 'signed-in',
      fromCache: false,
      organization: { organization_name: 'Acme', organization_slug: 'acme' },
      member: { email_address: EMAIL },
    });
    expect(client.session.getTokens()).not.toBeNull();

    // 4. Revoke: signed out, cookies gone.
    await client.session.revoke();
    expect(client.store.getState()).toEqual({ status: 'signed-out' });
    expect(client.session.getTokens()).toBeNull();

    // 5. Send again, authenticate: "Acme" is listed.
    await client.magicLinks.email.discovery.send({ email_address: EMAIL });
    const second = await latestLink(EMAIL, 1);
    expect(second).not.toBe(first);
    const again = await client.authenticateByUrl({ href: second });
    const orgs = again?.handled && again.tokenType === 'discovery' ? again.data.discovered_organizations : [];
    expect(orgs.map((o) => o.organization.organization_name)).toEqual(['Acme']);
    expect(orgs[0]!.membership.type).toBe('active_member');

    // 6. Exchange into Acme.
    await client.discovery.intermediateSessions.exchange({ organization_id: orgs[0]!.organization.organization_id });
    expect(client.store.getState()).toMatchObject({ status: 'signed-in', organization: { organization_slug: 'acme' } });
    client.destroy();

    // 7. Reload: a new client over the same cookies and storage starts from cache, then the server confirms.
    const reloaded = clientOn(platform.openTab());
    expect(reloaded.store.getState()).toMatchObject({
      status: 'signed-in',
      fromCache: true,
      member: { email_address: EMAIL },
    });
    await vi.waitFor(() => expect(reloaded.store.getState()).toMatchObject({ status: 'signed-in', fromCache: false }));
    const refreshed = await reloaded.session.authenticate();
    expect(refreshed.member.email_address).toBe(EMAIL);
    await reloaded.session.revoke();
    expect(reloaded.store.getState().status).toBe('signed-out');
    reloaded.destroy();
  });

  it('refuses a link opened in another browser (PKCE)', async () => {
    const requester = clientOn(browser());
    const seen = (await server.mailbox.list()).filter((m) => m.to === 'eve@acme.test').length;
    await requester.magicLinks.email.discovery.send({ email_address: 'eve@acme.test' });
    const link = await latestLink('eve@acme.test', seen);
    const victim = clientOn(browser());
    const error = await victim.authenticateByUrl({ href: link }).catch((e: unknown) => e);
    expect(isOrgAuthApiError(error, 'pkce_mismatch') || isOrgAuthApiError(error, 'pkce_required')).toBe(true);
    expect(victim.store.getState().status).toBe('signed-out');
    // The failed attempt did not burn the token: the requesting browser still signs in.
    await expect(requester.authenticateByUrl({ href: link })).resolves.toMatchObject({ handled: true });
    requester.destroy();
    victim.destroy();
  });
});
