/** Shared set-up of the `<orgauth-login>` tests: test clients, replies and seeded states. */
import type { AuthState } from '@orgauth/core';
import {
  createTestClient,
  fixtureDiscoveredOrganization,
  fixtureDiscoveryResponse,
  fixtureMember,
  fixtureMemberSession,
  fixtureOrganization,
  type TestClient,
  type TestClientOptions,
} from '@orgauth/core/testing';
import type { B2BClient } from '@orgauth/core';
import { mount } from '../../internal/test-helpers.js';
import { OrgAuthLogin } from './login.js';

export const SEND = 'POST /b2b/magic_links/email/discovery/send';
export const DISCOVERY_AUTHENTICATE = 'POST /b2b/magic_links/discovery/authenticate';
export const EXCHANGE = 'POST /b2b/discovery/intermediate_sessions/exchange';
export const CREATE = 'POST /b2b/discovery/organizations/create';
export const REVOKE = 'POST /b2b/sessions/revoke';

/** The page a discovery magic link leads back to. */
export const REDIRECT_HREF = 'http://localhost:3000/login?stytch_token_type=discovery&token=discovery-token-test';

/** A test client; a thin alias so the tests read as prose. */
export function testClient(options: TestClientOptions = {}): TestClient {
  return createTestClient(options);
}

/** A discovery answer listing one organization per name (slug derived from the name). */
export function discoveryReply(names: string[]) {
  return fixtureDiscoveryResponse({
    discovered_organizations: names.map((name, i) =>
      fixtureDiscoveredOrganization({
        organization: fixtureOrganization({
          organization_id: `organization-test-00000000-0000-4000-8000-00000000000${i + 1}`,
          organization_name: name,
          organization_slug:
            name
              .toLowerCase()
              .replace(/[^a-z0-9]+/g, '-')
              .replace(/^-|-$/g, '') || `org-${i}`,
        }),
      }),
    ),
  });
}

/** A signed-in auth state for `ada@acme.test` in Acme Inc. */
export function signedInState(): AuthState {
  return {
    status: 'signed-in',
    member: fixtureMember(),
    organization: fixtureOrganization(),
    session: fixtureMemberSession(),
    fromCache: false,
  };
}

/** Mounts `<orgauth-login>` with the given client (or test client). */
export async function loginWith(client: B2BClient | TestClient): Promise<OrgAuthLogin> {
  const el = new OrgAuthLogin();
  el.client = 'client' in client && 'transport' in client ? client.client : (client as B2BClient);
  return mount(el);
}

/** A promise with its resolver, for replies that answer when the test says so. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
