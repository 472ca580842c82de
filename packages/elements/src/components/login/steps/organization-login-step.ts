import { html, nothing, type TemplateResult } from 'lit';
import { errorMessage, format } from '../../../i18n/format.js';
import { alertRegion } from '../../../internal/alert.js';
import { spinner } from '../../../internal/spinner.js';
import { oauthButtons, orDivider } from './oauth-buttons.js';
import { ssoButtons } from './sso-buttons.js';
import type { LoginView, StepState } from './view.js';

/**
 * The organization's own login page (`organization-slug` set): its SSO connections and the OAuth
 * providers it allows as buttons, and "Continue with email" for the email step. While the
 * organization loads it shows a status line; an unknown slug is an error in words on the same screen.
 */
export function renderOrganizationLoginStep(state: StepState<'organization-login'>, view: LoginView): TemplateResult {
  const m = view.messages;
  const failure = state.error ?? view.localError;
  const message = failure ? errorMessage(failure, m) : null;
  const { organization } = state.flow;
  // Only the products the configuration offers (`config.products`) and the organization allows
  // (`auth_methods: 'RESTRICTED'` lists them): the server would refuse any other way in anyway.
  const allows = (method: string) =>
    organization?.auth_methods !== 'RESTRICTED' || (organization.allowed_auth_methods ?? []).includes(method);
  const connections =
    view.products.includes('sso') && allows('sso') ? (organization?.sso_active_connections ?? []) : [];
  const providers = organization ? view.oauthProviders(organization) : [];
  const sso = connections.length > 0;
  const email = view.products.some(
    (p) => (p === 'emailMagicLinks' && allows('magic_link')) || (p === 'emailOtp' && allows('email_otp')),
  );
  const password = view.products.includes('passwords') && allows('password');
  const intro = providers.length
    ? 'organizationLogin.introChoose'
    : email && sso
      ? 'organizationLogin.intro'
      : email || (password && !sso)
        ? 'organizationLogin.introEmail'
        : 'organizationLogin.introSso';
  const primary = !sso && !providers.length;
  return html`
    <h2 class="heading" part="heading" tabindex="-1" data-initial-focus>${m['organizationLogin.heading']}</h2>
    ${
      organization
        ? html`<p class="intro" part="intro">
          ${format(m[intro], { organization: html`<b class="organization">${organization.organization_name}</b>` })}
        </p>`
        : state.busy
          ? html`<div class="progress" role="status" aria-live="polite">${spinner()}<span>${m['organizationLogin.loading']}</span></div>`
          : null
    }
    ${alertRegion(message)}
    ${sso ? ssoButtons(connections, state.busy, view) : null}
    ${providers.length ? oauthButtons(providers, state.busy, view) : null}
    ${
      email
        ? html`${providers.length ? orDivider(view) : nothing}<div class="actions">
          <button class="${primary ? 'primary' : 'secondary'}" part="${primary ? 'submit-button' : 'secondary-button'} email-button" type="button" ?disabled=${state.busy} @click=${() => view.continueWithEmail()}>
            ${m['organizationLogin.email']}
          </button>
        </div>`
        : null
    }
    ${
      password && organization
        ? html`<div class="actions"><button class="${primary && !email ? 'primary' : 'secondary'}" part="${primary && !email ? 'submit-button' : 'secondary-button'} password-button" type="button" ?disabled=${state.busy} @click=${() => view.openPassword('')}>${m['email.password']}</button></div>`
        : null
    }
  `;
}
