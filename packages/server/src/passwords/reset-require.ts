import type { MembersTable, OrganizationsTable } from '../db/schema.js';
import type { AppDeps } from '../http/index.js';
import { apiError, badRequest } from '../lib/api-error.js';
import { optionalString, requiredEmail, type Body } from '../lib/validate.js';
import { findMemberByEmail, getMember, toMember, withOAuthRegistrations } from '../members/index.js';
import { organizationOfBody, toOrganization } from '../organizations/index.js';
import type { Project } from '../projects/index.js';
import { deletePassword, findPassword } from './store.js';

/**
 * The member `require_reset` names, when the call names an organization: by `member_id`, else by
 * email; it must hold that email.
 * @throws ApiError 404 `organization_not_found` / `member_not_found`, 400 (member_id alone)
 */
async function namedMember(
  deps: AppDeps,
  project: Project,
  body: Body,
  email: string,
): Promise<{ member: MembersTable; organization: OrganizationsTable } | undefined> {
  const memberId = optionalString(body, 'member_id', { max: 256 });
  const organizationRef = optionalString(body, 'organization_id', { max: 256 });
  if (organizationRef === undefined || organizationRef === '') {
    if (memberId !== undefined && memberId !== '') throw badRequest('member_id needs its organization_id.');
    return undefined;
  }
  const organization = await organizationOfBody(deps.db, project.id, body);
  const member =
    memberId === undefined || memberId === ''
      ? await findMemberByEmail(deps.db, organization.id, email)
      : await getMember(deps.db, organization.id, memberId);
  if (member === undefined || member.status === 'deleted' || member.email !== email)
    throw apiError('member_not_found', 'No member with this email address exists in the organization.');
  return { member, organization };
}

/**
 * Backend `passwords/email/require_reset`: the email's password is deleted (it is one password for
 * every member with that email, passwords/store.ts), so the next sign-in with it fails until the
 * person sets a new one by email reset (which then mails "set your password"). Idempotent: an email
 * without a password is answered alike. With `organization_id` the answer names the member.
 * @throws ApiError 404 `organization_not_found` / `member_not_found`, 400 `invalid_email`
 */
export async function requireReset(deps: AppDeps, project: Project, body: Body) {
  const email = requiredEmail(body);
  const named = await namedMember(deps, project, body, email);
  await deps.db.transaction().execute(async (trx) => {
    const row = await findPassword(trx, project.id, email);
    if (row !== undefined) await deletePassword(trx, project.id, row.id);
  });
  if (named === undefined) return {};
  const [member] = await withOAuthRegistrations(deps.db, [toMember(named.member)]);
  return { member_id: named.member.id, member, organization: toOrganization(named.organization) };
}
