import { ORGANIZATION_SLUG_PATTERN } from '../protocol/constants.js';
import type {
  B2BAuthenticateResponse,
  BootstrapResponse,
  DiscoveredOrganization,
  DiscoveryAuthenticateResponse,
  Member,
  MemberSession,
  Organization,
} from '../protocol/types.js';

const CREATED = '2025-01-01T00:00:00.000Z';
/** Far in the future, so fixture sessions never expire during a test. */
const EXPIRES = '2099-01-01T00:00:00.000Z';

/** An organization (`Acme Inc.`, slug `acme-inc`); override any field. */
export function fixtureOrganization(overrides: Partial<Organization> = {}): Organization {
  return {
    organization_id: 'organization-test-00000000-0000-4000-8000-000000000001',
    organization_name: 'Acme Inc.',
    organization_slug: 'acme-inc',
    organization_logo_url: '',
    trusted_metadata: {},
    allowed_domains: [],
    email_allowed_domains: [],
    email_jit_provisioning: 'NOT_ALLOWED',
    email_invites: 'ALL_ALLOWED',
    sso_jit_provisioning: 'ALL_ALLOWED',
    sso_jit_provisioning_allowed_connections: [],
    sso_default_connection_id: null,
    sso_active_connections: [],
    auth_methods: 'ALL_ALLOWED',
    allowed_auth_methods: [],
    mfa_policy: 'OPTIONAL',
    created_at: CREATED,
    updated_at: CREATED,
    ...overrides,
  };
}

/** An active member (`ada@acme.test`) of {@link fixtureOrganization}; override any field. */
export function fixtureMember(overrides: Partial<Member> = {}): Member {
  return {
    organization_id: fixtureOrganization().organization_id,
    member_id: 'member-test-00000000-0000-4000-8000-000000000001',
    email_address: 'ada@acme.test',
    email_address_verified: true,
    status: 'active',
    name: 'Ada Lovelace',
    roles: ['stytch_member'],
    trusted_metadata: {},
    untrusted_metadata: {},
    is_breakglass: false,
    mfa_enrolled: false,
    created_at: CREATED,
    updated_at: CREATED,
    ...overrides,
  };
}

/** A session of {@link fixtureMember} expiring in 2099; override any field. */
export function fixtureMemberSession(overrides: Partial<MemberSession> = {}): MemberSession {
  const member = fixtureMember();
  return {
    member_session_id: 'member-session-test-00000000-0000-4000-8000-000000000001',
    member_id: member.member_id,
    organization_id: member.organization_id,
    organization_slug: fixtureOrganization().organization_slug,
    started_at: CREATED,
    last_accessed_at: CREATED,
    expires_at: EXPIRES,
    authentication_factors: [
      {
        type: 'magic_link',
        delivery_method: 'email',
        last_authenticated_at: CREATED,
        email_factor: { email_id: 'email-test-1', email_address: member.email_address },
      },
    ],
    roles: ['stytch_member'],
    ...overrides,
  };
}

/** A full authentication answer (member signed in); override member, organization or any field. */
export function fixtureAuthenticateResponse(overrides: Partial<B2BAuthenticateResponse> = {}): B2BAuthenticateResponse {
  const organization = overrides.organization ?? fixtureOrganization();
  const member = overrides.member ?? fixtureMember({ organization_id: organization.organization_id });
  return {
    request_id: 'request-id-test-00000000-0000-4000-8000-000000000001',
    status_code: 200,
    member_id: member.member_id,
    organization_id: organization.organization_id,
    member,
    organization,
    member_session: fixtureMemberSession({
      member_id: member.member_id,
      organization_id: organization.organization_id,
      organization_slug: organization.organization_slug,
    }),
    session_token: 'session-token-test-fixture',
    session_jwt: 'eyJhbGciOiJFUzI1NiJ9.fixture.signature',
    member_authenticated: true,
    intermediate_session_token: '',
    mfa_required: null,
    primary_required: null,
    ...overrides,
  };
}

/** A discovered organization where the person is an active member; override any field. */
export function fixtureDiscoveredOrganization(
  overrides: Partial<DiscoveredOrganization> & { organization?: Organization } = {},
): DiscoveredOrganization {
  const organization = overrides.organization ?? fixtureOrganization();
  return {
    organization,
    membership: {
      type: 'active_member',
      details: null,
      member: fixtureMember({ organization_id: organization.organization_id }),
    },
    member_authenticated: false,
    primary_required: null,
    mfa_required: null,
    ...overrides,
  };
}

/** A discovery authenticate answer for `ada@acme.test`; override the organizations or any field. */
export function fixtureDiscoveryResponse(
  overrides: Partial<DiscoveryAuthenticateResponse> = {},
): DiscoveryAuthenticateResponse {
  return {
    request_id: 'request-id-test-00000000-0000-4000-8000-000000000002',
    status_code: 200,
    intermediate_session_token: 'intermediate-session-token-test-fixture',
    email_address: 'ada@acme.test',
    discovered_organizations: [fixtureDiscoveredOrganization()],
    ...overrides,
  };
}

/**
 * A project's bootstrap as an OrgAuth server answers it (PKCE required for every flow the client
 * starts, no custom domain); override any field, e.g. `cname_domain`.
 */
export function fixtureBootstrapResponse(overrides: Partial<BootstrapResponse> = {}): BootstrapResponse {
  return {
    request_id: 'request-id-test-00000000-0000-4000-8000-000000000003',
    status_code: 200,
    project_name: 'Test project',
    disable_sdk_watermark: true,
    captcha_settings: { enabled: false },
    cname_domain: null,
    email_domains: [],
    pkce_required_for_email_magic_links: true,
    pkce_required_for_password_resets: false,
    pkce_required_for_oauth: true,
    pkce_required_for_sso: true,
    slug_pattern: ORGANIZATION_SLUG_PATTERN,
    create_organization_enabled: true,
    password_config: null,
    dfp_protected_auth_enabled: false,
    dfp_protected_auth_mode: 'OBSERVATION',
    rbac_policy: null,
    siwe_required_for_crypto_wallets: false,
    vertical: 'B2B',
    ...overrides,
  };
}
