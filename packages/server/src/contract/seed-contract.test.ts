/**
 * For EVERY operation of the seed OpenAPI document (packages/server/src/contract/seed-openapi.yml,
 * docs/wire-protocol.md §5.2), a real call against the server whose response body validates against the seed's response schema (refs resolved, `date-time` and
 * `email` formats checked), plus the documented error statuses. Request bodies are validated against
 * the seed's request schema too, so these calls are what a seed-conformant client would send.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { discover, signUp } from '../testing/journey.js';
import { createTestServer, latestMagicLinkToken, type TestResponse, type TestServer } from '../testing/test-server.js';
import { loadSeedSpec, type SeedOperation } from './seed-spec.js';

const spec = loadSeedSpec();

/** One call of an operation: the path params / query / body, and the status the seed documents for it. */
interface Call {
  expect: number;
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
}

const ENVELOPE = {
  type: 'object',
  required: ['status_code', 'request_id', 'error_type', 'error_message', 'error_url'],
  properties: {
    status_code: { type: 'integer' },
    request_id: { type: 'string', minLength: 1 },
    error_type: { type: 'string', minLength: 1 },
    error_message: { type: 'string' },
    error_url: { type: 'string', format: 'uri' },
  },
};
// What every backend success carries when the seed documents no schema (Stytch's Common response).
const COMMON = {
  type: 'object',
  required: ['request_id', 'status_code'],
  properties: { request_id: { type: 'string', minLength: 1 }, status_code: { const: 200 } },
};

let t: TestServer;
const state: Record<string, TestResponse['body']> = {};
const seen = new Map<string, Set<number>>();

beforeAll(async () => {
  t = await createTestServer();
});
afterAll(async () => {
  await t?.close();
});

function operation(id: string): SeedOperation {
  const op = spec.operations.find((o) => o.operationId === id);
  if (op === undefined) throw new Error(`seed has no operation ${id}`);
  return op;
}

/** Makes the call and validates the answer against the seed; returns it for further checks. */
async function call(id: string, c: Call): Promise<TestResponse> {
  const op = operation(id);
  expect(op.statuses, `${id}: status ${c.expect} is documented`).toContain(String(c.expect));
  if (c.expect === 200 && op.requestSchema !== undefined) {
    const validRequest = spec.validator(op.requestSchema);
    expect(validRequest(c.body ?? {}), `${id} request: ${JSON.stringify(validRequest.errors)}`).toBe(true);
  }
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(c.params?.[name] ?? ''));
  const query = c.query === undefined ? '' : `?${new URLSearchParams(c.query).toString()}`;
  const res = await t.api(`${path}${query}`, { method: op.method, ...(c.body === undefined ? {} : { body: c.body }) });
  expect(res.status, `${op.method} ${path}: ${JSON.stringify(res.body)}`).toBe(c.expect);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const schema = c.expect === 200 ? (op.responseSchemas['200'] ?? COMMON) : ENVELOPE;
  const validate = spec.validator(schema);
  expect(validate(res.body), `${id} ${c.expect} response: ${JSON.stringify(validate.errors)}`).toBe(true);
  // Backend answers are never wrapped in `data`, and always carry request_id + status_code.
  expect(res.body).toMatchObject({ request_id: expect.stringMatching(/^request-id-/), status_code: c.expect });
  expect(res.body.data).toBeUndefined();
  const statuses = seen.get(id) ?? new Set<number>();
  statuses.add(c.expect);
  seen.set(id, statuses);
  return res;
}

const org = () => ({ organization_id: state.orgId as string });

describe.sequential('seed-openapi.yml contract', () => {
  test('createOrganization', async () => {
    const res = await call('createOrganization', {
      expect: 200,
      body: {
        organization_name: 'Contract Org',
        organization_slug: 'contract-org',
        allowed_domains: ['contract.test'],
        sso_jit_provisioning: 'ALL_ALLOWED',
      },
    });
    expect(res.body.organization).toMatchObject({
      organization_name: 'Contract Org',
      organization_slug: 'contract-org',
      allowed_domains: ['contract.test'],
      sso_jit_provisioning: 'ALL_ALLOWED',
    });
    state.orgId = res.body.organization.organization_id;
    await call('createOrganization', { expect: 400, body: { organization_slug: 'no-name' } });
  });

  test('getOrganization', async () => {
    const res = await call('getOrganization', { expect: 200, params: org() });
    expect(res.body.organization.organization_id).toBe(state.orgId);
    await call('getOrganization', {
      expect: 404,
      params: { organization_id: 'organization-test-00000000-0000-4000-8000-000000000000' },
    });
  });

  test('updateOrganization', async () => {
    await call('updateOrganization', {
      expect: 200,
      params: org(),
      body: {
        organization_name: 'Contract Org Renamed',
        allowed_domains: ['contract.test', 'contract2.test'],
        sso_jit_provisioning: 'RESTRICTED',
      },
    });
    const after = await call('getOrganization', { expect: 200, params: org() });
    expect(after.body.organization).toMatchObject({
      organization_name: 'Contract Org Renamed',
      allowed_domains: ['contract.test', 'contract2.test'],
      sso_jit_provisioning: 'RESTRICTED',
    });
  });

  test('createMember', async () => {
    const res = await call('createMember', {
      expect: 200,
      params: org(),
      body: {
        email_address: 'ada@contract.test',
        name: 'Ada',
        trusted_metadata: { tier: 1 },
        untrusted_metadata: { theme: 'dark' },
      },
    });
    expect(res.body.member).toMatchObject({
      email_address: 'ada@contract.test',
      name: 'Ada',
      status: 'active',
      organization_id: state.orgId,
    });
    state.memberId = res.body.member.member_id;
  });

  test('listMembers (limit + cursor)', async () => {
    for (const email of ['bob@contract.test', 'cy@contract.test'])
      await call('createMember', { expect: 200, params: org(), body: { email_address: email } });
    const first = await call('listMembers', { expect: 200, params: org(), query: { limit: '2' } });
    expect(first.body.members).toHaveLength(2);
    const cursor = first.body.results_metadata?.next_cursor;
    expect(typeof cursor).toBe('string');
    const second = await call('listMembers', { expect: 200, params: org(), query: { limit: '2', cursor } });
    const emails = [...first.body.members, ...second.body.members].map(
      (m: { email_address: string }) => m.email_address,
    );
    expect(emails.sort()).toEqual(['ada@contract.test', 'bob@contract.test', 'cy@contract.test']);
  });

  test('getMember', async () => {
    const res = await call('getMember', { expect: 200, params: { ...org(), member_id: state.memberId } });
    expect(res.body.member.member_id).toBe(state.memberId);
  });

  test('sendB2BMagicLinkByEmail', async () => {
    await call('sendB2BMagicLinkByEmail', {
      expect: 200,
      body: { email_address: 'ada@contract.test', organization_id: state.orgId },
    });
    state.magicToken = (await latestMagicLinkToken(t.server, 'ada@contract.test')).token;
  });

  test('authenticateB2BMagicLink', async () => {
    const res = await call('authenticateB2BMagicLink', {
      expect: 200,
      body: { magic_links_token: state.magicToken, session_duration_minutes: 60 },
    });
    expect(res.body).toMatchObject({
      member_id: state.memberId,
      organization_id: state.orgId,
      member_session: { member_id: state.memberId },
    });
  });

  test('authenticateB2BSession', async () => {
    const data = await signUp(t, 'grace@session.test', 'session-org');
    state.session = data;
    const res = await call('authenticateB2BSession', { expect: 200, body: { session_token: data.session_token } });
    expect(res.body).toMatchObject({
      member: { member_id: data.member_id },
      member_session: { member_session_id: data.member_session.member_session_id },
    });
    await call('authenticateB2BSession', { expect: 200, body: { session_jwt: data.session_jwt } });
  });

  test('revokeB2BSession', async () => {
    await call('revokeB2BSession', { expect: 200, body: { session_token: state.session.session_token } });
    const after = await t.api('/sessions/authenticate', { body: { session_token: state.session.session_token } });
    expect(after.status).toBeGreaterThanOrEqual(400);
    expect(after.status).toBeLessThan(500);
  });

  test('createSAMLConnection', async () => {
    await call('createSAMLConnection', { expect: 200, body: { organization_id: state.orgId, display_name: 'Okta' } });
  });

  test('listSSOConnections', async () => {
    const res = await call('listSSOConnections', { expect: 200, query: org() });
    expect(res.body.saml_connections).toHaveLength(1);
    expect(res.body.oidc_connections).toEqual([]);
  });

  test('discoverOrganizations', async () => {
    const { ist } = await discover(t, 'ada@contract.test');
    const res = await call('discoverOrganizations', { expect: 200, body: { intermediate_session_token: ist } });
    expect(res.body.email_address).toBe('ada@contract.test');
    const ids = res.body.discovered_organizations.map(
      (d: { organization: { organization_id: string } }) => d.organization.organization_id,
    );
    expect(ids).toContain(state.orgId);
  });

  test('deleteMember', async () => {
    await call('deleteMember', { expect: 200, params: { ...org(), member_id: state.memberId } });
  });

  test('deleteOrganization', async () => {
    await call('deleteOrganization', { expect: 200, params: org() });
    await call('getOrganization', { expect: 404, params: org() });
  });

  test('every seed operation and every documented status was exercised', () => {
    expect(spec.operations).toHaveLength(15);
    for (const op of spec.operations) {
      const statuses = [...(seen.get(op.operationId) ?? [])].map(String).sort();
      expect(statuses, op.operationId).toEqual([...op.statuses].sort());
    }
  });
});
