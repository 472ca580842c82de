import { isOrgAuthError, OrgAuthError, type B2BClient } from '@orgauth/core';
import type { Member } from '@orgauth/core/protocol';
import { OrgAuthErrorEvent } from '../../events/error.js';
import { OrgAuthMemberChangeEvent, type OrgAuthMemberChange } from '../../events/member-change.js';
import { format } from '../../i18n/format.js';
import type { OrgAuthMembersMessageKey, OrgAuthMembersMessages } from '../../i18n/members-messages.js';
import type { MembersList } from './members-list.js';

/** The `stytch.member` actions the panel offers, by Stytch's names (`rbac-policy.ts` of the server). */
export const MEMBER_ACTIONS = ['search', 'create', 'update.settings.roles', 'delete'] as const;
/** One of {@link MEMBER_ACTIONS}. */
export type MemberAction = (typeof MEMBER_ACTIONS)[number];

/** A destructive step waiting for its confirmation. */
export interface PendingStep {
  kind: 'remove' | 'revoke';
  member: Member;
}

/** What the actions need from the element. */
export interface ActionsHost {
  client(): B2BClient | undefined;
  messages(): OrgAuthMembersMessages;
  changed(): void;
  dispatchEvent(event: Event): boolean;
  /** Moves focus to `selector` in the element after the next render. */
  focusAfterRender(selector: string): void;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** The selector of a member's table row. */
export const rowOf = (member: Member): string => `[data-member="${CSS.escape(member.member_id)}"]`;
/** Roles a member holds explicitly: `stytch_member` is everyone's and is never sent. */
export const explicitRoles = (member: Member): string[] => member.roles.filter((r) => r !== 'stytch_member');

/**
 * The changes `<orgauth-organization-members>` makes, each one call of the client: invite
 * (`magicLinks.email.invite`), resend (the same invite again), revoke and remove
 * (`organization.members.delete`, after a confirmation), reactivate and change roles. Each reports in
 * words (`status` on success, `error` otherwise) and with an event; the list is read again afterwards.
 */
export class MemberActions {
  /** The last success, in words (announced by a polite live region). */
  status = '';
  /** The last failure. */
  error: unknown = null;
  /** What runs: `invite`, or the id of the member acted on. */
  busy: string | null = null;
  confirm: PendingStep | null = null;
  invite = { open: false, email: '', roles: new Set<string>(), attempted: false };
  editing: { memberId: string; roles: Set<string> } | null = null;
  readonly #host: ActionsHost;
  readonly #list: MembersList;

  constructor(host: ActionsHost, list: MembersList) {
    this.#host = host;
    this.#list = list;
  }

  /** Forgets every open form, pending step and message (another session or organization). */
  reset(): void {
    this.status = '';
    this.error = null;
    this.busy = null;
    this.confirm = null;
    this.invite = { open: false, email: '', roles: new Set(), attempted: false };
    this.editing = null;
  }

  /** The invite email's problem in words, once a send was attempted. */
  get inviteEmailError(): string | null {
    const { attempted, email } = this.invite;
    return attempted && !EMAIL.test(email.trim()) ? this.#host.messages()['members.inviteEmailInvalid'] : null;
  }

  toggleInvite(open: boolean): void {
    if (this.busy === 'invite') return;
    this.invite = { open, email: '', roles: new Set(), attempted: false };
    this.#host.focusAfterRender(open ? '#invite-email' : '[part~="invite-button"]');
    this.#host.changed();
  }

  setInviteEmail(email: string): void {
    this.invite = { ...this.invite, email };
    this.#host.changed();
  }

  toggle(set: Set<string>, role: string, on: boolean): void {
    if (on) set.add(role);
    else set.delete(role);
    this.#host.changed();
  }

  async submitInvite(): Promise<void> {
    this.invite = { ...this.invite, attempted: true };
    const email = this.invite.email.trim();
    if (!EMAIL.test(email)) {
      this.#host.focusAfterRender('#invite-email');
      this.#host.changed();
      return;
    }
    const roles = [...this.invite.roles];
    const done = await this.#run('invite', 'members.invited', 'invited', (client) =>
      client.magicLinks.email.invite({ email_address: email, ...(roles.length ? { roles } : {}) }),
    );
    if (!done) return;
    this.invite = { open: false, email: '', roles: new Set(), attempted: false };
    this.#host.focusAfterRender('[part~="invite-button"]');
    void this.#list.load();
  }

  resend = (member: Member) =>
    this.#run(member.member_id, 'members.resent', 'invite-resent', (client) =>
      client.magicLinks.email.invite({ email_address: member.email_address }),
    );

  reactivate = async (member: Member) => {
    const done = await this.#run(member.member_id, 'members.reactivated', 'reactivated', (client) =>
      client.organization.members.reactivate(member.member_id),
    );
    if (done) this.#list.replace(done);
  };

  editRoles(member: Member | null): void {
    this.editing = member ? { memberId: member.member_id, roles: new Set(explicitRoles(member)) } : null;
    if (member) this.#host.focusAfterRender(`${rowOf(member)} [part~="role-editor"] input`);
    this.#host.changed();
  }

  async saveRoles(member: Member): Promise<void> {
    const roles = [...(this.editing?.roles ?? [])];
    const done = await this.#run(member.member_id, 'members.rolesSaved', 'roles-changed', (client) =>
      client.organization.members.update({ member_id: member.member_id, roles }),
    );
    if (!done) return;
    this.editing = null;
    this.#list.replace(done);
    this.#host.focusAfterRender(`${rowOf(member)} [part~="roles-button"]`);
  }

  ask(kind: PendingStep['kind'], member: Member): void {
    this.confirm = { kind, member };
    this.#host.changed();
  }

  cancel(): void {
    this.confirm = null;
    this.#host.changed();
  }

  /** Runs the confirmed removal or revocation; the dialog stays open (busy) until the server answers. */
  async confirmed(): Promise<void> {
    const pending = this.confirm;
    if (!pending || this.busy) return;
    const { member, kind } = pending;
    const done = await this.#run(
      member.member_id,
      kind === 'remove' ? 'members.removed' : 'members.revoked',
      kind === 'remove' ? 'removed' : 'invite-revoked',
      async (client) => {
        await client.organization.members.delete(member.member_id);
        return { member };
      },
    );
    this.confirm = null;
    this.#host.changed();
    if (done) void this.#list.load();
  }

  /** One call: busy while it runs, then words and an event; the answer's member, or null on failure. */
  async #run(
    key: string,
    words: OrgAuthMembersMessageKey,
    change: OrgAuthMemberChange,
    call: (client: B2BClient) => Promise<{ member: Member }>,
  ): Promise<Member | null> {
    const client = this.#host.client();
    if (!client || this.busy) return null;
    this.busy = key;
    this.error = null;
    this.status = '';
    this.#host.changed();
    try {
      const { member } = await call(client);
      this.status = format(this.#host.messages()[words], { email: member.email_address }).join('');
      this.#host.dispatchEvent(new OrgAuthMemberChangeEvent({ change, member }));
      return member;
    } catch (error) {
      this.error = error;
      const reported = isOrgAuthError(error)
        ? error
        : new OrgAuthError('network_error', String(error), { cause: error });
      this.#host.dispatchEvent(new OrgAuthErrorEvent({ error: reported }));
      return null;
    } finally {
      this.busy = null;
      this.#host.changed();
    }
  }
}
