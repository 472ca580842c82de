import type { OrganizationsTable } from '../db/schema.js';
import { badRequest } from '../lib/api-error.js';
import { checkDomains, optionalEnum, optionalStringArray, type Body } from '../lib/validate.js';

/**
 * Organization settings the backend API stores and returns (docs/wire-protocol.md §5.2) but that no flow of ours
 * enforces yet: MFA methods, RBAC implicit role assignments, OAuth tenants, claimed domains. They
 * live in one JSON column (`organizations.extra_settings`) so adding one needs no migration.
 */
export interface OrganizationExtraSettings {
  mfa_methods: 'ALL_ALLOWED' | 'RESTRICTED';
  allowed_mfa_methods: string[];
  rbac_email_implicit_role_assignments: { domain: string; role_id: string }[];
  oauth_tenant_jit_provisioning: 'RESTRICTED' | 'NOT_ALLOWED';
  allowed_oauth_tenants: Record<string, string[]>;
  claimed_email_domains: string[];
}

const DEFAULTS: OrganizationExtraSettings = {
  mfa_methods: 'ALL_ALLOWED',
  allowed_mfa_methods: [],
  rbac_email_implicit_role_assignments: [],
  oauth_tenant_jit_provisioning: 'NOT_ALLOWED',
  allowed_oauth_tenants: {},
  claimed_email_domains: [],
};

const MFA_METHODS = ['sms_otp', 'totp'];
// Google Workspace `hd`, Microsoft Entra `tid`, Slack team, HubSpot portal, GitHub organization id.
const OAUTH_TENANT_PROVIDERS = ['google', 'microsoft', 'slack', 'hubspot', 'github'];

/** The stored settings of `row`, with defaults for anything missing or corrupt. */
export function extraSettings(row: Pick<OrganizationsTable, 'extra_settings'>): OrganizationExtraSettings {
  let stored: unknown = {};
  try {
    stored = JSON.parse(row.extra_settings ?? '{}');
  } catch {
    // A corrupt column must not make the organization unreadable.
  }
  return {
    ...DEFAULTS,
    ...(typeof stored === 'object' && stored !== null ? (stored as Partial<OrganizationExtraSettings>) : {}),
  };
}

/**
 * Reads the settings present in a create / update body (absent keys stay absent).
 * @throws ApiError 400 `bad_request` naming the field.
 */
export function readExtraSettings(body: Body): Partial<OrganizationExtraSettings> {
  const out: Partial<OrganizationExtraSettings> = {};
  const mfaMethods = optionalEnum(body, 'mfa_methods', ['ALL_ALLOWED', 'RESTRICTED'] as const);
  if (mfaMethods !== undefined) out.mfa_methods = mfaMethods;
  const allowedMfa = optionalStringArray(body, 'allowed_mfa_methods', MFA_METHODS.length, 32);
  if (allowedMfa !== undefined) {
    for (const m of allowedMfa)
      if (!MFA_METHODS.includes(m)) throw badRequest(`allowed_mfa_methods: unknown method "${m}".`);
    out.allowed_mfa_methods = [...new Set(allowedMfa)];
  }
  const oauthJit = optionalEnum(body, 'oauth_tenant_jit_provisioning', ['RESTRICTED', 'NOT_ALLOWED'] as const);
  if (oauthJit !== undefined) out.oauth_tenant_jit_provisioning = oauthJit;
  const claimed = optionalStringArray(body, 'claimed_email_domains');
  if (claimed !== undefined) out.claimed_email_domains = checkDomains(claimed);
  if (body.rbac_email_implicit_role_assignments !== undefined && body.rbac_email_implicit_role_assignments !== null) {
    out.rbac_email_implicit_role_assignments = readRoleAssignments(body.rbac_email_implicit_role_assignments);
  }
  if (body.allowed_oauth_tenants !== undefined && body.allowed_oauth_tenants !== null) {
    out.allowed_oauth_tenants = readOauthTenants(body.allowed_oauth_tenants);
  }
  return out;
}

function readRoleAssignments(value: unknown): { domain: string; role_id: string }[] {
  if (!Array.isArray(value) || value.length > 100)
    throw badRequest('rbac_email_implicit_role_assignments must be an array of at most 100 items.');
  return value.map((item: unknown) => {
    const entry = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    const { domain, role_id: roleId } = entry;
    if (typeof domain !== 'string' || typeof roleId !== 'string' || roleId === '' || roleId.length > 128) {
      throw badRequest('rbac_email_implicit_role_assignments items need a domain and a role_id.');
    }
    return { domain: checkDomains([domain])[0] as string, role_id: roleId };
  });
}

function readOauthTenants(value: unknown): Record<string, string[]> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw badRequest('allowed_oauth_tenants must be an object.');
  const out: Record<string, string[]> = {};
  for (const [provider, tenants] of Object.entries(value)) {
    if (!OAUTH_TENANT_PROVIDERS.includes(provider))
      throw badRequest(`allowed_oauth_tenants: unknown provider "${provider}".`);
    const list = optionalStringArray({ tenants }, 'tenants');
    if (list === undefined) throw badRequest(`allowed_oauth_tenants.${provider} must be an array of strings.`);
    out[provider] = list;
  }
  return out;
}

/**
 * The first of `tenantIds` the organization admits by OAuth tenant: `oauth_tenant_jit_provisioning`
 * is `RESTRICTED` and `allowed_oauth_tenants[provider]` lists it (packages/server/src/oauth/); else undefined.
 */
export function admittedOAuthTenant(
  row: Pick<OrganizationsTable, 'extra_settings'>,
  provider: string,
  tenantIds: readonly string[],
): string | undefined {
  const settings = extraSettings(row);
  if (settings.oauth_tenant_jit_provisioning !== 'RESTRICTED') return undefined;
  const allowed = settings.allowed_oauth_tenants[provider] ?? [];
  return tenantIds.find((t) => allowed.includes(t));
}
