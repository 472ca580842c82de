import { html, type TemplateResult } from 'lit';
import { errorMessage, format } from '../../../i18n/format.js';
import { alertRegion } from '../../../internal/alert.js';
import { spinner } from '../../../internal/spinner.js';
import type { LoginView, StepState } from './view.js';

/** "Signed in": who is signed in to which organization, and "Sign out". */
export function renderSignedInStep(state: StepState<'signed-in'>, view: LoginView): TemplateResult {
  const m = view.messages;
  const message = view.localError ? errorMessage(view.localError, m) : null;
  return html`
    <h2 class="heading" part="heading" tabindex="-1" data-initial-focus>${m['signedIn.heading']}</h2>
    <p class="intro" part="intro">
      ${format(m['signedIn.body'], {
        email: html`<b class="email">${state.member.email_address}</b>`,
        organization: html`<b class="organization">${state.organization.organization_name}</b>`,
      })}
    </p>
    ${alertRegion(message)}
    <div class="actions" aria-busy=${view.signingOut ? 'true' : 'false'}>
      <button class="secondary" part="secondary-button sign-out-button" type="button" ?disabled=${view.signingOut} @click=${() => view.signOut()}>
        ${view.signingOut ? spinner() : null}<span>${m['signedIn.signOut']}</span>
      </button>
    </div>
  `;
}
