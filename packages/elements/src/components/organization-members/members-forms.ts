import type { Member } from '@orgauth/core/protocol';
import { html, nothing, type TemplateResult } from 'lit';
import { roleName } from '../../i18n/account-words.js';
import { format } from '../../i18n/format.js';
import type { GrantableRole } from '../../internal/account-session.js';
import { rowOf } from './members-actions.js';
import type { MembersView } from './members-view.js';

/** One checkbox per grantable role, checked when `chosen` holds it; the label is the role's words. */
function roleChoices(view: MembersView, chosen: Set<string>, disabled: boolean): TemplateResult[] {
  const words = view.messages as unknown as Record<string, string>;
  return view.roles.map(
    (role: GrantableRole) =>
      html`<label class="choice" part="choice"
        ><input
          type="checkbox"
          name="roles"
          value=${role.role_id}
          .checked=${chosen.has(role.role_id)}
          ?disabled=${disabled}
          @change=${(e: Event) => view.actions.toggle(chosen, role.role_id, (e.target as HTMLInputElement).checked)}
        />
        <span>${roleName(words, role.role_id)}</span></label
      >`,
  );
}

/** The invite form: an email field and the roles to grant, sent with `magicLinks.email.invite`. */
export function inviteForm(view: MembersView): TemplateResult {
  const { messages: m, actions } = view;
  const invite = actions.invite;
  const sending = actions.busy === 'invite';
  const emailError = actions.inviteEmailError;
  const submit = (e: Event) => {
    e.preventDefault();
    void actions.submitInvite();
  };
  return html`<form class="invite" part="form invite-form" novalidate aria-labelledby="invite-heading" aria-busy=${sending ? 'true' : 'false'} @submit=${submit}>
    <h3 id="invite-heading" class="subheading" part="subheading">${m['members.inviteHeading']}</h3>
    <label for="invite-email" part="label">${m['members.inviteEmailLabel']}</label>
    <input
      id="invite-email"
      part="input"
      type="email"
      name="email"
      autocomplete="off"
      required
      placeholder=${m['members.inviteEmailPlaceholder']}
      .value=${invite.email}
      ?readonly=${sending}
      aria-invalid=${emailError ? 'true' : 'false'}
      aria-describedby="invite-email-error"
      @input=${(e: Event) => actions.setInviteEmail((e.target as HTMLInputElement).value)}
    />
    <div id="invite-email-error" class="field-error" part="field-error">${emailError ?? nothing}</div>
    ${
      view.roles.length
        ? html`<fieldset class="roles" part="role-picker" aria-describedby="invite-roles-hint">
          <legend part="label">${m['members.inviteRolesLabel']}</legend>
          <p id="invite-roles-hint" class="hint" part="hint">${m['members.inviteRolesHint']}</p>
          ${roleChoices(view, invite.roles, sending)}
        </fieldset>`
        : nothing
    }
    <div class="row-actions">
      <button type="submit" class="primary" part="submit-button" aria-disabled=${sending ? 'true' : nothing}>${m['members.inviteSubmit']}</button>
      <button type="button" class="secondary" part="secondary-button" aria-disabled=${sending ? 'true' : nothing} @click=${() => actions.toggleInvite(false)}>
        ${m['members.inviteCancel']}
      </button>
    </div>
  </form>`;
}

/** The roles cell of a member whose roles are being changed: checkboxes, Save and Cancel. */
export function roleEditor(view: MembersView, member: Member, chosen: Set<string>): TemplateResult {
  const { messages: m, actions } = view;
  const saving = actions.busy === member.member_id;
  const who = member.name || member.email_address;
  const cancel = () => {
    if (saving) return;
    actions.editRoles(null);
    view.focusAfterRender(`${rowOf(member)} [part~="roles-button"]`);
  };
  return html`<fieldset
    class="roles"
    part="role-editor"
    @keydown=${(e: KeyboardEvent) => {
      if (e.key === 'Escape') cancel();
    }}
  >
    <legend part="label">${format(m['members.editRolesLabel'], { member: who })}</legend>
    ${roleChoices(view, chosen, saving)}
    <div class="row-actions">
      <button type="button" class="primary" part="submit-button save-roles-button" aria-disabled=${saving ? 'true' : nothing} @click=${() => void actions.saveRoles(member)}>
        ${m['members.saveRoles']}
      </button>
      <button type="button" class="secondary" part="secondary-button" aria-disabled=${saving ? 'true' : nothing} @click=${cancel}>
        ${m['members.cancelRoles']}
      </button>
    </div>
  </fieldset>`;
}
