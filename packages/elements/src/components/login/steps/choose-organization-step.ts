import type { DiscoveredOrganization } from '@orgauth/core/protocol';
import { html, type TemplateResult } from 'lit';
import { errorMessage, format } from '../../../i18n/format.js';
import type { OrgAuthMessageKey } from '../../../i18n/messages.js';
import { alertRegion } from '../../../internal/alert.js';
import { spinner } from '../../../internal/spinner.js';
import type { LoginView, StepState } from './view.js';

/** "Choose an organization": one button per discovered organization, plus "Create an organization". */
export function renderChooseOrganizationStep(state: StepState<'choose-organization'>, view: LoginView): TemplateResult {
  const m = view.messages;
  const busy = state.busyOrganizationId !== null;
  const failure = state.error ?? view.localError;
  const message = failure ? errorMessage(failure, m) : null;
  return html`
    <h2 class="heading" part="heading" tabindex="-1" data-initial-focus>${m['chooseOrganization.heading']}</h2>
    <p class="intro" part="intro">${format(m['chooseOrganization.intro'], { email: html`<b class="email">${state.email}</b>` })}</p>
    ${alertRegion(message)}
    ${
      state.organizations.length === 0
        ? html`<p class="empty" part="empty">${m['chooseOrganization.empty']}</p>`
        : html`<ul class="org-list" part="org-list" aria-busy=${busy ? 'true' : 'false'}>
          ${state.organizations.map((d) => organizationButton(d, state.busyOrganizationId, view))}
        </ul>`
    }
    <div class="actions">
      ${
        view.canCreateOrganization
          ? html`<button class="${state.organizations.length === 0 ? 'primary' : 'secondary'}" part="${state.organizations.length === 0 ? 'submit-button' : 'secondary-button'} create-button" type="button" ?disabled=${busy} @click=${() => view.startCreate()}>
              ${m['chooseOrganization.create']}
            </button>`
          : null
      }
      <button class="link" part="link-button" type="button" ?disabled=${busy} @click=${() => view.reset()}>${m['chooseOrganization.startOver']}</button>
    </div>
  `;
}

function organizationButton(
  discovered: DiscoveredOrganization,
  busyId: string | null,
  view: LoginView,
): TemplateResult {
  const { organization, membership } = discovered;
  const busy = busyId === organization.organization_id;
  const hintKey = `membership.${membership.type}` as OrgAuthMessageKey;
  const hint = view.messages[hintKey] ?? '';
  return html`<li>
    <button
      class="org-button"
      part="org-button"
      type="button"
      data-organization-id=${organization.organization_id}
      aria-busy=${busy ? 'true' : 'false'}
      ?disabled=${busyId !== null}
      @click=${() => view.chooseOrganization(organization.organization_id)}
    >
      <span class="org-name" part="org-name">${organization.organization_name}</span>
      <span class="org-hint" part="org-hint">${organization.organization_slug}${hint ? ` · ${hint}` : ''}</span>
      ${busy ? spinner() : null}
    </button>
  </li>`;
}
