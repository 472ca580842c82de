import { isOrgAuthApiError, isOrgAuthError, OrgAuthError, type B2BClient } from '@orgauth/core';
import type { Organization } from '@orgauth/core/protocol';
import { OrgAuthErrorEvent } from '../../events/error.js';
import { OrgAuthOrganizationUpdatedEvent } from '../../events/organization-updated.js';
import { errorMessage } from '../../i18n/format.js';
import type { OrgAuthSettingsMessages } from '../../i18n/settings-messages.js';
import { changes, formOf, validate, type SettingsField, type SettingsForm } from './settings-form.js';

/** Server errors that belong to one field, shown under it rather than above the form. */
const FIELD_ERRORS: Record<string, SettingsField> = {
  invalid_organization_name: 'name',
  invalid_organization_slug: 'slug',
  organization_slug_already_used: 'slug',
  common_email_domain_not_allowed: 'domains',
};

/** What the editor needs from `<orgauth-organization-settings>`. */
export interface EditorHost {
  messages(): OrgAuthSettingsMessages;
  editable(field: SettingsField): boolean;
  changed(): void;
  dispatchEvent(event: Event): boolean;
  /** Moves focus to a field once the element has rendered. */
  focusField(field: SettingsField): void;
}

/**
 * The state of the settings form: the organization as the server last answered it, the form as
 * typed, its problems in words, and the load and save through `organization.get` / `.update`.
 * A save sends only what changed and what the member may change, after checking it locally.
 */
export class SettingsEditor {
  organization: Organization | null = null;
  form: SettingsForm | null = null;
  errors: Partial<Record<SettingsField, string>> = {};
  loadError: unknown = null;
  saveError: unknown = null;
  /** The last outcome in words, for the polite live region. */
  status = '';
  saving = false;
  #client: B2BClient | undefined;
  readonly #host: EditorHost;

  constructor(host: EditorHost) {
    this.#host = host;
  }

  /** The client the last load used. */
  get client(): B2BClient | undefined {
    return this.#client;
  }

  /** Reads the organization afresh (another session, or "Try again"); without a client, forgets it. */
  async load(client: B2BClient | undefined): Promise<void> {
    this.#client = client;
    this.organization = null;
    this.form = null;
    this.errors = {};
    this.loadError = this.saveError = null;
    this.status = '';
    this.#host.changed();
    if (!client) return;
    try {
      const organization = await client.organization.get();
      if (this.#client !== client) return;
      this.organization = organization;
      this.form = formOf(organization);
    } catch (error) {
      if (this.#client !== client) return;
      this.loadError = error;
      this.#report(error);
    }
    this.#host.changed();
  }

  edit(patch: Partial<SettingsForm>): void {
    if (!this.form) return;
    this.form = { ...this.form, ...patch };
    this.status = '';
    this.#host.changed();
  }

  toggleMethod(method: string, on: boolean): void {
    if (!this.form) return;
    const allowed = new Set(this.form.allowed);
    if (on) allowed.add(method);
    else allowed.delete(method);
    this.edit({ allowed });
  }

  discard(): void {
    if (this.saving) return;
    if (this.organization) this.form = formOf(this.organization);
    this.errors = {};
    this.saveError = null;
    this.status = '';
    this.#host.changed();
  }

  async save(): Promise<void> {
    const { form, organization } = this;
    const client = this.#client;
    if (!client || !form || !organization || this.saving) return;
    const m = this.#host.messages();
    const editable = (field: SettingsField) => this.#host.editable(field);
    this.saveError = null;
    this.errors = validate(form, m, editable);
    const invalid = Object.keys(this.errors)[0] as SettingsField | undefined;
    const body = changes(form, organization, editable);
    const changed = Object.keys(body);
    this.status = invalid || changed.length ? '' : m['settings.unchanged'];
    this.#host.changed();
    if (invalid) return this.#host.focusField(invalid);
    if (!changed.length) return;
    this.saving = true;
    try {
      const { organization: saved } = await client.organization.update(body);
      this.organization = saved;
      this.form = formOf(saved);
      this.status = m['settings.saved'];
      this.#host.dispatchEvent(new OrgAuthOrganizationUpdatedEvent({ organization: saved, changed }));
    } catch (error) {
      const field = isOrgAuthApiError(error) ? FIELD_ERRORS[error.errorType] : undefined;
      if (field) this.errors = { [field]: errorMessage(error, m) };
      else this.saveError = error;
      this.#report(error);
      if (field) this.#host.focusField(field);
    } finally {
      this.saving = false;
      this.#host.changed();
    }
  }

  #report(error: unknown): void {
    const reported = isOrgAuthError(error) ? error : new OrgAuthError('network_error', String(error), { cause: error });
    this.#host.dispatchEvent(new OrgAuthErrorEvent({ error: reported }));
  }
}
