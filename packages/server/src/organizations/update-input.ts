import type { OrganizationPatch } from './admin.js';
import { readExtraSettings } from './settings.js';
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
import { AUTH_METHODS, readMfaPolicy } from './input.js';

/**
 * `organization_external_id`: 1–128 characters; `''` or `null` clears it (update only).
 * @throws ApiError 400 `bad_request`
 */
export function readExternalId(body: Body, key: string): string | null | undefined {
  if (body[key] === null) return null;
  const value = optionalString(body, key, { max: 128 });
  if (value === undefined) return undefined;
  if (value.trim() === '') return null;
  if (value !== value.trim()) throw badRequest(`${key} must not start or end with spaces.`);
  return value;
}

/**
 * Reads the body of `PUT /organizations/{id}` (docs/wire-protocol.md §5.2 field list; the seed's `allowed_domains`
 * too). Every field is optional; fields not listed are ignored, as Stytch does.
 * @throws ApiError 400 with `invalid_organization_name`, `invalid_organization_slug` or `bad_request`.
 */
export function readOrganizationPatch(body: Body): OrganizationPatch {
  const patch: OrganizationPatch = {};
  if (body.organization_name !== undefined && body.organization_name !== null)
    patch.name = checkOrganizationName(body.organization_name);
  const slug = optionalString(body, 'organization_slug', { max: 128 });
  if (slug !== undefined) patch.slug = checkSlug(slug);
  const logo = optionalString(body, 'organization_logo_url', { max: 2048 });
  if (logo !== undefined) {
    if (logo !== '' && normalizeUrl(logo) === undefined)
      throw badRequest('organization_logo_url must be an http(s) URL.');
    patch.logoUrl = logo;
  }
  const trusted = optionalObject(body, 'trusted_metadata');
  if (trusted !== undefined) patch.trustedMetadata = trusted;
  const externalId = readExternalId(body, 'organization_external_id');
  if (externalId !== undefined) patch.externalId = externalId;
  if (body.sso_default_connection_id === null || body.sso_default_connection_id === '')
    patch.ssoDefaultConnectionId = null;
  else {
    const connection = optionalString(body, 'sso_default_connection_id', { max: 256 });
    if (connection !== undefined) patch.ssoDefaultConnectionId = connection;
  }
  const jitConnections = optionalStringArray(body, 'sso_jit_provisioning_allowed_connections');
  if (jitConnections !== undefined) patch.ssoJitAllowedConnections = [...new Set(jitConnections)];
  const domains = optionalStringArray(body, 'email_allowed_domains') ?? optionalStringArray(body, 'allowed_domains');
  if (domains !== undefined) patch.emailAllowedDomains = checkDomains(domains);
  const enums: [keyof OrganizationPatch, string, readonly string[]][] = [
    ['emailJitProvisioning', 'email_jit_provisioning', JIT_POLICIES],
    ['emailInvites', 'email_invites', JIT_POLICIES],
    ['ssoJitProvisioning', 'sso_jit_provisioning', JIT_POLICIES],
    ['authMethods', 'auth_methods', ['ALL_ALLOWED', 'RESTRICTED']],
  ];
  for (const [field, key, allowed] of enums) {
    const value = optionalEnum(body, key, allowed);
    if (value !== undefined) (patch as Record<string, unknown>)[field] = value;
  }
  const mfaPolicy = readMfaPolicy(body);
  if (mfaPolicy !== undefined) patch.mfaPolicy = mfaPolicy;
  const methods = optionalStringArray(body, 'allowed_auth_methods', AUTH_METHODS.length);
  if (methods !== undefined) {
    for (const method of methods)
      if (!(AUTH_METHODS as readonly string[]).includes(method))
        throw badRequest(`allowed_auth_methods: unknown method "${method}".`);
    patch.allowedAuthMethods = [...new Set(methods)];
  }
  patch.extra = readExtraSettings(body);
  return patch;
}
