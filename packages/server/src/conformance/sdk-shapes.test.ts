import { describe, expect, test } from 'vitest';
import { requiredFields, shapeErrors } from './sdk-shapes.js';

// The conformance suite trusts this checker to catch drift from the SDK types: prove it does.
describe('shapeErrors (stytch .d.ts driven)', () => {
  const session = {
    member_session_id: 'member-session-test-1',
    member_id: 'member-test-1',
    started_at: '2030-01-01T00:00:00.000Z',
    last_accessed_at: '2030-01-01T00:00:00.000Z',
    expires_at: '2030-01-01T01:00:00.000Z',
    authentication_factors: [{ type: 'magic_link', delivery_method: 'email' }],
    organization_id: 'organization-test-1',
    roles: ['stytch_member'],
    organization_slug: 'acme',
  };

  test('reads required fields from the installed SDK', () => {
    expect(requiredFields('MemberSession')).toEqual(
      expect.arrayContaining(['member_session_id', 'organization_slug', 'roles']),
    );
    expect(requiredFields('MemberSession')).not.toContain('custom_claims');
    expect(() => requiredFields('NoSuchInterface')).toThrow(/declares no interface/);
  });

  test('a conformant value has no problems', () => {
    expect(shapeErrors(session, 'MemberSession')).toEqual([]);
    expect(shapeErrors({ ...session, custom_claims: null }, 'MemberSession')).toEqual([]);
  });

  test('a missing required field is reported', () => {
    const { organization_slug: _dropped, ...rest } = session;
    expect(shapeErrors(rest, 'MemberSession')).toEqual(['MemberSession.organization_slug: missing (string)']);
  });

  test('wrong kinds are reported, inside arrays and nested interfaces too', () => {
    expect(shapeErrors({ ...session, roles: 'stytch_member' }, 'MemberSession')[0]).toMatch(/roles: expected an array/);
    expect(shapeErrors({ ...session, roles: [1] }, 'MemberSession')[0]).toMatch(/roles\[0\]: expected string/);
    expect(shapeErrors({ ...session, authentication_factors: [{ type: 'magic_link' }] }, 'MemberSession')[0]).toMatch(
      /authentication_factors\[0\]\.delivery_method: missing/,
    );
    expect(shapeErrors({ ...session, custom_claims: 'x' }, 'MemberSession')[0]).toMatch(
      /custom_claims: expected an object/,
    );
    expect(shapeErrors(null, 'MemberSession')).toEqual(['MemberSession: expected an object, got null']);
  });

  test('response interfaces resolve nested SDK types (Member.roles are MemberRole objects)', () => {
    const problems = shapeErrors(
      { request_id: 'r', status_code: 200, member_id: 'm', member: { roles: ['admin'] } },
      'B2BOrganizationsMembersDeleteResponse',
    );
    expect(problems).toEqual([]);
    const nested = shapeErrors({ roles: ['admin'] }, 'Member');
    expect(nested).toContain('Member.roles[0]: expected an object, got "admin"');
  });
});
