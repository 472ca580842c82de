import { validateSlug, type OrganizationUpdateOptions } from '@orgauth/core';
import type { JitPolicy, Organization } from '@orgauth/core/protocol';
import { format } from '../../i18n/format.js';
import type { OrgAuthSettingsMessages } from '../../i18n/settings-messages.js';

/** The primary sign-in methods an organization may restrict itself to (`allowed_auth_methods`). */
export const AUTH_METHODS = [
  'magic_link',
  'email_otp',
  'sso',
  'password',
  'google_oauth',
  'microsoft_oauth',
  'github_oauth',
  'slack_oauth',
  'hubspot_oauth',
] as const;

/** The three JIT / invite policies, as the select offers them. */
export const POLICIES: readonly JitPolicy[] = ['ALL_ALLOWED', 'RESTRICTED', 'NOT_ALLOWED'];

/** What the form edits, as typed (domains as one line of text). */
export interface SettingsForm {
  name: string;
  slug: string;
  logo: string;
  domains: string;
  jit: JitPolicy;
  invites: JitPolicy;
  authMethods: 'ALL_ALLOWED' | 'RESTRICTED';
  allowed: Set<string>;
}

/** A field of the form. */
export type SettingsField = Exclude<keyof SettingsForm, 'allowed'>;

/** The `stytch.organization` action that lets a member change each field (Stytch's names). */
export const FIELD_ACTION = {
  name: 'update.info.name',
  slug: 'update.info.slug',
  logo: 'update.info.logo-url',
  domains: 'update.settings.allowed-domains',
  jit: 'update.settings.email-jit-provisioning',
  invites: 'update.settings.email-invites',
  authMethods: 'update.settings.allowed-auth-methods',
} as const satisfies Record<SettingsField, string>;

/** Every action the settings element asks about. */
export const SETTINGS_ACTIONS = Object.values(FIELD_ACTION);
/** One of {@link SETTINGS_ACTIONS}. */
export type SettingsAction = (typeof SETTINGS_ACTIONS)[number];

/** The form as the organization is. */
export function formOf(organization: Organization): SettingsForm {
  return {
    name: organization.organization_name,
    slug: organization.organization_slug,
    logo: organization.organization_logo_url ?? '',
    domains: (organization.email_allowed_domains ?? []).join(', '),
    jit: organization.email_jit_provisioning,
    invites: organization.email_invites,
    authMethods: organization.auth_methods,
    allowed: new Set(organization.allowed_auth_methods ?? []),
  };
}

/** The domains typed, split at commas and spaces, lower-cased. */
export const domainsOf = (text: string): string[] =>
  text
    .split(/[\s,;]+/)
    .map((d) => d.trim().toLowerCase())
    .filter(Boolean);

const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const isHttpUrl = (value: string) => {
  try {
    const { protocol } = new URL(value);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
};

/** The problems of the fields a member may change, in words; empty when the form may be sent. */
export function validate(
  form: SettingsForm,
  m: OrgAuthSettingsMessages,
  editable: (field: SettingsField) => boolean,
): Partial<Record<SettingsField, string>> {
  const errors: Partial<Record<SettingsField, string>> = {};
  if (editable('name') && form.name.trim() === '') errors.name = m['settings.nameRequired'];
  const slugError = editable('slug') ? validateSlug(form.slug) : null;
  if (slugError) errors.slug = m[`settings.${slugError}`];
  if (editable('logo') && form.logo.trim() !== '' && !isHttpUrl(form.logo.trim()))
    errors.logo = m['settings.logoInvalid'];
  const bad = editable('domains') ? domainsOf(form.domains).find((d) => !DOMAIN.test(d)) : undefined;
  if (bad !== undefined) errors.domains = format(m['settings.domainInvalid'], { domain: bad }).join('');
  if (editable('authMethods') && form.authMethods === 'RESTRICTED' && form.allowed.size === 0)
    errors.authMethods = m['settings.methodsRequired'];
  return errors;
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && new Set([...a, ...b]).size === new Set(a).size;

/** The body of `organization.update`: only the fields changed that the member may change. */
export function changes(
  form: SettingsForm,
  organization: Organization,
  editable: (field: SettingsField) => boolean,
): OrganizationUpdateOptions {
  const body: OrganizationUpdateOptions = {};
  const name = form.name.trim();
  if (editable('name') && name !== organization.organization_name) body.organization_name = name;
  if (editable('slug') && form.slug !== organization.organization_slug) body.organization_slug = form.slug;
  const logo = form.logo.trim();
  if (editable('logo') && logo !== (organization.organization_logo_url ?? '')) body.organization_logo_url = logo;
  const domains = [...new Set(domainsOf(form.domains))];
  if (editable('domains') && !sameSet(domains, organization.email_allowed_domains ?? []))
    body.email_allowed_domains = domains;
  if (editable('jit') && form.jit !== organization.email_jit_provisioning) body.email_jit_provisioning = form.jit;
  if (editable('invites') && form.invites !== organization.email_invites) body.email_invites = form.invites;
  if (editable('authMethods')) {
    if (form.authMethods !== organization.auth_methods) body.auth_methods = form.authMethods;
    const allowed = [...form.allowed];
    if (form.authMethods === 'RESTRICTED' && !sameSet(allowed, organization.allowed_auth_methods ?? []))
      body.allowed_auth_methods = allowed;
  }
  return body;
}
