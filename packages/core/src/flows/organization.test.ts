import { describe, expect, it } from 'vitest';
import { isOrgAuthApiError } from '../errors.js';
import { fixtureOrganization } from '../testing/fixtures.js';
import { fixtureErrorEnvelope } from '../testing/scripted-transport.js';
import { createTestClient } from '../testing/test-client.js';

const SEARCH = 'POST /b2b/organizations/search';

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
