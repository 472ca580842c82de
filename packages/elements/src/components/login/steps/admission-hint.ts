import { format } from '../../../i18n/format.js';
import type { OrgAuthMessages } from '../../../i18n/messages.js';
import type { StepState } from './view.js';

/**
 * On an organization's page, who may join it by email, from its public settings (`organizations/search`
 * shows them to anyone with the slug). The server mails nothing to an address the organization does
 * not admit and answers exactly as when it mails (docs/security.md AUTH-03), so the sent screen cannot
 * report a refusal; it states the rule instead, which reveals nothing about the person. Null when the
 * address's domain may join on its own, or outside an organization's page.
 */
export function admissionHint(state: StepState<'email-sent'>, m: OrgAuthMessages): unknown[] | null {
  const organization = state.flow?.organization;
  if (!organization) return null;
  const domain = state.email.slice(state.email.lastIndexOf('@') + 1).toLowerCase();
  const domains = organization.email_allowed_domains;
  if (organization.email_jit_provisioning === 'RESTRICTED' && domains.length > 0) {
    if (domains.some((allowed) => allowed.toLowerCase() === domain)) return null;
    const list = domains.map((allowed) => `@${allowed}`).join(', ');
    return format(m['emailSent.restricted'], { organization: organization.organization_name, domains: list });
  }
  return format(m['emailSent.inviteOnly'], { organization: organization.organization_name });
}
