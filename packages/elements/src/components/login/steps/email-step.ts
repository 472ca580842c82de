import type { EmailMethod, LoginProduct } from '@orgauth/core';
import { html, nothing, type TemplateResult } from 'lit';
import { errorMessage, format } from '../../../i18n/format.js';
import { alertRegion } from '../../../internal/alert.js';
import { emailForm } from './email-form.js';
import { oauthButtons, orDivider } from './oauth-buttons.js';
import type { LoginView, StepState } from './view.js';

const isEmailMethod = (p: LoginProduct): p is EmailMethod => p === 'emailMagicLinks' || p === 'emailOtp';

/**
 * "Sign in or create an organization": the email form that sends a link or a code (with both
 * products offered, one button each, so the person picks), plus "Continue with SSO" when `sso` is
 * offered (and, on an organization's page, a way back to its SSO buttons). In discovery with `oauth`
 * offered, the provider buttons sit above the form ("or" between) when `appearance.layout.socialButtonsPlacement`
 * is `top`, or, without it, when `products` names `oauth` before the email products; else below it.
 */
export function renderEmailStep(state: StepState<'email'>, view: LoginView): TemplateResult {
  const m = view.messages;
  const failure = state.error ?? view.localError;
  const message = failure ? errorMessage(failure, m) : null;
  const methods = view.products.filter(isEmailMethod);
  const sso = view.products.includes('sso');
  const passwords = view.products.includes('passwords');
  // The email typed so far goes along to the password step.
  const onPassword = (event: Event) =>
    view.openPassword(
      ((event.currentTarget as Element).getRootNode() as ParentNode)
        .querySelector<HTMLInputElement>('#email')
        ?.value.trim() ?? '',
    );
  // An organization's page shows its own provider buttons; its email step is for email only.
  const providers = state.flow ? [] : view.oauthProviders(null);
  const placement = view.layout.socialButtonsPlacement;
  const oauthFirst = placement
    ? placement === 'top'
    : view.products.indexOf('oauth') < view.products.findIndex(isEmailMethod);
  const oauth = providers.length > 0 ? oauthButtons(providers, state.busy, view) : nothing;
  const divider = providers.length > 0 && methods.length > 0 ? orDivider(view) : nothing;
  const intro =
    methods.length > 1 ? m['email.introChoice'] : methods[0] === 'emailOtp' ? m['email.introCode'] : m['email.intro'];
  const choices =
    methods.length > 1
      ? methods.map((value) => ({ value, label: value === 'emailOtp' ? m['email.submitCode'] : m['email.submitLink'] }))
      : undefined;
  const onEmail = (email: string, method?: string) => view.submitEmail(email, method as EmailMethod | undefined);
  const organization = state.flow?.organization?.organization_name;
  const heading = organization ? format(m['email.headingOrganization'], { organization }) : m['email.heading'];
  return html`
    <h2 class="heading" part="heading" tabindex="-1">${heading}</h2>
    ${oauthFirst ? [oauth, divider] : nothing}
    ${
      methods.length > 0
        ? html`<p class="intro" part="intro">${intro}</p>
          ${emailForm({ id: 'email', label: m['email.label'], placeholder: m['email.placeholder'], submit: m['email.submit'], email: state.email, busy: state.busy, message, choices, onEmail })}`
        : alertRegion(message)
    }
    ${oauthFirst ? nothing : [divider, oauth]}
    <div class="actions">
      ${
        passwords
          ? html`<button class="secondary" part="secondary-button password-button" type="button" ?disabled=${state.busy} @click=${onPassword}>${m['email.password']}</button>`
          : null
      }
      ${
        sso
          ? html`<button class=${methods.length ? 'secondary' : 'primary'} part="secondary-button sso-email-button" type="button" ?disabled=${state.busy} @click=${() => view.openSsoEmail()}>
              ${m['email.sso']}
            </button>`
          : null
      }
      ${
        state.flow
          ? html`<button class="link" part="link-button" type="button" ?disabled=${state.busy} @click=${() => view.back()}>${m['email.back']}</button>`
          : null
      }
    </div>
  `;
}
