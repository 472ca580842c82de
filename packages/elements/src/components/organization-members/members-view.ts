import type { Member } from '@orgauth/core/protocol';
import { html, nothing, type TemplateResult } from 'lit';
import { roleName } from '../../i18n/account-words.js';
import { errorMessage, format } from '../../i18n/format.js';
import type { OrgAuthMembersMessages } from '../../i18n/members-messages.js';
import type { GrantableRole, Permissions } from '../../internal/account-session.js';
import type { ConfirmRequest } from '../../internal/confirm-dialog.js';
import { spinner } from '../../internal/spinner.js';
import type { MemberAction, MemberActions } from './members-actions.js';
import { inviteForm, roleEditor } from './members-forms.js';
import type { MembersList } from './members-list.js';

/** What the members panel renders from: the element's state, read at render time. */
export interface MembersView {
  messages: OrgAuthMembersMessages;
  list: MembersList;
  actions: MemberActions;
  /** Allowed `stytch.member` actions (decided: the element shows a loading state before). */
  can: NonNullable<Permissions<MemberAction>>;
  roles: GrantableRole[];
  selfId: string | undefined;
  focusAfterRender(selector: string): void;
}

/** A member's status in words, and the state's name for styling (`data-status`). */
const statusBadge = (m: OrgAuthMembersMessages, member: Member) =>
  html`<span class="badge" part="status-badge" data-status=${member.status}>${m[`status.${member.status}`] ?? member.status}</span>`;

/** The buttons of one member's row: those the session's roles allow for the member's status. */
function rowActions(view: MembersView, member: Member): TemplateResult[] {
  const { messages: m, actions, can } = view;
  const busy = actions.busy !== null;
  const button = (label: string, part: string, onClick: () => void, danger = false) =>
    html`<button type="button" class=${danger ? 'secondary danger-text' : 'secondary'} part="action-button ${part}" aria-disabled=${busy ? 'true' : nothing} @click=${() => !busy && onClick()}>${label}</button>`;
  const out: TemplateResult[] = [];
  if (member.status === 'invited') {
    if (can.create) out.push(button(m['members.resend'], 'resend-button', () => void actions.resend(member)));
    if (can.delete) out.push(button(m['members.revoke'], 'revoke-button', () => actions.ask('revoke', member), true));
  } else if (member.status === 'deleted') {
    if (can.create)
      out.push(button(m['members.reactivate'], 'reactivate-button', () => void actions.reactivate(member)));
  } else {
    if (can['update.settings.roles'] && actions.editing?.memberId !== member.member_id)
      out.push(button(m['members.editRoles'], 'roles-button', () => actions.editRoles(member)));
    if (can.delete) out.push(button(m['members.remove'], 'remove-button', () => actions.ask('remove', member), true));
  }
  return out;
}

/** One member's row. */
function row(view: MembersView, member: Member, withActions: boolean): TemplateResult {
  const { messages: m, actions } = view;
  const words = m as unknown as Record<string, string>;
  const who = member.name || member.email_address;
  const editing = actions.editing?.memberId === member.member_id ? actions.editing : null;
  const roles = member.roles.length ? member.roles : ['stytch_member'];
  return html`<tr part="row" data-member=${member.member_id} data-status=${member.status}>
    <th scope="row" part="cell name-cell">
      ${member.name ? member.name : html`<span class="muted">${m['members.noName']}</span>`}
      ${member.member_id === view.selfId ? html` <span class="muted">${m['members.you']}</span>` : nothing}
    </th>
    <td part="cell email-cell" class="email">${member.email_address}</td>
    <td part="cell roles-cell">
      ${editing ? roleEditor(view, member, editing.roles) : roles.map((r) => roleName(words, r)).join(', ')}
    </td>
    <td part="cell status-cell">${statusBadge(m, member)}</td>
    ${
      withActions
        ? html`<td part="cell actions-cell">
          <div class="row-actions" role="group" aria-label=${format(m['members.actionsFor'], { member: who }).join('')}>
            ${rowActions(view, member)}
          </div>
        </td>`
        : nothing
    }
  </tr>`;
}

/** The table of members, or the words for an empty list. */
function table(view: MembersView): TemplateResult {
  const { messages: m, list, can } = view;
  if (list.status === 'ready' && list.members.length === 0) {
    const empty = list.query.trim()
      ? format(m['members.emptySearch'], { query: list.query.trim() })
      : m['members.empty'];
    return html`<p class="empty" part="empty">${empty}</p>`;
  }
  if (list.members.length === 0) return html``;
  const withActions = can.create || can.delete || can['update.settings.roles'];
  return html`<div class="table-wrap" part="table-wrap">
      <table part="table" aria-labelledby="members-heading" aria-busy=${list.status === 'loading' ? 'true' : 'false'}>
        <thead>
          <tr>
            <th scope="col">${m['members.columnName']}</th>
            <th scope="col">${m['members.columnEmail']}</th>
            <th scope="col">${m['members.columnRoles']}</th>
            <th scope="col">${m['members.columnStatus']}</th>
            ${withActions ? html`<th scope="col">${m['members.columnActions']}</th>` : nothing}
          </tr>
        </thead>
        <tbody>
          ${list.members.map((member) => row(view, member, withActions))}
        </tbody>
      </table>
    </div>
    <p class="hint" part="count">${format(m['members.count'], { shown: list.members.length, total: list.total }, m.locale)}</p>
    ${
      list.nextCursor
        ? html`<button type="button" class="secondary" part="secondary-button load-more" aria-disabled=${list.loadingMore ? 'true' : nothing} @click=${() => void list.more()}>
          ${list.loadingMore ? m['members.loadingMore'] : m['members.loadMore']}
        </button>`
        : nothing
    }`;
}

/** The panel of a member allowed to search: invite, search field, live regions and the list. */
export function membersPanel(view: MembersView): TemplateResult {
  const { messages: m, list, actions, can } = view;
  const failure = list.error ?? actions.error ?? list.moreError;
  const status = list.status === 'loading' ? m['members.loading'] : actions.status;
  return html`<div class="toolbar">
      <h2 id="members-heading" class="heading" part="heading">${m['members.heading']}</h2>
      ${
        can.create && !actions.invite.open
          ? html`<button type="button" class="primary" part="submit-button invite-button" @click=${() => actions.toggleInvite(true)}>
            ${m['members.invite']}
          </button>`
          : nothing
      }
    </div>
    ${can.create && actions.invite.open ? inviteForm(view) : nothing}
    <div class="search" part="search" role="search">
      <label for="member-search" part="label">${m['members.searchLabel']}</label>
      <input id="member-search" part="input search-input" type="search" autocomplete="off" placeholder=${m['members.searchPlaceholder']}
        .value=${list.query} @input=${(e: Event) => list.search((e.target as HTMLInputElement).value)} />
    </div>
    <div class="status" part="status" role="status">${list.status === 'loading' ? spinner() : nothing}${status || nothing}</div>
    <div class="error" part="error" role="alert">${failure ? errorMessage(failure, m) : nothing}</div>
    ${
      list.status === 'error'
        ? html`<button type="button" class="secondary" part="secondary-button retry-button" @click=${() => void list.load()}>${m['members.retry']}</button>`
        : table(view)
    }`;
}

/** The words of the pending confirmation (remove a member, revoke an invite), or null when none is pending. */
export function confirmRequest(
  actions: MemberActions,
  m: OrgAuthMembersMessages,
  organization: string,
): ConfirmRequest | null {
  const pending = actions.confirm;
  if (!pending) return null;
  const { member, kind } = pending;
  const values = { member: member.name || member.email_address, email: member.email_address, organization };
  const remove = kind === 'remove';
  return {
    heading: format(m[remove ? 'members.confirmRemoveHeading' : 'members.confirmRevokeHeading'], values),
    body: format(m[remove ? 'members.confirmRemoveBody' : 'members.confirmRevokeBody'], values),
    confirm: m[remove ? 'members.confirmRemove' : 'members.confirmRevoke'],
    cancel: m['members.confirmCancel'],
    busy: actions.busy !== null,
  };
}
