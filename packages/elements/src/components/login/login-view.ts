import {
  DEFAULT_LOGIN_PRODUCTS,
  oauthProvidersFor,
  isOrgAuthError,
  OrgAuthError,
  validateSlug,
  type B2BClient,
  type LoginController,
  type SessionEndReason,
} from '@orgauth/core';
import { OrgAuthErrorEvent } from '../../events/error.js';
import { html } from 'lit';
import { errorMessage } from '../../i18n/format.js';
import type { OrgAuthFactorMessages } from '../../i18n/factor-messages.js';
import type { OrgAuthLocale } from '../../i18n/locale.js';
import type { OrgAuthMessages } from '../../i18n/messages.js';
import { alertRegion } from '../../internal/alert.js';
import { spinner } from '../../internal/spinner.js';
import type { FactorScreensModule } from './factor-screens-loader.js';
import type { FactorViewModel } from './factors/factor-view-model.js';
import type { OrgAuthLayout } from '../../theming/appearance.js';
import { CODE_LENGTH, codeDigits } from './code-digits.js';
import { emptyCreateForm, withName, withSlug } from './create-form.js';
import type { LoginView } from './steps/view.js';

/** What the view reads from `<orgauth-login>` at call time, and how it asks it to render. */
export interface LoginViewHost {
  client(): B2BClient | undefined;
  controller(): LoginController | undefined;
  messages(): OrgAuthMessages;
  /** `appearance.layout`. */
  layout(): OrgAuthLayout;
  requestUpdate(): void;
  dispatchEvent(event: Event): boolean;
  /** Moves focus to `selector` after the next render. */
  focusAfterRender(selector: string): void;
  /** Seconds until "Resend code" is offered. */
  resendIn(): number;
  /** The element's locale pack, whose `factors` words the lazily loaded screens use. */
  locale(): OrgAuthLocale | undefined;
  /** The password and second-factor screens' module once loaded (asking starts the load). */
  factorScreens(): FactorScreensModule | undefined;
  /** Why that module could not load; null otherwise. */
  factorScreensError(): unknown;
}

// In a module of their own so the lazily loaded factor screens need not import this one.
export { CODE_LENGTH, codeDigits } from './code-digits.js';

/** The step functions' {@link LoginView}, plus what the element drives it with. */
export interface LoginViewModel extends LoginView {
  /** Forgets the view state of the screen just left: form fields, "sent again", a local failure. */
  clear(): void;
  /**
   * Runs a controller action. Failures the machine keeps in its state are shown from there; any
   * other rejection is shown on the current step and announced with `orgauth-error`.
   */
  run(action: unknown, onSuccess?: () => void): void;
  /** Why a session shown as signed in ended: the client's reason; without one, `signed-out` when this view signed out, else `revoked`. */
  endReason(): SessionEndReason;
}

/**
 * The view state of one `<orgauth-login>` (what belongs to the screen, not to the login machine)
 * and the actions its step functions call, each a call on the login controller.
 */
export function createLoginView(host: LoginViewHost): LoginViewModel {
  let createForm = emptyCreateForm();
  let resent = false;
  let signingOut = false;
  let localError: unknown = null;
  let code = '';
  // The factor screens' view state, made once their module is there, and their words per table.
  let factorView: FactorViewModel | undefined;
  let factorWords: { from: OrgAuthMessages; words: OrgAuthFactorMessages } | undefined;

  const run = (action: unknown, onSuccess?: () => void) => {
    localError = null;
    Promise.resolve(action).then(onSuccess, (error: unknown) => {
      const state = host.controller()?.getState();
      if (state && 'error' in state && state.error === error) return;
      localError = error;
      host.dispatchEvent(
        new OrgAuthErrorEvent({
          error: isOrgAuthError(error) ? error : new OrgAuthError('network_error', String(error), { cause: error }),
        }),
      );
      host.requestUpdate();
    });
  };
  const act = (action: (login: LoginController) => unknown) => {
    const login = host.controller();
    if (login) run(action(login));
  };
  const edit = (form: typeof createForm) => {
    createForm = form;
    host.requestUpdate();
  };

  const signOut = async () => {
    const client = host.client();
    if (!client || signingOut) return;
    signingOut = true;
    localError = null;
    host.requestUpdate();
    try {
      // forceClear: the person asked to leave, so local state goes even if the server is unreachable.
      await client.session.revoke({ forceClear: true });
      // The machine follows the store to signed-out; make sure the screen moves on anyway.
      if (host.controller()?.getState().step === 'signed-in') await host.controller()?.reset();
    } catch (error) {
      if (isOrgAuthError(error)) host.dispatchEvent(new OrgAuthErrorEvent({ error }));
      if (host.controller()?.getState().step === 'signed-in') localError = error;
    } finally {
      signingOut = false;
      host.requestUpdate();
    }
  };

  const submitCreate = () => {
    const form = { ...createForm, attempted: true };
    const name = form.name.trim();
    if (name === '' || validateSlug(form.slug) !== null) {
      edit(form);
      host.focusAfterRender(name === '' ? '#organization-name' : '#organization-slug');
      return;
    }
    edit({ ...form, submittedSlug: form.slug });
    act((login) => login.createOrganization({ organization_name: name, organization_slug: form.slug }));
  };

  return {
    get messages() {
      return host.messages();
    },
    get layout() {
      return host.layout();
    },
    get resent() {
      return resent;
    },
    get createForm() {
      return createForm;
    },
    get signingOut() {
      return signingOut;
    },
    get localError() {
      return localError;
    },
    get products() {
      return host.controller()?.config.products ?? DEFAULT_LOGIN_PRODUCTS;
    },
    get canCreateOrganization() {
      return !host.controller()?.config.disableCreateOrganization;
    },
    get code() {
      return code;
    },
    get resendIn() {
      return host.resendIn();
    },
    clear() {
      createForm = emptyCreateForm();
      resent = false;
      localError = null;
      code = '';
      factorView?.clear();
    },
    run,
    endReason: () => host.client()?.session.lastEndReason() ?? (signingOut ? 'signed-out' : 'revoked'),
    submitEmail: (email, method) => act((login) => login.submitEmail(email, method)),
    setCode(value) {
      const before = code;
      code = codeDigits(value);
      host.requestUpdate();
      // The sixth digit (typed, pasted or filled in by the browser) submits; a re-render of the same code does not.
      if (code.length === CODE_LENGTH && before !== code) act((login) => login.submitCode(code));
    },
    submitCode: () => act((login) => login.submitCode(code)),
    resend() {
      resent = false;
      // A new code replaces the old one: the field starts empty for it, and "verifying" is not shown meanwhile.
      code = '';
      const login = host.controller();
      if (!login) return;
      run(login.resend(), () => {
        const state = login.getState();
        resent = state.step === 'email-sent' && !state.error;
        host.requestUpdate();
      });
    },
    back: () => act((login) => login.back()),
    chooseOrganization: (organizationId) => act((login) => login.chooseOrganization(organizationId)),
    startCreate: () => act((login) => login.startCreate()),
    setOrganizationName: (name) => edit(withName(createForm, name)),
    setOrganizationSlug: (slug) => edit(withSlug(createForm, slug)),
    submitCreate,
    signOut: () => void signOut(),
    reset: () => act((login) => login.reset()),
    openSsoEmail: () => act((login) => login.openSsoEmail()),
    submitSsoEmail: (email) => act((login) => login.submitSsoEmail(email)),
    startSso: (connectionId) => act((login) => login.startSso(connectionId)),
    continueWithEmail: () => act((login) => login.openEmail()),
    oauthProviders(organization) {
      const config = host.controller()?.config;
      return config ? oauthProvidersFor(config, organization) : [];
    },
    startOAuth: (provider) => act((login) => login.startOAuth(provider)),
    openPassword: (email) => act((login) => login.openPassword(email)),
    renderFactor(state) {
      const m = host.messages();
      const screens = host.factorScreens();
      if (!screens) {
        const failure = host.factorScreensError();
        // Offline or the chunk missing: said in words, with a way back to the start.
        return failure
          ? html`<h2 class="heading" part="heading" tabindex="-1">${m['error.heading']}</h2>
              ${alertRegion(errorMessage(new OrgAuthError('network_error', String(failure), { cause: failure }), m))}
              <button class="primary" part="submit-button" type="button" @click=${() => act((login) => login.reset())}>${m['error.startOver']}</button>`
          : html`<div class="progress" role="status">${spinner()}<span>${m.busy}</span></div>`;
      }
      if (factorWords?.from !== m) factorWords = { from: m, words: screens.resolveFactorMessages(m, host.locale()) };
      factorView ??= screens.createFactorView({
        controller: host.controller,
        messages: () => factorWords?.words ?? screens.resolveFactorMessages(host.messages(), host.locale()),
        requestUpdate: host.requestUpdate,
        run,
      });
      return screens.renderFactorScreen(screens.factorScreenOf(state), factorView);
    },
  };
}
