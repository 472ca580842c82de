import type { Db, MembersTable, OrganizationsTable } from '../db/schema.js';
import { apiError } from '../lib/api-error.js';
import type { Mailer } from '../mail/mailer.js';
import { assertInviteAllowed, assertMagicLinkAllowed, findMemberByEmail, insertMember } from '../members/index.js';
import { issueOrgMagicLink } from './organization-links.js';

/** An invitation to send (fields already validated, redirect URL already resolved). */
export interface InviteInput {
  projectId: string;
  organization: OrganizationsTable;
  email: string;
  redirectUrl: string;
  ttlMinutes: number;
  name?: string | undefined;
  roles?: string[] | undefined;
  trustedMetadata?: Record<string, unknown> | undefined;
  untrustedMetadata?: Record<string, unknown> | undefined;
  /** The member who invites, shown in the email. */
  inviter?: MembersTable | undefined;
  /** The send call's `locale` (mail/locale.ts). */
  locale?: string | undefined;
}

/**
 * Invites `email` into the organization: a new member is created with status `invited`; a pending,
 * invited or deleted member becomes `invited` again (given fields overwrite theirs); an active member
 * is refused. The member stays `invited` until the mailed link is authenticated. Member and token are
 * written in one transaction; the mail leaves only after the commit.
 * @throws ApiError 403 `invites_not_allowed` / `magic_link_not_allowed`, 400 `duplicate_member_email`
 */
export async function inviteMember(db: Db, mailer: Mailer, input: InviteInput, now: number): Promise<MembersTable> {
  assertInviteAllowed(input.organization, input.email);
  assertMagicLinkAllowed(input.organization);
  const { member, send } = await db.transaction().execute(async (trx) => {
    const existing = await findMemberByEmail(trx, input.organization.id, input.email);
    let member: MembersTable;
    if (existing === undefined) {
      member = await insertMember(
        trx,
        input.projectId,
        input.organization.id,
        {
          email: input.email,
          status: 'invited',
          emailVerified: false,
          name: input.name,
          roles: input.roles,
          trustedMetadata: input.trustedMetadata,
          untrustedMetadata: input.untrustedMetadata,
        },
        now,
      );
    } else if (existing.status === 'active') {
      throw apiError('duplicate_member_email', 'This email already belongs to an active member of the organization.');
    } else {
      member = {
        ...existing,
        status: 'invited',
        name: input.name ?? existing.name,
        roles: input.roles === undefined ? existing.roles : JSON.stringify(input.roles),
        trusted_metadata:
          input.trustedMetadata === undefined ? existing.trusted_metadata : JSON.stringify(input.trustedMetadata),
        untrusted_metadata:
          input.untrustedMetadata === undefined ? existing.untrusted_metadata : JSON.stringify(input.untrustedMetadata),
        updated_at: now,
      };
      const { id, ...changes } = member;
      await trx.updateTable('members').set(changes).where('id', '=', id).execute();
    }
    const inviter = input.inviter && (input.inviter.name !== '' ? input.inviter.name : input.inviter.email);
    const send = await issueOrgMagicLink(
      trx,
      mailer,
      {
        purpose: 'invite',
        projectId: input.projectId,
        organization: input.organization,
        email: input.email,
        redirectUrl: input.redirectUrl,
        ttlMinutes: input.ttlMinutes,
        inviter,
        locale: input.locale,
      },
      now,
    );
    return { member, send };
  });
  await send();
  return member;
}
