import { suggestSlug } from '@orgauth/core/protocol';
import type { NewOrganization } from './store.js';
import { normalizeUrl } from '../projects/index.js';
import { badRequest } from '../lib/api-error.js';
import {
  JIT_POLICIES,
  checkDomains,
  checkOrganizationName,
  checkSlug,
  optionalEnum,
  optionalObject,
  optionalString,
  optionalStringArray,
  type Body,
} from '../lib/validate.js';

/** The primary authentication methods an organization can restrict itself to. */
export const AUTH_METHODS = [
  'sso',
  'magic_link',
  'password',
  'google_oauth',
  'microsoft_oauth',
  'hubspot_oauth',
  'slack_oauth',
  'github_oauth',
  'email_otp',
] as const;

/**
 * Reads and validates the organization fields of a create request (SDK discovery create or backend
 * create). `trusted_metadata` is accepted only from the backend: a browser must not set it.
 * @throws ApiError 400 with `invalid_organization_name`, `invalid_organization_slug` or `bad_request`.
 */
export function readOrganizationFields(
  body: Body,
  options: { requireName: true; allowTrustedMetadata?: boolean },
): NewOrganization {
  const name = checkOrganizationName(body.organization_name);
  const rawSlug = optionalString(body, 'organization_slug', { max: 128 });
  const slug = checkSlug(rawSlug === undefined || rawSlug === '' ? suggestSlug(name) : rawSlug);
  const logo = optionalString(body, 'organization_logo_url', { max: 2048 });
  if (logo !== undefined && logo !== '' && normalizeUrl(logo) === undefined)
    throw badRequest('organization_logo_url must be an http(s) URL.');
  const domains = optionalStringArray(body, 'email_allowed_domains') ?? optionalStringArray(body, 'allowed_domains');
  const trusted = options.allowTrustedMetadata === true ? optionalObject(body, 'trusted_metadata') : undefined;
  if (options.allowTrustedMetadata !== true && body.trusted_metadata !== undefined) {
    throw badRequest('trusted_metadata can only be set with the backend API.');
  }
  return {
    name,
    slug,
    logoUrl: logo,
    trustedMetadata: trusted,
    emailAllowedDomains: domains && checkDomains(domains),
    emailJitProvisioning: optionalEnum(body, 'email_jit_provisioning', JIT_POLICIES),
    emailInvites: optionalEnum(body, 'email_invites', JIT_POLICIES),
    ssoJitProvisioning: optionalEnum(body, 'sso_jit_provisioning', JIT_POLICIES),
    authMethods: optionalEnum(body, 'auth_methods', ['ALL_ALLOWED', 'RESTRICTED'] as const),
    allowedAuthMethods: checkAuthMethods(optionalStringArray(body, 'allowed_auth_methods', AUTH_METHODS.length)),
    mfaPolicy: readMfaPolicy(body),
  };
}

/**
 * `mfa_policy` of a create or update: `OPTIONAL`, or `REQUIRED_FOR_ALL`, which makes every primary
 * sign-in stop at the MFA gate until a second factor passes (mfa/gate.ts, AUTH-15).
 * @throws ApiError 400 `bad_request`
 */
export function readMfaPolicy(body: Body): 'OPTIONAL' | 'REQUIRED_FOR_ALL' | undefined {
  return optionalEnum(body, 'mfa_policy', ['OPTIONAL', 'REQUIRED_FOR_ALL'] as const);
}

function checkAuthMethods(methods: string[] | undefined): string[] | undefined {
  for (const method of methods ?? []) {
    if (!(AUTH_METHODS as readonly string[]).includes(method))
      throw badRequest(`allowed_auth_methods: unknown method "${method}".`);
  }
  return methods;
}
