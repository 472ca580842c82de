import { isOrgAuthError, OrgAuthError, selectOrganization, type AuthState, type B2BClient } from '@orgauth/core';
import type { Organization } from '@orgauth/core/protocol';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ClientController } from '../../controllers/client-controller.js';
import { StoreController } from '../../controllers/store-controller.js';
import { OrgAuthErrorEvent } from '../../events/error.js';
import {
  resolveAccountMessages,
  type OrgAuthAccountMessages,
  type OrgAuthAccountMessagesOverride,
} from '../../i18n/account-messages.js';
import type { OrgAuthLocale } from '../../i18n/locale.js';
import { themeStyles } from '../../internal/theme.styles.js';
import type { OrgAuthAppearance } from '../../theming/appearance.js';
import { AppearanceController } from '../../theming/appearance-controller.js';
import type { OrgAuthTheme } from '../login/login.js';
import { SwitcherActions } from './switcher-actions.js';
import { SwitcherMenu } from './switcher-menu.js';
import { switcherStyles } from './switcher.styles.js';
import { avatar, renderPanel, type SwitcherList } from './switcher-view.js';
import { ACCOUNT_TWINS } from '../../events/account-twins.js';
import { dispatchWithOrgAuthEvent } from '../../events/orgauth-event-of.js';

/**
 * The signed-in member's organization as a button that opens a menu of their other organizations
 * (WAI-ARIA menu button): active memberships, invitations and organizations their email domain or
 * sign-in account may join, each labelled in words, from `client.discovery.organizations.list()`.
 * Choosing one switches with `client.session.exchange({ organization_id })`: the client's store,
 * cookies and every element on the page move to that organization. "Create organization" shows when
 * the project allows creating organizations (bootstrap `create_organization_enabled`) unless
 * `disable-create-organization` is set; "Sign out" revokes the session. Signed out, it renders nothing.
 *
 * The client comes from the `client` property, an ancestor `<orgauth-provider>`, or the
 * `public-token`/`base-url` attributes, as for `<orgauth-login>`. The panel is positioned by
 * `@floating-ui/dom` and stays inside the viewport (see `switcher-position.ts`).
 *
 * Keyboard: on the button Enter, Space and ArrowDown open on the first item, ArrowUp on the last; in
 * the menu ArrowUp/ArrowDown move (wrapping), Home/End jump, letters type ahead, Enter/Space choose,
 * Escape closes and returns focus to the button, Tab closes and moves on.
 *
 * @summary Shows the current organization and switches to another one.
 * @fires orgauth-organization-switched - Switched; `detail: { organization, member, previousOrganizationId }`.
 * @fires orgauth-create-organization - "Create organization" chosen; cancelable (see the event).
 * @fires orgauth-session-ended - Signed out from the menu; `detail: { reason: 'signed-out' }`.
 * @fires orgauth-error - Loading, switching or signing out failed; `detail: { error }`.
 * @fires orgauth-event - Every step as `detail: { type, data }`: `switcher_opened`, `organization_switched`,
 *   `create_organization_chosen`, `session_ended`, `error` (docs/events.md).
 * @csspart button - The button showing the current organization.
 * @csspart avatar - The logo or initials on the button and in the menu.
 * @csspart logo - An organization's logo (inside `avatar`).
 * @csspart initials - An organization's initials when it has no logo (inside `avatar`).
 * @csspart name - The current organization's name on the button.
 * @csspart panel - The floating panel.
 * @csspart status - Loading, empty and switching words in the panel.
 * @csspart error - The `role="alert"` region in the panel.
 * @csspart menu - The `role="menu"` list.
 * @csspart item - Every menu item.
 * @csspart organization-item - An organization in the menu (also `item`).
 * @csspart retry-item - "Try again" (also `item`).
 * @csspart create-item - "Create organization" (also `item`).
 * @csspart sign-out-item - "Sign out" (also `item`).
 * @csspart item-name - An organization's name in the menu.
 * @csspart item-hint - Its membership in words.
 * @csspart separator - The line between the organizations and the commands.
 * @csspart spinner - Progress indicator.
 * @cssprop --orgauth-switcher-width - Maximum width of the panel (default 22em).
 * @cssprop --orgauth-switcher-background - Background of the button.
 * @cssprop --orgauth-switcher-z-index - Stacking order of the panel (default 1000).
 * @cssprop --orgauth-panel-shadow - Shadow of the panel.
 * @cssprop --orgauth-avatar-size - Size of the logo or initials (default 1.75em).
 * @cssprop --orgauth-color-primary - Initials background, focus ring, check mark.
 * @cssprop --orgauth-color-on-primary - Text on the primary button.
 * @cssprop --orgauth-color-text - Text colour.
 * @cssprop --orgauth-color-muted - Secondary text colour.
 * @cssprop --orgauth-color-background - Panel background.
 * @cssprop --orgauth-color-surface - Highlighted menu item.
 * @cssprop --orgauth-color-border - Borders.
 * @cssprop --orgauth-color-danger - Errors and destructive buttons.
 * @cssprop --orgauth-color-success - Confirmation text.
 * @cssprop --orgauth-radius - Corner radius.
 * @cssprop --orgauth-font-family - Font stack (default: the system font).
 * @cssprop --orgauth-font-size - Base font size.
 * @cssprop --orgauth-spacing - Base spacing unit.
 * @cssprop --orgauth-button-radius - Corner radius of the button.
 */
export class OrgAuthOrganizationSwitcher extends LitElement {
  static override styles = [themeStyles, switcherStyles];
  static override properties = {
    client: { attribute: false },
    publicToken: { attribute: 'public-token' },
    baseUrl: { attribute: 'base-url' },
    theme: { reflect: true },
    appearance: { attribute: false },
    messages: { attribute: false },
    locale: { attribute: false },
    disableCreateOrganization: { attribute: 'disable-create-organization', type: Boolean },
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
  declare messages: OrgAuthAccountMessagesOverride | undefined;
  /**
   * A locale pack (`import { de } from '@orgauth/elements/locales/de'`): its words replace the English
   * defaults, `messages` still wins over it, and its `lang` and `dir` go on the rendered card.
   */
  declare locale: OrgAuthLocale | undefined;
  /** Hides "Create organization" even when the project allows creating organizations. */
  declare disableCreateOrganization: boolean;
  /** Set by framework wrappers that assign `client` after hydration: its absence is not an error yet. */
  declare awaitingClient: boolean;

  readonly #clients = new ClientController(this);
  // Signed out (here or in another tab): nothing to show, so the menu closes with it.
  readonly #organization = new StoreController<AuthState, Organization | null>(this, selectOrganization, (next) => {
    if (!next) this.#menu.close(false);
  });
  readonly #menu = new SwitcherMenu(this, {
    opened: () => this.#actions.load(),
    button: () => this.renderRoot.querySelector<HTMLElement>('#button'),
    panel: () => this.renderRoot.querySelector<HTMLElement>('#panel'),
  });
  readonly #actions = new SwitcherActions(this, {
    client: () => this.#clients.client,
    menu: this.#menu,
    fail: (error) =>
      this.dispatchEvent(
        new OrgAuthErrorEvent({
          error: isOrgAuthError(error) ? error : new OrgAuthError('api_error', String(error), { cause: error }),
        }),
      ),
  });
  #messages: OrgAuthAccountMessages = resolveAccountMessages();
  /** Logo URLs that failed to load: their organizations show initials. */
  readonly #brokenLogos = new Set<string>();

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
    this.disableCreateOrganization = false;
    this.awaitingClient = false;
  }

  /** Whether the menu is open. */
  get open(): boolean {
    return this.#menu.isOpen;
  }

  protected override update(changed: PropertyValues<this>): void {
    if (changed.has('messages') || changed.has('locale'))
      this.#messages = resolveAccountMessages(this.messages, this.locale);
    this.#organization.setSource(this.#clients.client?.store);
    this.#actions.bind(this.#clients.client);
    super.update(changed);
  }

  protected override updated(): void {
    this.#menu.rendered();
  }

  protected override render(): TemplateResult | typeof nothing {
    const current = this.#organization.value;
    if (!current) return nothing;
    const messages = this.#messages;
    const open = this.#menu.isOpen;
    const logo = (o: Organization) => avatar(o, this.#brokenLogos, (url) => this.#logoFailed(url));
    const list: SwitcherList = this.#actions.list;
    return html`<button id="button" class="button" part="button" type="button" aria-haspopup="menu" lang=${this.locale?.locale ?? nothing} dir=${this.locale?.dir ?? nothing}
        aria-expanded=${open ? 'true' : 'false'} aria-controls="menu"
        aria-label=${messages['switcher.button'].replace('{organization}', current.organization_name)}
        @click=${this.#menu.onButtonClick} @keydown=${this.#menu.onButtonKeydown} @keyup=${this.#menu.onButtonKeyup}>
        ${logo(current)}<span class="name" part="name">${current.organization_name}</span><span class="chevron" aria-hidden="true"></span>
      </button>
      <div lang=${this.locale?.locale ?? nothing} dir=${this.locale?.dir ?? nothing} @keydown=${this.#menu.onMenuKeydown} @focusout=${this.#menu.onFocusOut}>
        ${renderPanel(
          {
            messages,
            current,
            open,
            list,
            busy: this.#actions.busy,
            failure: this.#actions.failure,
            canCreate: this.#actions.canCreate && !this.disableCreateOrganization,
            activate: (item) => this.#actions.activate(item, current),
          },
          logo,
        )}
      </div>`;
  }

  #logoFailed(url: string): void {
    this.#brokenLogos.add(url);
    this.requestUpdate();
  }

  /** Follows each specific `orgauth-*` event with its `orgauth-event` twin (see `dispatchWithOrgAuthEvent`). */
  override dispatchEvent(event: Event): boolean {
    return dispatchWithOrgAuthEvent(event, (e) => super.dispatchEvent(e), ACCOUNT_TWINS);
  }
}
