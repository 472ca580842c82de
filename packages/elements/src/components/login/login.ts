import type { B2BClient, LoginConfig, LoginController, LoginState } from '@orgauth/core';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ClientController } from '../../controllers/client-controller.js';
import { StoreController } from '../../controllers/store-controller.js';
import { OrgAuthNavigateEvent } from '../../events/navigate.js';
import { errorMessage } from '../../i18n/format.js';
import { resolveMessages, type OrgAuthMessages, type OrgAuthMessagesOverride } from '../../i18n/messages.js';
import type { OrgAuthLocale } from '../../i18n/locale.js';
import { alertRegion } from '../../internal/alert.js';
import { spinner } from '../../internal/spinner.js';
import { configKey, resolveLoginConfig, withEmailLocale } from './login-config.js';
import { transitionEvents } from './login-events.js';
import { FactorScreens } from './factor-screens.js';
import { FocusController, focusAfter } from './login-focus.js';
import { createLoginView } from './login-view.js';
import { ResendCountdown } from './resend-countdown.js';
import { themeStyles } from '../../internal/theme.styles.js';
import type { OrgAuthAppearance } from '../../theming/appearance.js';
import { AppearanceController } from '../../theming/appearance-controller.js';
import { loginStyles } from './login.styles.js';
import { oauthStyles } from './oauth.styles.js';
import { renderStep } from './steps/index.js';
import { dispatchWithOrgAuthEvent } from '../../events/orgauth-event-of.js';

/** Colour scheme of an element: fixed light or dark, or `auto` to follow `prefers-color-scheme`. */
export type OrgAuthTheme = 'light' | 'dark' | 'auto';

/**
 * The whole discovery sign-in as one element: email → "Check your email" → choose or create an
 * organization → signed in. It renders the core login machine (`client.createLogin()`) and, on
 * connection, finishes a magic-link redirect found in the URL (`?stytch_token_type=discovery&token=…`).
 *
 * The client comes from the `client` property, else from an ancestor `<orgauth-provider>`, else —
 * the script-tag convenience — the element builds one from its `public-token` attribute (and
 * `base-url`, default `location.origin`), with magic links leading back to the current page
 * (see `ClientController`).
 *
 * With `organization-slug`, it shows that organization's own login page instead: one "Continue with
 * <name>" button per active SSO connection, plus "Continue with email". In discovery, "Continue with
 * SSO" finds the connection by the email's domain. Before leaving for an identity provider it fires
 * the cancelable `orgauth-navigate`; unless canceled, the client navigates. Coming back, it finishes
 * the `sso` token (or shows the `stytch_error` the server sent back) like a magic link.
 *
 * The `config` property takes the typed `LoginConfig` of `@orgauth/core` (Stytch's prebuilt UI
 * names); the attributes `products`, `auth-flow-type`, `session-duration-minutes` and
 * `oauth-providers` cover the script tag's common cases and win over the same fields of `config`. With `emailOtp` the email step sends a
 * six-digit code, typed on the "Check your email" step; with both email products the person picks.
 * With `oauth`, "Continue with Google" (and the other configured providers) leave for the provider
 * after the same `orgauth-navigate`; an organization's page shows only the providers it allows.
 *
 * @summary Sign in or create an organization with an email link, an email code, single sign-on or OAuth.
 * @fires orgauth-session-created - Signed in to an organization; `detail: { member, organization }`.
 * @fires orgauth-session-ended - The shown session ended; `detail: { reason }`.
 * @fires orgauth-step-change - Moved to another screen; `detail: { step }`.
 * @fires orgauth-error - A failure is being shown; `detail: { error }`.
 * @fires orgauth-navigate - About to leave for an identity provider; cancelable; `detail: { url }`.
 * @fires orgauth-event - Every step of the sign-in as `detail: { type, data }` (`email_sent`, `code_sent`,
 *   `organizations_discovered`, `organization_created`, `signed_in`, …; docs/events.md lists them).
 * @csspart card - The box around each screen.
 * @csspart logo-box - Around the logo of `appearance.layout.logoImageUrl`.
 * @csspart logo-image - The logo image.
 * @csspart heading - The screen's title.
 * @csspart intro - The sentence under the title.
 * @csspart form - Each `<form>`.
 * @csspart label - Field labels.
 * @csspart input - Text fields.
 * @csspart hint - Help text under a field or title.
 * @csspart field-error - A field's error message.
 * @csspart error - The `role="alert"` error region.
 * @csspart submit-button - The main action of a screen.
 * @csspart secondary-button - Other actions (back, resend alternatives, sign out).
 * @csspart link-button - Low-emphasis actions ("Use a different email").
 * @csspart org-list - The list of organizations.
 * @csspart org-button - One organization's button.
 * @csspart org-name - An organization's name (inside `org-button`).
 * @csspart org-hint - Its slug and membership in words (inside `org-button`).
 * @csspart admission-hint - On an organization's page, who may join it by email (also `hint`).
 * @csspart create-button - "Create an organization" (also `submit-button` or `secondary-button`).
 * @csspart sign-out-button - "Sign out" on the signed-in screen (also `secondary-button`).
 * @csspart empty - The "not a member of any organization" text.
 * @csspart spinner - Progress indicator.
 * @csspart sso-list - The list of SSO connection buttons.
 * @csspart sso-button - One "Continue with <connection>" button (also `secondary-button`).
 * @csspart sso-email-button - "Continue with SSO" on the email step (also `secondary-button`).
 * @csspart email-button - "Continue with email" on an organization's page.
 * @csspart method-button - "Email me a link" / "Email me a code" when both are offered (also `submit-button` or `secondary-button`).
 * @csspart code-input - The one-time code field (also `input`).
 * @csspart resend-button - "Resend code" (also `secondary-button`).
 * @csspart resend-countdown - "You can ask for a new code in 30 seconds" (also `hint`).
 * @csspart oauth-buttons - The list of OAuth provider buttons.
 * @csspart oauth-button - One "Continue with Google" button (also `secondary-button`); `data-provider` names it.
 * @csspart oauth-mark - The provider's mark inside its button.
 * @csspart divider - The "or" between the provider buttons and the email form.
 * @csspart password-button - "Use a password" on the email step (also `secondary-button`).
 * @csspart password-row - A password field and its show/hide toggle.
 * @csspart password-input - A password field (also `input`).
 * @csspart password-toggle - The show/hide button of a password field (also `secondary-button`); `aria-pressed` when shown.
 * @csspart strength - The strength meter under a new password, with its words.
 * @csspart strength-meter - The `<meter>` of a new password's strength (0–4).
 * @csspart strength-feedback - The strength in words, and the checker's warning and suggestions.
 * @csspart forgot-password-button - "Forgot password?" (also `link-button`).
 * @csspart mfa-methods - The list of second-factor methods to choose from.
 * @csspart mfa-method-button - One method's button; `data-method` names it (`totp`, `smsOtp`).
 * @csspart totp-qr - The authenticator app's QR code image.
 * @csspart totp-key - The authenticator app's setup key, in groups of four.
 * @csspart copy-button - "Copy key" / "Copy codes" (also `secondary-button`).
 * @csspart phone-input - The mobile number field (also `input`).
 * @csspart recovery-code-button - "Use a recovery code instead" (also `link-button`).
 * @csspart recovery-code-input - The recovery code field (also `input`).
 * @csspart recovery-codes - The list of recovery codes shown after enrolment.
 * @csspart download-button - "Download as text" for the recovery codes (also `secondary-button`).
 * @csspart status - A polite note such as "Copied.".
 * @cssprop --orgauth-color-primary - Accent and primary button colour.
 * @cssprop --orgauth-color-on-primary - Text on the primary button.
 * @cssprop --orgauth-color-text - Text colour.
 * @cssprop --orgauth-color-muted - Secondary text colour.
 * @cssprop --orgauth-color-background - Card background.
 * @cssprop --orgauth-color-surface - Organization button background.
 * @cssprop --orgauth-color-border - Borders of the card, fields and buttons.
 * @cssprop --orgauth-color-danger - Error text and invalid field borders.
 * @cssprop --orgauth-color-success - Confirmation text ("We sent another link").
 * @cssprop --orgauth-radius - Corner radius of fields (the card uses 1.5×).
 * @cssprop --orgauth-font-family - Font stack (default: the system font).
 * @cssprop --orgauth-font-size - Base font size.
 * @cssprop --orgauth-spacing - Base spacing unit.
 * @cssprop --orgauth-width - Maximum width of the card (default 400px).
 * @cssprop --orgauth-card-shadow - Card shadow.
 * @cssprop --orgauth-button-background - Primary button background.
 * @cssprop --orgauth-button-color - Primary button text.
 * @cssprop --orgauth-button-radius - Button corner radius.
 * @cssprop --orgauth-button-padding - Button padding.
 * @cssprop --orgauth-button-font-weight - Button font weight.
 * @cssprop --orgauth-button-secondary-background - Secondary button background.
 * @cssprop --orgauth-button-secondary-color - Secondary button text.
 */
export class OrgAuthLogin extends LitElement {
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override styles = [themeStyles, loginStyles, oauthStyles];
  static override properties = {
    client: { attribute: false },
    publicToken: { attribute: 'public-token' },
    baseUrl: { attribute: 'base-url' },
    theme: { reflect: true },
    appearance: { attribute: false },
    messages: { attribute: false },
    locale: { attribute: false },
    organizationSlug: { attribute: 'organization-slug' },
    config: { attribute: false },
    products: {},
    authFlowType: { attribute: 'auth-flow-type' },
    sessionDurationMinutes: { attribute: 'session-duration-minutes' },
    oauthProviders: { attribute: 'oauth-providers' },
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
  declare messages: OrgAuthMessagesOverride | undefined;
  /**
   * A locale pack (`import { de } from '@orgauth/elements/locales/de'`): its words replace the English
   * defaults, `messages` still wins over it, and its `lang` and `dir` go on the rendered card.
   */
  declare locale: OrgAuthLocale | undefined;
  /** Shows this organization's login page (its SSO buttons) instead of the discovery flow. */
  declare organizationSlug: string | undefined;
  /**
   * The login's configuration, shaped like Stytch's prebuilt UI config (`products`, `authFlowType`,
   * `sessionOptions`, `emailMagicLinksOptions`, `emailOtpOptions`, `oauthOptions`, `directLoginForSingleMembership`,
   * `directCreateOrganizationForNoMembership`, `disableCreateOrganization`). A change of content
   * starts a new login; a new object with the same content does not.
   */
  declare config: LoginConfig | undefined;
  /** Script-tag form of `config.products`: names separated by spaces, e.g. `emailMagicLinks emailOtp sso`. */
  declare products: string | undefined;
  /** Script-tag form of `config.authFlowType`: `Discovery` or `Organization`. */
  declare authFlowType: string | undefined;
  /** Script-tag form of `config.sessionOptions.sessionDurationMinutes`. */
  declare sessionDurationMinutes: string | undefined;
  /** Script-tag form of `config.oauthOptions.providers`: names separated by spaces, e.g. `google microsoft github`. */
  declare oauthProviders: string | undefined;
  /**
   * Set by framework wrappers that assign `client` only after hydration (`@orgauth/react`'s `Login`
   * renders `awaiting-client` into server HTML): the element is upgraded before the framework runs,
   * so until the client arrives it shows its progress indicator instead of the missing-client error.
   */
  declare awaitingClient: boolean;

  readonly #clients = new ClientController(this);
  readonly #appearance = new AppearanceController(this);
  readonly #login = new StoreController<LoginState>(
    this,
    (s) => s,
    (next, previous) => this.#onTransition(next, previous),
  );
  readonly #focus = new FocusController(this);
  readonly #countdown = new ResendCountdown(this);
  // Once the password and second-factor screens arrive, their first field takes focus (login-focus.ts).
  readonly #factors = new FactorScreens(this, () => this.#focus.request('[data-initial-focus]'));
  #messages: OrgAuthMessages = resolveMessages();
  // The view reads the element's live state through these when it renders or acts.
  readonly #view = createLoginView({
    client: () => this.#clients.client,
    controller: () => this.#bound?.login,
    messages: () => this.#messages,
    layout: () => this.#appearance.layout,
    requestUpdate: () => this.requestUpdate(),
    dispatchEvent: (event) => this.dispatchEvent(event),
    focusAfterRender: (selector) => this.#focus.request(selector),
    resendIn: () => this.#countdown.remaining,
    locale: () => this.locale,
    factorScreens: () => this.#factors.get(),
    factorScreensError: () => this.#factors.error,
  });
  /** The login machine and the client, slug and configuration (its key) it was made for. */
  #bound:
    | { login: LoginController | undefined; client: B2BClient | undefined; slug: string | undefined; config: string }
    | undefined;

  constructor() {
    super();
    this.client = undefined;
    this.publicToken = undefined;
    this.baseUrl = undefined;
    this.theme = 'light';
    this.appearance = undefined;
    this.messages = undefined;
    this.locale = undefined;
    this.organizationSlug = undefined;
    this.config = undefined;
    this.products = undefined;
    this.authFlowType = undefined;
    this.sessionDurationMinutes = undefined;
    this.oauthProviders = undefined;
    this.awaitingClient = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('pageshow', this.#onPageShow);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('pageshow', this.#onPageShow);
  }

  /** Back from the IdP with the Back button (page restored from the back-forward cache): not redirecting any more. */
  readonly #onPageShow = (event: PageTransitionEvent): void => {
    const login = this.#bound?.login;
    const step = login?.getState().step;
    if (login && event.persisted && (step === 'sso-redirecting' || step === 'oauth-redirecting'))
      this.#view.run(login.reset());
  };

  protected override update(changed: PropertyValues<this>): void {
    if (changed.has('messages') || changed.has('locale')) this.#messages = resolveMessages(this.messages, this.locale);
    // The ClientController has resolved the client by now (its hostUpdate); the render is still to come.
    this.#bind(this.#clients.client, this.organizationSlug);
    const state = this.#login.value;
    // The resend countdown runs per code sent (`sends` counts them) while the code entry shows.
    this.#countdown.sync(
      state?.step === 'email-sent' && state.method === 'emailOtp' ? `${state.email} ${state.sends}` : null,
    );
    super.update(changed);
  }

  protected override render(): TemplateResult {
    const usageError = this.#clients.usageError;
    const state = usageError ? undefined : this.#login.value;
    const body = usageError
      ? html`<h2 class="heading" part="heading" tabindex="-1">${this.#messages['error.heading']}</h2>
          ${alertRegion(errorMessage(usageError, this.#messages))}`
      : state
        ? renderStep(state, this.#view)
        : spinner();
    const step = usageError ? 'error' : (state?.step ?? '');
    const { logoImageUrl, logoPlacement = 'inside' } = this.#appearance.layout;
    // Decorative (empty alt): the heading names where the person is signing in.
    const logo = (placement: string) =>
      logoImageUrl && logoPlacement === placement
        ? html`<div class="logo-box" part="logo-box"><img class="logo-image" part="logo-image" src=${logoImageUrl} alt="" /></div>`
        : nothing;
    return html`${logo('outside')}<div class="card" part="card" lang=${this.locale?.locale ?? nothing} dir=${this.locale?.dir ?? nothing} data-step=${step} aria-busy=${step === '' ? 'true' : 'false'}>${logo('inside')}${body}</div>`;
  }

  /** One login machine per client, slug and configuration: another of any is another login. */
  #bind(client: B2BClient | undefined, slug: string | undefined): void {
    const config = withEmailLocale(resolveLoginConfig(this.config, this), this.locale?.locale);
    const key = configKey(config);
    const bound = this.#bound;
    if (bound && bound.client === client && bound.slug === slug && bound.config === key) return;
    // docs/architecture.md P8: the page may route an SSO start itself by canceling `orgauth-navigate`.
    const beforeNavigate = (url: string) => this.dispatchEvent(new OrgAuthNavigateEvent({ url }));
    const login = client?.createLogin({ ...config, organizationSlug: slug, beforeNavigate });
    this.#bound = { login, client, slug, config: key };
    this.#login.setSource(login);
    this.#view.clear();
    // Started within this update, so the first render already shows where the login begins.
    if (login) this.#view.run(login.start());
  }

  #onTransition(next: LoginState, previous: LoginState | undefined): void {
    if (previous && next.step !== previous.step) this.#view.clear();
    const target = focusAfter(next, previous);
    if (target) this.#focus.request(target);
    for (const event of transitionEvents(next, previous, this.#view.endReason())) this.dispatchEvent(event);
  }

  /** Follows each specific `orgauth-*` event with its `orgauth-event` twin (see `dispatchWithOrgAuthEvent`). */
  override dispatchEvent(event: Event): boolean {
    return dispatchWithOrgAuthEvent(event, (e) => super.dispatchEvent(e));
  }
}
