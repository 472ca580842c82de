import { html, type TemplateResult } from 'lit';
import { errorMessage, format } from '../../../i18n/format.js';
import { alertRegion } from '../../../internal/alert.js';
import { admissionHint } from './admission-hint.js';
import { spinner } from '../../../internal/spinner.js';
import { renderCodeStep } from './code-step.js';
import type { LoginView, StepState } from './view.js';

/** "Check your email": names the address the link went to, with "Resend" and a way back; for a code, the code entry. */
export function renderEmailSentStep(state: StepState<'email-sent'>, view: LoginView): TemplateResult {
  if (state.method === 'emailOtp') return renderCodeStep(state, view);
  const m = view.messages;
  const failure = state.error ?? view.localError;
  const message = failure ? errorMessage(failure, m) : null;
  // On an organization's page the link is an organization link, mailed only if the address may join.
  const organization = state.flow?.organization?.organization_name;
  const hint = admissionHint(state, m);
  return html`
    <h2 class="heading" part="heading" tabindex="-1" data-initial-focus>${m['emailSent.heading']}</h2>
    <p class="intro" part="intro">${format(organization ? m['emailSent.bodyOrganization'] : m['emailSent.body'], { email: html`<b class="email">${state.email}</b>`, organization })}</p>
    <p class="hint" part="hint">${m['emailSent.hint']}</p>
    ${hint ? html`<p class="hint admission" part="hint admission-hint">${hint}</p>` : null}
    <div class="status success" role="status">${view.resent && !state.busy && !message ? m['emailSent.resent'] : null}</div>
    ${alertRegion(message)}
    <div class="actions" aria-busy=${state.busy ? 'true' : 'false'}>
      <button class="primary" part="submit-button" type="button" ?disabled=${state.busy} @click=${() => view.resend()}>
        ${state.busy ? spinner() : null}<span>${m['emailSent.resend']}</span>
      </button>
      <button class="secondary" part="secondary-button" type="button" ?disabled=${state.busy} @click=${() => view.back()}>
        ${m['emailSent.back']}
      </button>
    </div>
  `;
}
