import { ContextConsumer } from '@lit/context';
import { isOrgAuthApiError, isOrgAuthError, OrgAuthError, validateSlug } from '@orgauth/core';
import type { B2BClient, LoginController, LoginState } from '@orgauth/core';
import { html, LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { orgAuthClientContext } from '../../context.js';
import { StoreController } from '../../controllers/store-controller.js';
import { OrgAuthErrorEvent } from '../../events/error.js';
import { OrgAuthNavigateEvent } from '../../events/navigate.js';
import { errorMessage } from '../../i18n/format.js';
import { resolveMessages, type OrgAuthMessages, type OrgAuthMessagesOverride } from '../../i18n/messages.js';
import { alertRegion } from '../../internal/alert.js';
import { reportUncaught } from '../../internal/report-error.js';
import { spinner } from '../../internal/spinner.js';
import { emptyCreateForm, isFieldError, withName, withSlug, type CreateFormState } from './create-form.js';
import { transitionEvents } from './login-events.js';
import { loginStyles } from './login.styles.js';
import { createOwnClient } from './script-client.js';
import { renderStep } from './steps/index.js';
import type { LoginView } from './steps/view.js';

/** Colour scheme of an element: fixed light or dark, or `auto` to follow `prefers-color-scheme`. */
export type OrgAuthTheme = 'light' | 'dark' | 'auto';

const NO_CLIENT =
  '<orgauth-login> has no client: set its client property, its public-token attribute, or place it inside <orgauth-provider>.';

/**
 * The whole discovery sign-in as one element: email → "Check your email" → choose or create an
 * organization → signed in. It renders the core login machine (`client.createLogin()`) and, on
 * connection, finishes a magic-link redirect found in the URL (`?stytch_token_type=discovery&token=…`).
 *
 * The client comes from the `client` property, else from an ancestor `<orgauth-provider>`, else —
 * the script-tag convenience — the element builds one from its `public-token` attribute (and
 * `base-url`, default `location.origin`), with magic links leading back to the current page.
 *
 * With `organization-slug`, it shows that organization's own login page instead: one "Continue with
 * <name>" button per active SSO connection, plus "Continue with email". In discovery, "Continue with
 * SSO" finds the connection by the email's domain. Before leaving for an identity provider it fires
 * the cancelable `orgauth-navigate`; unless canceled, the client navigates. Coming back, it finishes
 * the `sso` token (or shows the `stytch_error` the server sent back) like a magic link.
 *
 * @summary Sign in or create an organization with an email magic link or single sign-on.
 * @fires orgauth-session-created - Signed in to an organization; `detail: { member, organization }`.
 * @fires orgauth-session-ended - The shown session ended; `detail: { reason }`.
 * @fires orgauth-step-change - Moved to another screen; `detail: { step }`.
 * @fires orgauth-error - A failure is being shown; `detail: { error }`.
 * @fires orgauth-navigate - About to leave for an identity provider; cancelable; `detail: { url }`.
 * @csspart card - The box around each screen.
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
 * @csspart org-button - One organization's button; `org-name` and `org-hint` are its two lines.
 * @csspart empty - The "not a member of any organization" text.
 * @csspart spinner - Progress indicator.
 * @csspart sso-list - The list of SSO connection buttons.
 * @csspart sso-button - One "Continue with <connection>" button (also `secondary-button`).
 * @csspart sso-email-button - "Continue with SSO" on the email step (also `secondary-button`).
 * @csspart email-button - "Continue with email" on an organization's page.
 * @cssprop --orgauth-color-primary - Accent and primary button colour.
 * @cssprop --orgauth-color-on-primary - Text on the primary button.
 * @cssprop --orgauth-color-text - Text colour.
 * @cssprop --orgauth-color-muted - Secondary text colour.
 * @cssprop --orgauth-color-background - Card background.
 * @cssprop --orgauth-color-surface - Organization button background.
 * @cssprop --orgauth-color-border - Borders of the card, fields and buttons.
 * @cssprop --orgauth-color-danger - Error text and invalid field borders.
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
  static override styles = loginStyles;
  static override properties = {
    client: { attribute: false },
    publicToken: { attribute: 'public-token' },
    baseUrl: { attribute: 'base-url' },
    theme: { reflect: true },
    messages: { attribute: false },
    organizationSlug: { attribute: 'organization-slug' },
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
  /** Replacement words, merged over the defaults key by key. */
  declare messages: OrgAuthMessagesOverride | undefined;
  /** Shows this organization's login page (its SSO buttons) instead of the discovery flow. */
  declare organizationSlug: string | undefined;
  /**
   * Set by framework wrappers that assign `client` only after hydration (`@orgauth/react`'s `Login`
   * renders `awaiting-client` into server HTML): the element is upgraded before the framework runs,
   * so until the client arrives it shows its progress indicator instead of the missing-client error.
   */
  declare awaitingClient: boolean;

  readonly #provided = new ContextConsumer(this, {
    context: orgAuthClientContext,
    subscribe: true,
    callback: () => (this.#underProvider = true),
  });
  /** An `<orgauth-provider>` answered: a missing client is then "not yet", not a usage error. */
  #underProvider = false;
  readonly #login = new StoreController<LoginState>(this, (s) => s, (next, previous) => this.#onTransition(next, previous));
  readonly #view: LoginView;
  #messages: OrgAuthMessages = resolveMessages();
  #client: B2BClient | undefined;
  /** False until the first update has looked for a client (and after an own client was dropped). */
  #bound = false;
  readonly #ownClient = createOwnClient();
  #controller: LoginController | undefined;
  #usageError: OrgAuthError | null = null;
  #usageErrorThrown = false;
  #createForm: CreateFormState = emptyCreateForm();
  #resent = false;
  #signingOut = false;
  #localError: unknown = null;
  #focus: string | null = null;

  constructor() {
    super();
    this.client = undefined;
    this.publicToken = undefined;
    this.baseUrl = undefined;
    this.theme = 'light';
    this.messages = undefined;
    this.organizationSlug = undefined;
    this.awaitingClient = false;
    this.#view = this.#createView();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Coming back after an own client was dropped: the next update builds a fresh one.
    if (!this.#bound) this.requestUpdate();
    window.addEventListener('pageshow', this.#onPageShow);
  }

  /** Back from the IdP with the Back button (page restored from the back-forward cache): not redirecting any more. */
  readonly #onPageShow = (event: PageTransitionEvent): void => {
    if (event.persisted && this.#controller?.getState().step === 'sso-redirecting') this.#controller.reset();
  };

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('pageshow', this.#onPageShow);
    // A client this element built for itself is its to stop; it is rebuilt on reconnection.
    if (this.#ownClient.drop()) {
      this.#client = undefined;
      this.#controller = undefined;
      this.#bound = false;
      this.#login.setSource(undefined);
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('messages')) this.#messages = resolveMessages(this.messages);
    const given = this.client ?? this.#provided.value;
    // An own client stays alive only while nothing better is given.
    if (given) this.#ownClient.drop();
    const client = given ?? this.#ownClient.get(this.publicToken, this.baseUrl);
    // The slug is the login's flow: another slug is another login.
    if (!this.#bound || client !== this.#client || changed.has('organizationSlug')) this.#bind(client);
  }

  protected override render(): TemplateResult {
    const state = this.#login.value;
    const body = this.#usageError
      ? html`<h2 class="heading" part="heading" tabindex="-1">${this.#messages['error.heading']}</h2>
          ${alertRegion(errorMessage(this.#usageError, this.#messages))}`
      : state
        ? renderStep(state, this.#view)
        : spinner();
    const step = this.#usageError ? 'error' : (state?.step ?? '');
    return html`<div class="card" part="card" data-step=${step} aria-busy=${step === '' ? 'true' : 'false'}>${body}</div>`;
  }

  protected override updated(): void {
    if (this.#focus === null) return;
    const target = this.renderRoot.querySelector<HTMLElement>(this.#focus) ?? this.renderRoot.querySelector<HTMLElement>('.heading');
    this.#focus = null;
    target?.focus();
  }

  #bind(client: B2BClient | undefined): void {
    this.#bound = true;
    this.#client = client;
    this.#controller = undefined;
    if (!client) {
      this.#login.setSource(undefined);
      this.#usageError = null;
      if (this.#underProvider || this.awaitingClient) return;
      this.#usageError = new OrgAuthError('invalid_usage', NO_CLIENT);
      this.dispatchEvent(new OrgAuthErrorEvent({ error: this.#usageError }));
      if (!this.#usageErrorThrown) reportUncaught(this.#usageError);
      this.#usageErrorThrown = true;
      return;
    }
    this.#usageError = null;
    // STYLE P8: the page may route an SSO start itself by canceling `orgauth-navigate`.
    const controller = client.createLogin({
      organizationSlug: this.organizationSlug,
      beforeNavigate: (url) => this.dispatchEvent(new OrgAuthNavigateEvent({ url })),
    });
    this.#controller = controller;
    this.#login.setSource(controller);
    this.#resetViewState();
    // In this update, so the first render already shows where the redirect (or the organization's page) starts.
    this.#run(controller.start());
  }

  #onTransition(next: LoginState, previous: LoginState | undefined): void {
    if (previous && next.step !== previous.step) {
      this.#resetViewState();
      this.#focus = '[data-initial-focus]';
    }
    const error = 'error' in next ? next.error : null;
    const newError = error !== null && (!previous || !('error' in previous) || previous.error !== error);
    // The busy form disabled the focused control; put focus back where the problem is.
    if (newError && next.step === 'email') this.#focus = '#email';
    if (newError && next.step === 'create-organization' && isFieldError(error)) {
      this.#focus = isOrgAuthApiError(error, 'invalid_organization_name') ? '#organization-name' : '#organization-slug';
    }
    const endReason = this.#client?.session.lastEndReason() ?? (this.#signingOut ? 'signed-out' : 'revoked');
    for (const event of transitionEvents(next, previous, endReason)) this.dispatchEvent(event);
  }

  #resetViewState(): void {
    this.#createForm = emptyCreateForm();
    this.#resent = false;
    this.#localError = null;
  }

  /** Runs a controller action. Failures the machine keeps in its state are shown from there; any
   * other rejection is shown on the current step and announced with `orgauth-error`. */
  #run(action: Promise<unknown>, onSuccess?: () => void): void {
    this.#localError = null;
    action.then(onSuccess, (error: unknown) => {
      const state = this.#controller?.getState();
      if (state && 'error' in state && state.error === error) return;
      this.#localError = error;
      this.dispatchEvent(new OrgAuthErrorEvent({ error: isOrgAuthError(error) ? error : new OrgAuthError('network_error', String(error), { cause: error }) }));
      this.requestUpdate();
    });
  }

  async #signOut(): Promise<void> {
    const client = this.#client;
    if (!client || this.#signingOut) return;
    this.#signingOut = true;
    this.#localError = null;
    this.requestUpdate();
    try {
      // forceClear: the person asked to leave, so local state goes even if the server is unreachable.
      await client.session.revoke({ forceClear: true });
      // The machine normally follows the store to signed-out; make sure the screen moves on anyway.
      if (this.#controller?.getState().step === 'signed-in') this.#controller.reset();
    } catch (error) {
      if (isOrgAuthError(error)) this.dispatchEvent(new OrgAuthErrorEvent({ error }));
      if (this.#controller?.getState().step === 'signed-in') this.#localError = error;
    } finally {
      this.#signingOut = false;
      this.requestUpdate();
    }
  }

  #submitCreate(): void {
    const form: CreateFormState = { ...this.#createForm, attempted: true };
    const name = form.name.trim();
    if (name === '' || validateSlug(form.slug) !== null) {
      this.#createForm = form;
      this.#focus = name === '' ? '#organization-name' : '#organization-slug';
      this.requestUpdate();
      return;
    }
    this.#createForm = { ...form, submittedSlug: form.slug };
    this.requestUpdate();
    if (this.#controller) this.#run(this.#controller.createOrganization({ organization_name: name, organization_slug: form.slug }));
  }

  #createView(): LoginView {
    // The view is built once; its getters read the element's live state at render time.
    const el = this;
    const act = (fn: (c: LoginController) => Promise<unknown> | void) => () => {
      const c = el.#controller;
      if (!c) return;
      const result = fn(c);
      if (result) el.#run(result);
    };
    return {
      get messages() { return el.#messages; },
      get resent() { return el.#resent; },
      get createForm() { return el.#createForm; },
      get signingOut() { return el.#signingOut; },
      get localError() { return el.#localError; },
      submitEmail: (email) => act((c) => c.submitEmail(email))(),
      resend: () => {
        el.#resent = false;
        const c = el.#controller;
        if (c) el.#run(c.resend(), () => { const s = c.getState(); el.#resent = s.step === 'email-sent' && !s.error; el.requestUpdate(); });
      },
      back: act((c) => c.back()),
      chooseOrganization: (id) => act((c) => c.chooseOrganization(id))(),
      startCreate: act((c) => c.startCreate()),
      setOrganizationName: (name) => { el.#createForm = withName(el.#createForm, name); el.requestUpdate(); },
      setOrganizationSlug: (slug) => { el.#createForm = withSlug(el.#createForm, slug); el.requestUpdate(); },
      submitCreate: () => el.#submitCreate(),
      signOut: () => void el.#signOut(),
      reset: act((c) => c.reset()),
      openSsoEmail: act((c) => c.openSsoEmail()),
      submitSsoEmail: (email) => act((c) => c.submitSsoEmail(email))(),
      startSso: (id) => act((c) => c.startSso(id))(),
      continueWithEmail: act((c) => c.openEmail()),
    };
  }
}
