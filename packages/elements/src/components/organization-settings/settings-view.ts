import { html, nothing, type TemplateResult } from 'lit';
import type { OrgAuthSettingsMessages } from '../../i18n/settings-messages.js';
import { AUTH_METHODS, POLICIES, type SettingsField, type SettingsForm } from './settings-form.js';

/** What the settings form renders from, read at render time. */
export interface SettingsView {
  messages: OrgAuthSettingsMessages;
  form: SettingsForm;
  errors: Partial<Record<SettingsField, string>>;
  editable(field: SettingsField): boolean;
  saving: boolean;
  edit(patch: Partial<SettingsForm>): void;
  /** Adds or removes one allowed sign-in method, on the form as it is now (not as last rendered). */
  toggleMethod(method: string, on: boolean): void;
}

/** A field's hint and error ids, for `aria-describedby`. */
const describedBy = (id: string, hint: boolean) => (hint ? `${id}-hint ${id}-error` : `${id}-error`);

/** Label, control, optional hint and the field's error line. */
function field(view: SettingsView, id: SettingsField, label: string, control: TemplateResult, hint?: string) {
  return html`<div class="field" part="field" data-field=${id}>
    <label for=${id} part="label">${label}</label>
    ${control}
    ${hint ? html`<p id="${id}-hint" class="hint" part="hint">${hint}</p>` : nothing}
    <div id="${id}-error" class="field-error" part="field-error">${view.errors[id] ?? nothing}</div>
  </div>`;
}

/** A text field; read-only when the member may not change it. */
function text(
  view: SettingsView,
  id: 'name' | 'slug' | 'logo' | 'domains',
  label: string,
  hint?: string,
  type = 'text',
) {
  const value = view.form[id];
  return field(
    view,
    id,
    label,
    html`<input id=${id} name=${id} part="input" type=${type} autocomplete="off" .value=${value}
      ?readonly=${!view.editable(id) || view.saving} aria-invalid=${view.errors[id] ? 'true' : 'false'}
      aria-describedby=${describedBy(id, hint !== undefined)}
      @input=${(e: Event) => view.edit({ [id]: (e.target as HTMLInputElement).value })} />`,
    hint,
  );
}

/** A policy select (`email_jit_provisioning`, `email_invites`); disabled when the member may not change it. */
function policy(view: SettingsView, id: 'jit' | 'invites', label: string) {
  const m = view.messages;
  return field(
    view,
    id,
    label,
    html`<select id=${id} name=${id} part="select" ?disabled=${!view.editable(id) || view.saving} aria-describedby=${describedBy(id, false)}
      @change=${(e: Event) => view.edit({ [id]: (e.target as HTMLSelectElement).value })}>
      ${POLICIES.map((p) => html`<option value=${p} ?selected=${view.form[id] === p}>${m[`settings.${id}.${p}`]}</option>`)}
    </select>`,
  );
}

/** `auth_methods` as two radios, and `allowed_auth_methods` as checkboxes used when restricted. */
function authMethods(view: SettingsView): TemplateResult {
  const m = view.messages;
  const { form } = view;
  const locked = !view.editable('authMethods') || view.saving;
  const choose = (authMethods: SettingsForm['authMethods']) => () => view.edit({ authMethods });
  const toggle = (method: string) => (e: Event) => view.toggleMethod(method, (e.target as HTMLInputElement).checked);
  return html`<fieldset class="field" part="field auth-methods" data-field="authMethods" aria-describedby="authMethods-error">
    <legend part="label">${m['settings.authLabel']}</legend>
    ${(['ALL_ALLOWED', 'RESTRICTED'] as const).map(
      (value) => html`<label class="choice" part="choice"><input type="radio" name="auth_methods" value=${value}
        .checked=${form.authMethods === value} ?disabled=${locked} @change=${choose(value)} /> ${m[`settings.auth.${value}`]}</label>`,
    )}
    <div class="methods" part="methods">
      ${AUTH_METHODS.map(
        (
          method,
        ) => html`<label class="choice" part="choice"><input type="checkbox" name="allowed_auth_methods" value=${method}
          .checked=${form.allowed.has(method)} ?disabled=${locked || form.authMethods !== 'RESTRICTED'} @change=${toggle(method)} />
          ${m[`settings.method.${method}`]}</label>`,
      )}
    </div>
    <div id="authMethods-error" class="field-error" part="field-error">${view.errors.authMethods ?? nothing}</div>
  </fieldset>`;
}

/** Every field of the settings form. */
export function settingsFields(view: SettingsView): TemplateResult {
  const m = view.messages;
  return html`${text(view, 'name', m['settings.nameLabel'])}
    ${text(view, 'slug', m['settings.slugLabel'], m['settings.slugHint'])}
    ${text(view, 'logo', m['settings.logoLabel'], m['settings.logoHint'], 'url')}
    ${text(view, 'domains', m['settings.domainsLabel'], m['settings.domainsHint'])}
    ${policy(view, 'jit', m['settings.jitLabel'])} ${policy(view, 'invites', m['settings.invitesLabel'])}
    ${authMethods(view)}`;
}
