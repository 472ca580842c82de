import { describe, expect, it } from 'vitest';
import { isOrgAuthApiError } from '../errors.js';
import { fixtureMember, fixtureMemberSession, fixtureOrganization } from '../testing/fixtures.js';
import { fixtureErrorEnvelope } from '../testing/scripted-transport.js';
import { createTestClient } from '../testing/test-client.js';

const SEARCH = 'POST /b2b/organizations/search';
const ME = '/b2b/organizations/me';
const STATE_KEY = 'stytch_sdk_state_public-token-test-00000000-0000-4000-8000-000000000000';

const signedIn = {
  status: 'signed-in',
  member: fixtureMember(),
  organization: fixtureOrganization(),
  session: fixtureMemberSession(),
  fromCache: false,
} as const;
const renamed = fixtureOrganization({ organization_name: 'Acme Corp' });
const common = { request_id: 'r', status_code: 200 };

describe('organization.getBySlug', () => {
  it('answers { organization } for a slug, or { organization: null }, without a session', async () => {
    const org = fixtureOrganization();
    const { client, transport } = createTestClient({
      replies: { [SEARCH]: { request_id: 'r', status_code: 200, organization: org } },
    });
    await expect(client.organization.getBySlug({ organization_slug: 'acme-inc' })).resolves.toEqual({
      request_id: 'r',
      status_code: 200,
      organization: org,
    });
    expect(transport.requests[0]!.body).toEqual({ organization_slug: 'acme-inc' });
    expect(transport.requests[0]!.headers.authorization).toBe(
      `Basic ${btoa(`${client.publicToken}:${client.publicToken}`)}`,
    );
    transport.reply(SEARCH, { request_id: 'r', status_code: 200, organization: null });
    await expect(client.organization.getBySlug({ organization_slug: 'nope' })).resolves.toMatchObject({
      organization: null,
    });
  });

  it('sends only the slug, whatever else the options carry', async () => {
    const { client, transport } = createTestClient({
      replies: { [SEARCH]: { request_id: 'r', status_code: 200, organization: null } },
    });
    const options = { organization_slug: 'acme', organization_id: 'organization-test-x' };
    await client.organization.getBySlug(options);
    expect(transport.requests[0]!.body).toEqual({ organization_slug: 'acme' });
  });

  it('rejects with the API error the server answers', async () => {
    const { client } = createTestClient({
      replies: { [SEARCH]: fixtureErrorEnvelope('invalid_organization_slug', 400) },
    });
    await expect(client.organization.getBySlug({ organization_slug: '-' })).rejects.toSatisfy((e) =>
      isOrgAuthApiError(e, 'invalid_organization_slug'),
    );
  });
});

describe('organization.get / update / delete', () => {
  it('get reads the session organization and keeps it in the store and the cache', async () => {
    const { client, transport, platform } = createTestClient({
      state: signedIn,
      replies: { [`GET ${ME}`]: { ...common, organization: renamed } },
    });
    await expect(client.organization.get()).resolves.toEqual(renamed);
    expect(transport.requests[0]).toMatchObject({ method: 'GET', path: ME, body: undefined });
    expect(transport.requests[0]!.headers.authorization).toBe(
      `Basic ${btoa(`${client.publicToken}:session-token-test-seeded`)}`,
    );
    expect(client.store.getState()).toEqual({ ...signedIn, organization: renamed });
    expect(JSON.parse(platform.storageMap.get(STATE_KEY)!).organization).toEqual(renamed);
  });

  it('update sends the settings as the PUT body and keeps the answer in the store', async () => {
    const { client, transport } = createTestClient({
      state: signedIn,
      replies: { [`PUT ${ME}`]: { ...common, organization: renamed } },
    });
    const options = { organization_name: 'Acme Corp', email_invites: 'NOT_ALLOWED' } as const;
    await expect(client.organization.update(options)).resolves.toEqual({ ...common, organization: renamed });
    expect(transport.requests[0]).toMatchObject({ method: 'PUT', path: ME, body: options });
    expect(client.store.getState()).toMatchObject({ status: 'signed-in', organization: renamed });
  });

  it('keeps the store when the answer is about another organization than the current one', async () => {
    const other = fixtureOrganization({ organization_id: 'organization-test-other', organization_name: 'Other' });
    const { client } = createTestClient({
      state: signedIn,
      replies: { [`GET ${ME}`]: { ...common, organization: other } },
    });
    await client.organization.get();
    expect(client.store.getState()).toBe(signedIn);
  });

  it('delete ends the local session: cookies, cache and store', async () => {
    const { client, transport, platform } = createTestClient({
      state: signedIn,
      replies: { [`DELETE ${ME}`]: { ...common, organization_id: signedIn.organization.organization_id } },
    });
    platform.storageMap.set(STATE_KEY, JSON.stringify({ ...signedIn, status: undefined }));
    await expect(client.organization.delete()).resolves.toMatchObject({
      organization_id: signedIn.organization.organization_id,
    });
    expect(transport.requests[0]).toMatchObject({ method: 'DELETE', path: ME, body: undefined });
    expect(client.store.getState()).toEqual({ status: 'signed-out' });
    expect(platform.cookieJar.size).toBe(0);
    expect(platform.storageMap.get(STATE_KEY)).toBe('null');
  });

  it.each([
    ['get', `GET ${ME}`],
    ['update', `PUT ${ME}`],
    ['delete', `DELETE ${ME}`],
  ] as const)('%s rejects with the refusal and keeps the session', async (method, key) => {
    const { client } = createTestClient({
      state: signedIn,
      replies: { [key]: fixtureErrorEnvelope('unauthorized_action', 403) },
    });
    const error = await client.organization[method]({}).catch((e: unknown) => e);
    expect(isOrgAuthApiError(error, 'unauthorized_action')).toBe(true);
    expect(error).toMatchObject({ statusCode: 403 });
    expect(client.store.getState()).toBe(signedIn);
  });
});
