import { isOrgAuthError, type B2BClient } from '@orgauth/core';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ClientController } from '../../controllers/client-controller.js';
import { OrgAuthErrorEvent } from '../../events/error.js';
import { errorMessage, format } from '../../i18n/format.js';
import {
  resolveMembersMessages,
  type OrgAuthMembersMessages,
  type OrgAuthMembersMessagesOverride,
} from '../../i18n/members-messages.js';
import type { OrgAuthLocale } from '../../i18n/locale.js';
import { AccountSession, grantableRoles, type GrantableRole } from '../../internal/account-session.js';
import { panelStyles } from '../../internal/panel.styles.js';
import { spinner } from '../../internal/spinner.js';
import { themeStyles } from '../../internal/theme.styles.js';
import type { OrgAuthAppearance } from '../../theming/appearance.js';
import { AppearanceController } from '../../theming/appearance-controller.js';
import type { OrgAuthTheme } from '../login/login.js';
import { MEMBER_ACTIONS, MemberActions } from './members-actions.js';
import { MembersList } from './members-list.js';
import { confirmRequest, membersPanel } from './members-view.js';
import { ConfirmDialog } from '../../internal/confirm-dialog.js';
import { membersStyles } from './members.styles.js';
import { ACCOUNT_TWINS } from '../../events/account-twins.js';
import { dispatchWithOrgAuthEvent } from '../../events/orgauth-event-of.js';

/**
 * The members of the signed-in member's organization: a searchable, paged list (name, email, roles,
 * status) with the changes the session's roles allow, each asked of `client.rbac.isAuthorized` on
 * `stytch.member` (`search` to list, `create` to invite, resend and reactivate,
 * `update.settings.roles` to change roles, `delete` to revoke an invite or remove a member). Removing
 * and revoking are confirmed in a modal dialog first. The server checks every call again. The client
 * comes from the `client` property, an ancestor `<orgauth-provider>`, or `public-token`.
 *
 * @summary Lists, invites and manages the members of the current organization.
 * @fires orgauth-member-change - The server accepted a change to a member; `detail: { change, member }`.
 * @fires orgauth-error - A failure is being shown; `detail: { error }`.
 * @fires orgauth-event - Every change as `detail: { type, data }`: `member_invited`, `invite_resent`, `invite_revoked`,
 *   `member_roles_changed`, `member_removed`, `member_reactivated`, `error` (docs/events.md).
 * @csspart card - The panel.
 * @csspart heading - "Members" and the other titles.
 * @csspart subheading - The invite form's title.
 * @csspart invite-button - Opens the invite form (also `submit-button`).
 * @csspart form - Each form.
 * @csspart invite-form - The invite form (also `form`).
 * @csspart role-picker - The invite form's roles.
 * @csspart choice - One role checkbox with its label.
 * @csspart search - The search field's box.
 * @csspart search-input - The search field (also `input`).
 * @csspart input - Text fields.
 * @csspart label - Labels.
 * @csspart hint - Help text.
 * @csspart status - The polite live region.
 * @csspart error - The `role="alert"` region.
 * @csspart field-error - A field's error.
 * @csspart table-wrap - Scroll box of the table.
 * @csspart table - The table.
 * @csspart row - A member's row (`data-status`).
 * @csspart cell - Each cell.
 * @csspart name-cell - The name cell (also `cell`).
 * @csspart email-cell - The email cell (also `cell`).
 * @csspart roles-cell - The roles cell (also `cell`).
 * @csspart status-cell - The status cell (also `cell`).
 * @csspart actions-cell - The actions cell (also `cell`).
 * @csspart status-badge - Status in words (`data-status`).
 * @csspart action-button - A row's action (also `secondary-button`).
 * @csspart resend-button - Resends an invite (also `action-button`).
 * @csspart revoke-button - Revokes an invite (also `action-button`).
 * @csspart roles-button - Changes roles (also `action-button`).
 * @csspart remove-button - Removes a member (also `action-button`).
 * @csspart reactivate-button - Reactivates a member (also `action-button`).
 * @csspart role-editor - Roles being changed in a row.
 * @csspart save-roles-button - Saves them.
 * @csspart load-more - "Load more".
 * @csspart retry-button - "Try again".
 * @csspart count - "Showing n of m".
 * @csspart empty - Empty, signed-out and not-allowed words.
 * @csspart dialog - The confirmation dialog.
 * @csspart dialog-heading - The dialog's title.
 * @csspart dialog-body - The dialog's question.
 * @csspart dialog-actions - The dialog's buttons.
 * @csspart cancel-button - "Cancel" in the dialog.
 * @csspart confirm-button - The confirming button in the dialog (also `danger-button`).
 * @csspart danger-button - Destructive buttons.
 * @csspart spinner - Progress indicator.
 * @csspart submit-button - Primary buttons.
 * @csspart secondary-button - Other buttons.
 * @cssprop --orgauth-color-primary - Accent and primary buttons.
 * @cssprop --orgauth-color-on-primary - Text on the primary button.
 * @cssprop --orgauth-color-text - Text colour.
 * @cssprop --orgauth-color-muted - Secondary text colour.
 * @cssprop --orgauth-color-background - Panel background.
 * @cssprop --orgauth-color-surface - Table header and badges.
 * @cssprop --orgauth-color-border - Borders.
 * @cssprop --orgauth-color-danger - Errors and destructive buttons.
 * @cssprop --orgauth-color-success - Confirmation text.
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
export class OrgAuthOrganizationMembers extends LitElement {
  static override styles = [themeStyles, panelStyles, membersStyles];
  static override properties = {
    client: { attribute: false },
    publicToken: { attribute: 'public-token' },
    baseUrl: { attribute: 'base-url' },
    theme: { reflect: true },
    appearance: { attribute: false },
    messages: { attribute: false },
    locale: { attribute: false },
    pageSize: { attribute: 'page-size', type: Number },
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
  declare messages: OrgAuthMembersMessagesOverride | undefined;
  /**
   * A locale pack (`import { de } from '@orgauth/elements/locales/de'`): its words replace the English
   * defaults, `messages` still wins over it, and its `lang` and `dir` go on the rendered card.
   */
  declare locale: OrgAuthLocale | undefined;
  /** Members per page (default 20). */
  declare pageSize: number;
  /** Set by framework wrappers that give the client after hydration: until then its absence is not an error. */
  declare awaitingClient: boolean;

  readonly #clients = new ClientController(this);
  #messages: OrgAuthMembersMessages = resolveMembersMessages();
  readonly #list = new MembersList(
    () => this.requestUpdate(),
    (error) => isOrgAuthError(error) && this.dispatchEvent(new OrgAuthErrorEvent({ error })),
    () => (this.pageSize > 0 ? Math.min(Math.floor(this.pageSize), 1000) : 20),
  );
  readonly #actions = new MemberActions(
    {
      client: () => this.#live,
      messages: () => this.#messages,
      changed: () => this.requestUpdate(),
      dispatchEvent: (event) => this.dispatchEvent(event),
      focusAfterRender: (selector) => this.#focusAfter(selector),
    },
    this.#list,
  );
  readonly #session = new AccountSession(this, 'stytch.member', MEMBER_ACTIONS, (client) => this.#bind(client));
  readonly #dialog = new ConfirmDialog(this);
  #live: B2BClient | undefined;
  #listed = false;
  #roles: GrantableRole[] = [];
  #focus: string | null = null;

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
    this.pageSize = 20;
    this.awaitingClient = false;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#list.stop();
  }

  protected override update(changed: PropertyValues<this>): void {
    if (changed.has('messages') || changed.has('locale'))
      this.#messages = resolveMembersMessages(this.messages, this.locale);
    this.#session.sync(this.#clients.client);
    // The list is asked for once the session may search; without `search` the server would refuse it.
    if (this.#live && this.#session.permissions?.search && !this.#listed) {
      this.#listed = true;
      this.#list.bind(this.#live);
    }
    super.update(changed);
  }

  protected override render(): TemplateResult {
    const m = this.#messages;
    const usageError = this.#clients.usageError;
    const can = this.#session.permissions;
    const state = this.#live?.store.getState();
    const busy = !usageError && this.#session.signedIn && can === null;
    const words = (text: string) =>
      html`<h2 class="heading" part="heading">${m['members.heading']}</h2><p class="empty" part="empty">${text}</p>`;
    const body = usageError
      ? html`<h2 class="heading" part="heading">${m['members.heading']}</h2>
          <div class="error" part="error" role="alert">${errorMessage(usageError, m)}</div>`
      : !this.#session.signedIn
        ? words(m['members.signedOut'])
        : can === null
          ? html`<h2 class="heading" part="heading">${m['members.heading']}</h2>
              <div class="status progress" part="status" role="status">${spinner()}${m['members.loading']}</div>`
          : can.search
            ? membersPanel({
                messages: m,
                list: this.#list,
                actions: this.#actions,
                can,
                roles: this.#roles,
                selfId: state?.status === 'signed-in' ? state.member.member_id : undefined,
                focusAfterRender: (selector) => this.#focusAfter(selector),
              })
            : words(m['members.notAllowed']);
    const organization = state?.status === 'signed-in' ? state.organization.organization_name : '';
    return html`<section class="card" part="card" lang=${this.locale?.locale ?? nothing} dir=${this.locale?.dir ?? nothing} aria-busy=${busy ? 'true' : 'false'} aria-label=${format(m['members.intro'], { organization }).join('')}>
      ${body}${this.#dialog.render(
        confirmRequest(this.#actions, m, organization),
        () => void this.#actions.confirmed(),
        () => this.#actions.cancel(),
      )}
    </section>`;
  }

  protected override updated(): void {
    this.#dialog.sync(this.#actions.confirm !== null, () =>
      this.renderRoot.querySelector<HTMLElement>('#member-search'),
    );
    const selector = this.#focus;
    this.#focus = null;
    if (selector) this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** Another session (or none): forget everything shown and start over once permissions are known. */
  #bind(client: B2BClient | undefined): void {
    this.#live = client;
    this.#listed = false;
    this.#list.bind(undefined);
    this.#actions.reset();
    this.#roles = [];
    if (client)
      void grantableRoles(client).then((roles) => {
        if (this.#live !== client) return;
        this.#roles = roles;
        this.requestUpdate();
      });
  }

  #focusAfter(selector: string): void {
    this.#focus = selector;
    this.requestUpdate();
  }

  /** Follows each specific `orgauth-*` event with its `orgauth-event` twin (see `dispatchWithOrgAuthEvent`). */
  override dispatchEvent(event: Event): boolean {
    return dispatchWithOrgAuthEvent(event, (e) => super.dispatchEvent(e), ACCOUNT_TWINS);
  }
}
