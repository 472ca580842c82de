import { suggestSlug } from '@orgauth/core/protocol';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createTestServer, type TestServer } from '../testing/test-server.js';

let t: TestServer;
beforeEach(async () => {
  t = await createTestServer();
});
afterEach(async () => {
  await t.close();
});

describe('backend organizations and members', () => {
  test('wrong or missing secret → 401 unauthorized_credentials', async () => {
    const { project_id, public_token } = t.server.project;
    for (const auth of [
      null,
      { user: project_id, password: 'secret-test-wrong' },
      { user: 'project-test-nope', password: t.server.project.secret },
      { user: public_token, password: public_token },
    ]) {
      const res = await t.api('/organizations', { body: { organization_name: 'X' }, auth });
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({
        status_code: 401,
        error_type: 'unauthorized_credentials',
        request_id: expect.any(String),
      });
    }
  });

  test('create and get an organization (by id or slug); bodies are not wrapped', async () => {
    const created = await t.api('/organizations', {
      body: {
        organization_name: 'Acme',
        organization_slug: 'acme',
        allowed_domains: ['Acme.test'],
        trusted_metadata: { tier: 'gold' },
      },
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      request_id: expect.stringMatching(/^request-id-test-/),
      status_code: 200,
      organization: {
        organization_name: 'Acme',
        organization_slug: 'acme',
        email_allowed_domains: ['acme.test'],
        allowed_domains: ['acme.test'],
        email_jit_provisioning: 'RESTRICTED',
        trusted_metadata: { tier: 'gold' },
      },
    });
    expect(created.body.data).toBeUndefined();
    const id = created.body.organization.organization_id;
    expect((await t.api(`/organizations/${id}`)).body.organization).toEqual(created.body.organization);
    expect((await t.api('/organizations/acme')).body.organization.organization_id).toBe(id);
    const missing = await t.api('/organizations/organization-test-nope');
    expect(missing.status).toBe(404);
    expect(missing.body.error_type).toBe('organization_not_found');
    expect(
      (await t.api('/organizations', { body: { organization_name: 'Again', organization_slug: 'acme' } })).body
        .error_type,
    ).toBe('organization_slug_already_used');
  });

  test('without a slug, the slug is the one the login UI suggests for the name (accents dropped)', async () => {
    for (const [name, slug] of [
      ['Café Zoë', 'cafe-zoe'],
      ['Cafés du Monde', 'cafes-du-monde'],
    ]) {
      const res = await t.api('/organizations', { body: { organization_name: name } });
      expect([res.status, res.body.organization?.organization_slug]).toEqual([200, slug]);
      expect(slug).toBe(suggestSlug(name as string));
    }
  });

  test('organization input is validated', async () => {
    const cases: [unknown, string][] = [
      [{}, 'invalid_organization_name'],
      [{ organization_name: 'Ab', organization_slug: '-bad' }, 'invalid_organization_slug'],
      [{ organization_name: 'Ab', email_jit_provisioning: 'SOMETIMES' }, 'bad_request'],
      [{ organization_name: 'Ab', allowed_domains: ['not a domain'] }, 'bad_request'],
      [{ organization_name: 'Ab', trusted_metadata: [1] }, 'bad_request'],
      [{ organization_name: 'Ab', organization_logo_url: 'javascript:alert(1)' }, 'bad_request'],
      [{ organization_name: 'Ab', allowed_auth_methods: ['telepathy'] }, 'bad_request'],
    ];
    for (const [body, errorType] of cases) {
      const res = await t.api('/organizations', { body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error_type).toBe(errorType);
    }
  });

  test('create and get members; duplicate email refused', async () => {
    const org = (await t.api('/organizations', { body: { organization_name: 'Acme', organization_slug: 'acme' } })).body
      .organization;
    const created = await t.api(`/organizations/${org.organization_id}/members`, {
      body: { email_address: 'Ada@Acme.test', name: 'Ada', roles: ['admin'], untrusted_metadata: { theme: 'dark' } },
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      member_id: expect.stringMatching(/^member-test-/),
      member: {
        email_address: 'ada@acme.test',
        name: 'Ada',
        status: 'active',
        roles: ['admin'],
        untrusted_metadata: { theme: 'dark' },
      },
      organization: { organization_id: org.organization_id },
    });
    const memberId = created.body.member_id;
    const got = await t.api(`/organizations/${org.organization_id}/members/${memberId}`);
    expect(got.body.member).toEqual(created.body.member);
    const bySingular = await t.api(`/organizations/acme/member?email_address=ada@acme.test`);
    expect(bySingular.body.member_id).toBe(memberId);

    const duplicate = await t.api(`/organizations/${org.organization_id}/members`, {
      body: { email_address: 'ada@acme.test' },
    });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.error_type).toBe('duplicate_member_email');
    const pending = await t.api(`/organizations/${org.organization_id}/members`, {
      body: { email_address: 'bob@acme.test', create_member_as_pending: true },
    });
    expect(pending.body.member.status).toBe('pending');
    expect((await t.api(`/organizations/${org.organization_id}/members/member-test-nope`)).body.error_type).toBe(
      'member_not_found',
    );
    expect(
      (await t.api(`/organizations/${org.organization_id}/members`, { body: { email_address: 'nope' } })).body
        .error_type,
    ).toBe('invalid_email');
  });

  test('JWKS needs no auth and 404s for unknown projects', async () => {
    expect((await t.api(`/sessions/jwks/${t.server.project.project_id}`, { auth: null })).status).toBe(200);
    expect((await t.api('/sessions/jwks/project-test-nope', { auth: null })).status).toBe(404);
  });
});
