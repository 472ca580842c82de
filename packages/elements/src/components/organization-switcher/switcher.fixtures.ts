/** Shared set-up of the `<orgauth-organization-switcher>` tests: organizations, replies, mounting. */
import {
  createTestClient,
  fixtureAuthenticateResponse,
  fixtureBootstrapResponse,
  fixtureDiscoveredOrganization,
  fixtureDiscoveryResponse,
  fixtureMember,
  fixtureMemberSession,
  fixtureOrganization,
  type ScriptedReply,
  type TestClient,
} from '@orgauth/core/testing';
import type { DiscoveredOrganization } from '@orgauth/core/protocol';
import { mount } from '../../internal/test-helpers.js';
import { OrgAuthOrganizationSwitcher } from './organization-switcher.js';

export const LIST = 'POST /b2b/discovery/organizations';
export const EXCHANGE = 'POST /b2b/sessions/exchange';
export const REVOKE = 'POST /b2b/sessions/revoke';
export const BOOTSTRAP = 'GET /projects/bootstrap/public-token-test-00000000-0000-4000-8000-000000000000';

export const acme = fixtureOrganization();
const org = (n: number, name: string, slug: string) =>
  fixtureOrganization({
    organization_id: `organization-test-00000000-0000-4000-8000-00000000000${n}`,
    organization_name: name,
    organization_slug: slug,
  });
export const globex = org(2, 'Globex Corporation', 'globex');
export const initech = org(3, 'Initech', 'initech');
export const umbrella = org(4, 'Umbrella', 'umbrella');

/** Ada's organizations: her current one, another membership, an invitation, a domain she may join. */
export const DISCOVERED: DiscoveredOrganization[] = [
  fixtureDiscoveredOrganization({ organization: acme }),
  fixtureDiscoveredOrganization({ organization: umbrella }),
  fixtureDiscoveredOrganization({
    organization: globex,
    membership: {
      type: 'invited_member',
      details: null,
      member: fixtureMember({ organization_id: globex.organization_id }),
    },
  }),
  fixtureDiscoveredOrganization({
    organization: initech,
    membership: { type: 'eligible_to_join_by_email_domain', details: { domain: 'acme.test' }, member: null },
  }),
];

/** The list answer for `organizations`. */
export const listReply = (organizations = DISCOVERED) =>
  fixtureDiscoveryResponse({ discovered_organizations: organizations, intermediate_session_token: '' });

/** A client signed in to Acme whose server answers `replies` (the list of {@link DISCOVERED} by default). */
export function signedInClient(replies: Record<string, ScriptedReply> = {}, createAllowed = true): TestClient {
  return createTestClient({
    state: {
      status: 'signed-in',
      member: fixtureMember(),
      organization: acme,
      session: fixtureMemberSession(),
      fromCache: false,
    },
    replies: {
      [BOOTSTRAP]: fixtureBootstrapResponse({ create_organization_enabled: createAllowed }),
      [LIST]: listReply(),
      [EXCHANGE]: fixtureAuthenticateResponse({ organization: globex }),
      [REVOKE]: { request_id: 'r', status_code: 200 },
      ...replies,
    },
  });
}

/** Mounts a switcher on `client` and waits for its first render. */
export async function switcherWith(test: TestClient, parent?: ParentNode): Promise<OrgAuthOrganizationSwitcher> {
  const el = new OrgAuthOrganizationSwitcher();
  el.client = test.client;
  return mount(el, parent);
}

/** A key press on `target`, as the browser dispatches it (bubbling, composed, cancelable). */
export function press(target: Element, key: string, init: KeyboardEventInit = {}): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true, ...init });
  target.dispatchEvent(event);
  return event;
}
