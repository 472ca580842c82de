import { createAuthenticateByUrl } from './authenticate-by-url.js';
import type { B2BClient, B2BClientOptions } from './client-types.js';
import { composeClient } from './compose.js';
import type { FlowDeps } from './flows/deps.js';
import { createDiscoveryFlow } from './flows/discovery.js';
import { createMagicLinksFlow } from './flows/magic-links.js';
import { createMembersFlow } from './flows/members.js';
import { createOAuthFlow } from './flows/oauth.js';
import { createOrganizationFlow } from './flows/organization.js';
import { createOtpsFlow } from './flows/otps.js';
import { createRbacFlow } from './flows/rbac.js';
import { createSelfFlow } from './flows/self.js';
import { createSsoFlow } from './flows/sso.js';
import { lazyFlow } from './flows/lazy.js';
import type { OtpsSmsFlow } from './flows/otps-sms.js';
import type { PasswordsFlow } from './flows/passwords.js';
import type { RecoveryCodesFlow } from './flows/recovery-codes.js';
import type { TotpFlow } from './flows/totp.js';
import { createLoginController } from './machines/login-controller.js';
import { parseAuthenticateUrl } from './redirect.js';

/**
 * The organization flow with its `members` (`client.organization.members`), as `createB2BClient`
 * builds it; pass it to `createClient` for the same shape.
 */
export const createOrganizationWithMembersFlow = (deps: FlowDeps) => ({
  ...createOrganizationFlow(deps),
  members: createMembersFlow(deps),
});

// Passwords and second factors load on their first call (flows/lazy.ts): a login with neither never
// downloads them. The method lists are checked against the flows by flows/lazy.test.ts.
const lazyPasswords = (deps: FlowDeps) =>
  lazyFlow<PasswordsFlow>(
    () => import('./flows/passwords.js').then((m) => m.createPasswordsFlow(deps)),
    'authenticate strengthCheck resetByEmailStart resetByEmail resetByExistingPassword resetBySession discovery.authenticate discovery.resetByEmailStart discovery.resetByEmail',
  );
const lazyTotp = (deps: FlowDeps) =>
  lazyFlow<TotpFlow>(() => import('./flows/totp.js').then((m) => m.createTotpFlow(deps)), 'create authenticate');
const lazyRecoveryCodes = (deps: FlowDeps) =>
  lazyFlow<RecoveryCodesFlow>(
    () => import('./flows/recovery-codes.js').then((m) => m.createRecoveryCodesFlow(deps)),
    'get recover rotate',
  );
/** `client.otps`: email codes, and SMS codes (`otps.sms`) loaded on their first call. */
const otpsWithSms = (deps: FlowDeps) => ({
  ...createOtpsFlow(deps),
  sms: lazyFlow<OtpsSmsFlow>(
    () => import('./flows/otps-sms.js').then((m) => m.createOtpsSmsFlow(deps)),
    'send authenticate',
  ),
});

/**
 * Creates the headless client with every flow (`createClient` in compose.ts with all the flow
 * factories), plus `authenticateByUrl` and `createLogin`, which use the sign-in flows. A session
 * cookie with a cached state starts it signed-in (`fromCache: true`) and revalidates in the background.
 * @throws {OrgAuthError} `invalid_usage` for a missing public token or a bad base URL.
 * @example
 * const client = createB2BClient({ publicToken: 'public-token-test-…', baseUrl: 'https://auth.example.com' });
 * client.store.subscribe((state) => console.log(state.status));
 */
export function createB2BClient(options: B2BClientOptions): B2BClient {
  const { client: composed, deps } = composeClient('createB2BClient', options, {
    magicLinks: createMagicLinksFlow,
    otps: otpsWithSms,
    passwords: lazyPasswords,
    totp: lazyTotp,
    recoveryCodes: lazyRecoveryCodes,
    discovery: createDiscoveryFlow,
    sso: createSsoFlow,
    oauth: createOAuthFlow,
    organization: createOrganizationWithMembersFlow,
    self: createSelfFlow,
    rbac: createRbacFlow,
  });
  const client: B2BClient = Object.assign(composed, {
    parseAuthenticateUrl: (href?: string) => parseAuthenticateUrl(href ?? deps.platform.location.href()),
    authenticateByUrl: createAuthenticateByUrl(deps.platform, composed.magicLinks, composed.sso, composed.oauth),
    createLogin: (login?: Parameters<B2BClient['createLogin']>[0]) =>
      createLoginController(client, { ...login, forgetIntermediateSession: deps.session.clearIntermediate }),
  });
  return client;
}
