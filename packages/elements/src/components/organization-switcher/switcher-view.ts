import type { DiscoveredOrganization, Organization } from '@orgauth/core/protocol';
import { html, nothing, type TemplateResult } from 'lit';
import { errorMessage, format } from '../../i18n/format.js';
import type { OrgAuthAccountMessages } from '../../i18n/account-messages.js';
import { spinner } from '../../internal/spinner.js';

/** Where the organizations list stands. */
export type SwitcherList =
  | { status: 'idle' | 'loading'; organizations: readonly DiscoveredOrganization[] }
  | { status: 'ready'; organizations: readonly DiscoveredOrganization[] }
  | { status: 'error'; organizations: readonly DiscoveredOrganization[]; error: unknown };

/** What the switcher's panel shows; the element builds it on each render. */
export interface SwitcherView {
  messages: OrgAuthAccountMessages;
  current: Organization;
  open: boolean;
  list: SwitcherList;
  /** The organization being switched to, `sign-out` while signing out, or null. */
  busy: string | null;
  /** A failed switch or sign-out, in the alert region. */
  failure: unknown;
  canCreate: boolean;
  activate(item: HTMLElement): void;
}

/** Up to two initials of an organization's name, for the avatar when it has no logo. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0]!, words[1]!].map((w) => [...w][0]) : [...(words[0] ?? '?')].slice(0, 2);
  return letters.join('').toLocaleUpperCase();
}

/**
 * The logo, or the initials when there is none or it fails to load (a page's `img-src` may refuse the
 * logo's origin). Decorative: the organization's name is always written next to it.
 */
export function avatar(organization: Organization, broken: ReadonlySet<string>, onBroken: (url: string) => void) {
  const url = organization.organization_logo_url;
  const logo = url && !broken.has(url);
  return html`<span class="avatar" part="avatar" aria-hidden="true"
    >${logo ? html`<img part="logo" src=${url} alt="" @error=${() => onBroken(url)} />` : html`<span part="initials" data-initials=${initials(organization.organization_name)}></span>`}</span
  >`;
}

/** The organizations shown: the list, with the current one first (added when the list lacks it). */
export function shownOrganizations(view: SwitcherView): DiscoveredOrganization[] {
  const id = view.current.organization_id;
  const listed = view.list.organizations;
  const current = listed.find((d) => d.organization.organization_id === id) ?? {
    organization: view.current,
    membership: { type: 'active_member' as const, details: null, member: null },
    member_authenticated: true,
    primary_required: null,
    mfa_required: null,
  };
  return [current, ...listed.filter((d) => d.organization.organization_id !== id)];
}

/** One organization of the menu: a radio item, checked for the current one, its membership in words. */
function organizationItem(view: SwitcherView, found: DiscoveredOrganization, logo: ReturnType<typeof avatar>) {
  const { organization, membership } = found;
  const current = organization.organization_id === view.current.organization_id;
  const busy = view.busy === organization.organization_id;
  const hint = current ? view.messages['switcher.current'] : view.messages[`switcher.${membership.type}`];
  return html`<div role="menuitemradio" class="item" part="item organization-item" tabindex="-1"
    aria-checked=${current ? 'true' : 'false'} aria-disabled=${view.busy ? 'true' : 'false'}
    data-organization-id=${organization.organization_id} data-membership=${membership.type}
    @click=${(e: Event) => view.activate(e.currentTarget as HTMLElement)}>
    ${logo}<span class="label"><span class="name" part="item-name">${organization.organization_name}</span
    ><span class="hint" part="item-hint">${hint}</span></span>${busy ? spinner() : current ? html`<span class="check" aria-hidden="true"></span>` : nothing}</div>`;
}

/** A command of the menu ("Create organization", "Sign out", "Try again"). */
function command(view: SwitcherView, name: string, label: string, part: string) {
  const busy = name === 'sign-out' && view.busy === 'sign-out';
  return html`<div role="menuitem" class="item" part="item ${part}" tabindex="-1" data-command=${name}
    aria-disabled=${view.busy ? 'true' : 'false'} @click=${(e: Event) => view.activate(e.currentTarget as HTMLElement)}>
    <span class="label"><span class="name">${busy ? view.messages['switcher.signingOut'] : label}</span></span>${busy ? spinner() : nothing}</div>`;
}

/** What the status line says: loading, empty, or the switch in progress. */
function statusWords(view: SwitcherView, shown: readonly DiscoveredOrganization[]) {
  const switchingTo = shown.find((d) => d.organization.organization_id === view.busy);
  if (switchingTo)
    return format(view.messages['switcher.switching'], { organization: switchingTo.organization.organization_name });
  if (view.list.status === 'loading' || view.list.status === 'idle')
    return [spinner(), view.messages['switcher.loading']];
  if (view.list.status === 'ready' && shown.length === 1) return view.messages['switcher.empty'];
  return nothing;
}

/**
 * The panel: a status line (`role="status"`, announced), the alert region, and the `role="menu"`
 * with the organizations, then the commands after a separator.
 */
export function renderPanel(view: SwitcherView, logo: (o: Organization) => ReturnType<typeof avatar>): TemplateResult {
  const shown = shownOrganizations(view);
  const { messages, list } = view;
  const failure = view.failure ?? (list.status === 'error' ? list.error : null);
  return html`<div id="panel" class="panel" part="panel" ?hidden=${!view.open}>
    <p class="status" part="status" role="status">${view.open ? statusWords(view, shown) : nothing}</p>
    <div class="error" part="error" role="alert">${failure ? errorMessage(failure, messages) : nothing}</div>
    <div id="menu" class="menu" part="menu" role="menu" aria-label=${messages['switcher.menu']}>
      ${shown.map((found) => organizationItem(view, found, logo(found.organization)))}
      <div role="separator" class="separator" part="separator"></div>
      ${list.status === 'error' ? command(view, 'retry', messages['switcher.retry'], 'retry-item') : nothing}
      ${view.canCreate ? command(view, 'create', messages['switcher.create'], 'create-item') : nothing}
      ${command(view, 'sign-out', messages['switcher.signOut'], 'sign-out-item')}
    </div>
  </div>`;
}
