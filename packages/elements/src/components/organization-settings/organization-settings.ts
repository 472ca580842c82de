import type { B2BClient } from '@orgauth/core';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ClientController } from '../../controllers/client-controller.js';
import { errorMessage, format } from '../../i18n/format.js';
import {
  resolveSettingsMessages,
  type OrgAuthSettingsMessages,
  type OrgAuthSettingsMessagesOverride,
} from '../../i18n/settings-messages.js';
import type { OrgAuthLocale } from '../../i18n/locale.js';
import { AccountSession } from '../../internal/account-session.js';
import { panelStyles } from '../../internal/panel.styles.js';
import { spinner } from '../../internal/spinner.js';
import { themeStyles } from '../../internal/theme.styles.js';
import type { OrgAuthAppearance } from '../../theming/appearance.js';
import { AppearanceController } from '../../theming/appearance-controller.js';
import type { OrgAuthTheme } from '../login/login.js';
import { FIELD_ACTION, SETTINGS_ACTIONS, type SettingsField, type SettingsForm } from './settings-form.js';
import { SettingsEditor } from './settings-editor.js';
import { settingsFields } from './settings-view.js';
import { settingsStyles } from './settings.styles.js';
import { ACCOUNT_TWINS } from '../../events/account-twins.js';
import { dispatchWithOrgAuthEvent } from '../../events/orgauth-event-of.js';

/**
 * The settings of the signed-in member's organization: name, slug, logo URL, allowed email domains,
 * email JIT provisioning and invite policies, allowed sign-in methods. Each field is editable when
 * `client.rbac.isAuthorized('stytch.organization', action)` allows its action (`update.info.name`,
 * `update.settings.email-invites`…) and read-only otherwise; "Save changes" sends only the changed
 * fields through `client.organization.update`, after checking them, and announces the result.
 *
 * @summary Shows and edits the current organization's settings.
 * @fires orgauth-organization-updated - Saved; `detail: { organization, changed }`.
 * @fires orgauth-error - A failure is being shown; `detail: { error }`.
 * @fires orgauth-event - `detail: { type, data }`: `organization_updated` after a save, `error` (docs/events.md).
 * @csspart card - The panel.
 * @csspart heading - The title.
 * @csspart hint - Help text.
 * @csspart read-only - The note that the settings are read-only (also `hint`).
 * @csspart form - The form.
 * @csspart field - One field's box (`data-field`).
 * @csspart label - Labels and legends.
 * @csspart input - Text fields.
 * @csspart select - Policy selects.
 * @csspart auth-methods - The sign-in methods group.
 * @csspart methods - Its checkboxes.
 * @csspart choice - One radio or checkbox with its label.
 * @csspart field-error - A field's error.
 * @csspart status - The polite live region ("Settings saved.").
 * @csspart error - The `role="alert"` region.
 * @csspart submit-button - "Save changes".
 * @csspart secondary-button - "Discard changes", "Try again".
 * @csspart empty - Signed-out words.
 * @csspart spinner - Progress indicator.
 * @cssprop --orgauth-color-primary - Accent and primary buttons.
 * @cssprop --orgauth-color-on-primary - Text on the primary button.
 * @cssprop --orgauth-color-text - Text colour.
 * @cssprop --orgauth-color-muted - Secondary text colour.
 * @cssprop --orgauth-color-background - Panel background.
 * @cssprop --orgauth-color-surface - Table header and badges.
 * @cssprop --orgauth-color-border - Borders.
 * @cssprop --orgauth-color-danger - Errors and destructive buttons.
 * @cssprop --orgauth-color-success - "Settings saved."
 * @cssprop --orgauth-radius - Corner radius.
 * @cssprop --orgauth-font-family - Font stack (default: the system font).
 * @cssprop --orgauth-font-size - Base font size.
 * @cssprop --orgauth-spacing - Base spacing unit.
 * @cssprop --orgauth-card-shadow - Panel shadow.
 * @cssprop --orgauth-button-background - Primary button background.
 * @cssprop --orgauth-button-color - Primary button text.
 * @cssprop --orgauth-button-radius - Button corner radius.
 * @cssprop --orgauth-button-padding - Button padding.
 * @cssprop --orgauth-button-font-weight - Button font weight.
 * @cssprop --orgauth-button-secondary-background - Secondary button background.
 * @cssprop --orgauth-button-secondary-color - Secondary button text.
 * @cssprop --orgauth-panel-width - Maximum width (default 960px).
 */
export class OrgAuthOrganizationSettings extends LitElement {
  static override styles = [themeStyles, panelStyles, settingsStyles];
  static override properties = {
    client: { attribute: false },
    publicToken: { attribute: 'public-token' },
    baseUrl: { attribute: 'base-url' },
    theme: { reflect: true },
    appearance: { attribute: false },
    messages: { attribute: false },
    locale: { attribute: false },
    awaitingClient: { attribute: 'awaiting-client', type: Boolean },
  };

  /** The OrgAuth client. Wins over a provider's client and over `public-token`. */
  declare client: B2BClient | undefined;
  /** Script-tag convenience: a public token to build a client from when none is given. */
  declare publicToken: string | undefined;
  /** With `public-token`: origin of the OrgAuth server. Default `location.origin`. */
  declare baseUrl: string | undefined;
  /** `light` (default), `dark`, or `auto` (follows `prefers-color-scheme`). */
  declare theme: OrgAuthTheme;
  /**
   * Colours, fonts, per-part classes or styles, and layout (`theme`, `variables`, `elements`, `layout`,
   * `stylesheets`): see `OrgAuthAppearance`. Its `theme` wins over the `theme` attribute.
   */
  declare appearance: OrgAuthAppearance | undefined;
  /** Replacement words, merged over the defaults key by key. */
  declare messages: OrgAuthSettingsMessagesOverride | undefined;
  /**
   * A locale pack (`import { de } from '@orgauth/elements/locales/de'`): its words replace the English
   * defaults, `messages` still wins over it, and its `lang` and `dir` go on the rendered card.
   */
  declare locale: OrgAuthLocale | undefined;
  /** Set by framework wrappers that give the client after hydration: until then its absence is not an error. */
  declare awaitingClient: boolean;

  readonly #clients = new ClientController(this);
  readonly #session = new AccountSession(this, 'stytch.organization', SETTINGS_ACTIONS, (client) => {
    void this.#editor.load(client);
  });
  #messages: OrgAuthSettingsMessages = resolveSettingsMessages();
  readonly #editor = new SettingsEditor({
    messages: () => this.#messages,
    editable: (field) => this.#editable(field),
    changed: () => this.requestUpdate(),
    dispatchEvent: (event) => this.dispatchEvent(event),
    focusField: (field) => this.#focusField(field),
  });

  constructor() {
    super();
    this.client = undefined;
    this.publicToken = undefined;
    this.baseUrl = undefined;
    this.theme = 'light';
    this.appearance = undefined;
    // Registers itself with the element (`addController`): it acts after each render.
    new AppearanceController(this);
    this.messages = undefined;
    this.locale = undefined;
    this.awaitingClient = false;
  }

  protected override update(changed: PropertyValues<this>): void {
    if (changed.has('messages') || changed.has('locale'))
      this.#messages = resolveSettingsMessages(this.messages, this.locale);
    this.#session.sync(this.#clients.client);
    super.update(changed);
  }

  protected override render(): TemplateResult {
    const m = this.#messages;
    const usageError = this.#clients.usageError;
    const can = this.#session.permissions;
    const { form, loadError } = this.#editor;
    const heading = html`<h2 id="settings-heading" class="heading" part="heading">${m['settings.heading']}</h2>`;
    const loading = !usageError && this.#session.signedIn && (!form || !can) && !loadError;
    const body = usageError
      ? html`<div class="error" part="error" role="alert">${errorMessage(usageError, m)}</div>`
      : !this.#session.signedIn
        ? html`<p class="empty" part="empty">${m['settings.signedOut']}</p>`
        : loadError
          ? html`<div class="error" part="error" role="alert">${errorMessage(loadError, m)}</div>
              <button type="button" class="secondary" part="secondary-button" @click=${() => void this.#editor.load(this.#editor.client)}>${m['settings.retry']}</button>`
          : !form || !can
            ? html`<div class="status progress" part="status" role="status">${spinner()}${m['settings.loading']}</div>`
            : this.#renderForm(form);
    return html`<section class="card" part="card" lang=${this.locale?.locale ?? nothing} dir=${this.locale?.dir ?? nothing} aria-labelledby="settings-heading" aria-busy=${loading ? 'true' : 'false'}>${heading}${body}</section>`;
  }

  #renderForm(form: SettingsForm): TemplateResult {
    const m = this.#messages;
    const editable = (field: SettingsField) => this.#editable(field);
    const any = Object.keys(FIELD_ACTION).some((f) => editable(f as SettingsField));
    const editor = this.#editor;
    const name = editor.organization?.organization_name ?? '';
    return html`<p class="hint" part="hint">${format(m['settings.intro'], { organization: name })}</p>
      ${any ? nothing : html`<p class="hint" part="hint read-only">${m['settings.readOnly']}</p>`}
      <form part="form" novalidate aria-labelledby="settings-heading" aria-busy=${editor.saving ? 'true' : 'false'} @submit=${(
        e: Event,
      ) => {
        e.preventDefault();
        void editor.save();
      }}>
        ${settingsFields({
          messages: m,
          form,
          errors: editor.errors,
          editable,
          saving: editor.saving,
          edit: (patch) => editor.edit(patch),
          toggleMethod: (method, on) => editor.toggleMethod(method, on),
        })}
        <div class="status ${editor.status === m['settings.saved'] ? 'success' : ''}" part="status" role="status">${editor.status || nothing}</div>
        <div class="error" part="error" role="alert">${editor.saveError ? errorMessage(editor.saveError, m) : Object.keys(editor.errors).length ? m['settings.fixErrors'] : nothing}</div>
        ${
          any
            ? html`<div class="row-actions">
              <button type="submit" class="primary" part="submit-button" aria-disabled=${editor.saving ? 'true' : nothing}>${editor.saving ? m['settings.saving'] : m['settings.save']}</button>
              <button type="button" class="secondary" part="secondary-button" aria-disabled=${editor.saving ? 'true' : nothing} @click=${() => editor.discard()}>${m['settings.reset']}</button>
            </div>`
            : nothing
        }
      </form>`;
  }

  #editable(field: SettingsField): boolean {
    return this.#session.permissions?.[FIELD_ACTION[field]] === true;
  }

  #focusField(field: SettingsField): void {
    void this.updateComplete.then(() =>
      this.renderRoot
        .querySelector<HTMLElement>(`[data-field="${field}"] input, [data-field="${field}"] select`)
        ?.focus(),
    );
  }

  /** Follows each specific `orgauth-*` event with its `orgauth-event` twin (see `dispatchWithOrgAuthEvent`). */
  override dispatchEvent(event: Event): boolean {
    return dispatchWithOrgAuthEvent(event, (e) => super.dispatchEvent(e), ACCOUNT_TWINS);
  }
}
