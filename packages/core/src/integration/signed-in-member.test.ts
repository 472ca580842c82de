import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOrgAuthServer, type OrgAuthServer } from '@orgauth/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createB2BClient } from '../client.js';
import type { B2BClient } from '../client-types.js';
import { memoryPlatform } from '../platform/memory.js';

/**
 * The signed-in member's calls against the real server in-process (the client's fetch is
 * `server.app.fetch`): listing organizations and switching between them with the session, deciding
 * permissions from the served policy, and inviting a colleague who then signs in.
 */
const ADA = 'ada@acme.test';
const GRACE = 'grace@acme.test';
let server: OrgAuthServer;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'orgauth-core-member-'));
  server = await createOrgAuthServer({ dataDir, dev: true });
});

afterAll(async () => {
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const newClient = (): B2BClient =>
  createB2BClient({
    publicToken: server.project.public_token,
    baseUrl: 'http://localhost:3000',
    platform: memoryPlatform({
      href: 'http://localhost:3000/',
      fetch: (input, init) => Promise.resolve(server.app.fetch(new Request(input, init))),
    }),
  });

const sent: Record<string, number> = {};
/** Opens the next link mailed to `to`. */
async function openNextLink(client: B2BClient, to: string): Promise<void> {
  const mails = await vi.waitFor(async () => {
    const list = (await server.mailbox.list()).filter((m) => m.to === to);
    expect(list.length).toBeGreaterThan(sent[to] ?? 0);
    return list;
  });
  sent[to] = mails.length;
  const newest = mails.reduce((a, b) => (a.sent_at >= b.sent_at ? a : b));
  await client.authenticateByUrl({ href: newest.text.match(/https?:\/\/\S+/)![0] });
}

/** Proves `email` by a discovery link, then creates an organization and signs in to it. */
async function createOrganization(client: B2BClient, email: string, name: string) {
  await client.magicLinks.email.discovery.send({ email_address: email });
  await openNextLink(client, email);
  const slug = name.toLowerCase();
  return client.discovery.organizations.create({ organization_name: name, organization_slug: slug });
}

describe('the signed-in member against the real server', () => {
  it('lists and switches organizations with the session, and invites a colleague', async () => {
    const ada = newClient();
    const acme = (await createOrganization(ada, ADA, 'Acme')).organization;
    const globex = (await createOrganization(ada, ADA, 'Globex')).organization;
    expect(ada.store.getState()).toMatchObject({ status: 'signed-in', organization: { organization_name: 'Globex' } });

    // No intermediate session is left: the session itself is the credential.
    const listed = await ada.discovery.organizations.list();
    expect(listed.discovered_organizations.map((d) => [d.organization.organization_id, d.membership.type])).toEqual(
      expect.arrayContaining([
        [acme.organization_id, 'active_member'],
        [globex.organization_id, 'active_member'],
      ]),
    );

    await ada.session.exchange({ organization_id: acme.organization_id });
    const state = ada.store.getState();
    expect(state).toMatchObject({ status: 'signed-in', organization: { organization_id: acme.organization_id } });
    if (state.status !== 'signed-in') return;
    expect(state.session.organization_id).toBe(acme.organization_id);

    // Every member holds `stytch_member`, which the served policy gives every `stytch.self` action.
    expect(await ada.rbac.isAuthorized('stytch.self', 'update.info.name')).toBe(true);
    expect(ada.rbac.isAuthorizedSync('stytch.self', 'update.info.name')).toBe(true);
    const permissions = await ada.rbac.allPermissions();
    expect(Object.keys(permissions)).toEqual(
      expect.arrayContaining(['stytch.organization', 'stytch.member', 'stytch.self']),
    );
    expect(permissions['stytch.self']).toMatchObject({ 'update.info.name': true });

    const invited = await ada.magicLinks.email.invite({ email_address: GRACE, name: 'Grace' });
    expect(invited).toMatchObject({
      member: { email_address: GRACE, name: 'Grace', status: 'invited' },
      organization: { organization_id: acme.organization_id },
    });
    const grace = newClient();
    await openNextLink(grace, GRACE);
    expect(grace.store.getState()).toMatchObject({
      status: 'signed-in',
      member: { email_address: GRACE, status: 'active' },
      organization: { organization_id: acme.organization_id },
    });
    // Grace belongs to Acme only: switching to Globex is refused and her session stays.
    await expect(grace.session.exchange({ organization_id: globex.organization_id })).rejects.toMatchObject({
      code: 'api_error',
      errorType: 'member_not_found',
    });
    expect(grace.store.getState()).toMatchObject({ status: 'signed-in', member: { email_address: GRACE } });
  });
});
