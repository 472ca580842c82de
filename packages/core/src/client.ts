import { createStore } from 'zustand/vanilla';
import { createAuthenticateByUrl } from './authenticate-by-url.js';
import { createBootstrap } from './bootstrap.js';
import type { B2BClient, B2BClientOptions } from './client-types.js';
import { OrgAuthError } from './errors.js';
import type { FlowDeps } from './flows/deps.js';
import { createDiscoveryFlow } from './flows/discovery.js';
import { createMagicLinksFlow } from './flows/magic-links.js';
import { createMembersFlow } from './flows/members.js';
import { createOAuthFlow } from './flows/oauth.js';
import { createOrganizationFlow } from './flows/organization.js';
import { createOtpsFlow } from './flows/otps.js';
import { createRbacFlow } from './flows/rbac.js';
import { createSelfFlow } from './flows/self.js';
import { createSessionsFlow } from './flows/sessions.js';
import { createSsoFlow } from './flows/sso.js';
import { createLoginController } from './machines/login-controller.js';
import { createPkceStore } from './pkce.js';
import { browserPlatform } from './platform/browser.js';
import { SESSION_DURATION_MINUTES } from './protocol/constants.js';
import { parseAuthenticateUrl } from './redirect.js';
import { createSessionCookies } from './session/cookies.js';
import { createSessionRefresher } from './session/refresh.js';
import { createSessionManager } from './session/session-manager.js';
import { initialAuthState, parseCachedState, stateKey } from './session/state-cache.js';
import type { AuthState } from './state/auth-state.js';
import { createHttpTransport } from './transport/http.js';

function assertOptions({ publicToken, baseUrl, sessionDurationMinutes: minutes }: B2BClientOptions): void {
  const { min, max } = SESSION_DURATION_MINUTES;
  const problem = !publicToken
    ? '`publicToken` is required'
    : !URL.canParse(baseUrl)
      ? '`baseUrl` must be an absolute URL'
      : minutes !== undefined && !(Number.isInteger(minutes) && minutes >= min && minutes <= max)
        ? `\`sessionDurationMinutes\` must be an integer from ${min} to ${max}`
        : null;
  if (problem) throw new OrgAuthError('invalid_usage', `createB2BClient: ${problem}.`);
}

/**
 * Creates the headless client: platform → transport → store → session manager → flows. A session
 * cookie with a cached state starts it signed-in (`fromCache: true`) and revalidates in the background.
 * @throws {OrgAuthError} `invalid_usage` for a missing public token or a bad base URL.
 * @example
 * const client = createB2BClient({ publicToken: 'public-token-test-…', baseUrl: 'https://auth.example.com' });
 * client.store.subscribe((state) => console.log(state.status));
 */
export function createB2BClient(options: B2BClientOptions): B2BClient {
  assertOptions(options);
  const { publicToken } = options;
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const platform = options.platform ?? browserPlatform();
  const cookies = createSessionCookies(platform, options.cookieOptions);
  const key = stateKey(publicToken);
  const cached = parseCachedState(platform.storage.get(key), platform.now());
  const hasSessionCookie = cookies.sessionToken() !== undefined;
  // A cache without its cookie describes a session that ended elsewhere: forget it.
  if (!hasSessionCookie && platform.storage.get(key) !== null) platform.storage.remove(key);
  const store = createStore<AuthState>()(() => initialAuthState(cached, hasSessionCookie));

  const session = createSessionManager({ platform, store, cookies, stateKey: key });
  const http = createHttpTransport({
    baseUrl,
    publicToken,
    platform,
    getSessionToken: session.getSessionToken,
    getTelemetryIds: () => {
      const state = store.getState();
      return state.status === 'signed-in'
        ? { member_id: state.member.member_id, member_session_id: state.session.member_session_id }
        : {};
    },
    onApiError: session.handleApiError,
  });
  const deps: FlowDeps = {
    http,
    session,
    store,
    pkce: createPkceStore(platform, publicToken),
    platform,
    baseUrl,
    publicToken,
    sessionDurationMinutes: options.sessionDurationMinutes ?? SESSION_DURATION_MINUTES.default,
    redirectUrls: options.redirectUrls ?? {},
    bootstrap: createBootstrap(http, publicToken),
  };
  const magicLinks = createMagicLinksFlow(deps);
  const discovery = createDiscoveryFlow(deps);
  const sessions = createSessionsFlow(deps);
  const sso = createSsoFlow(deps);
  const oauth = createOAuthFlow(deps);
  const refresher = createSessionRefresher({ platform, store, authenticate: () => sessions.authenticate() });

  const client: B2BClient = {
    publicToken,
    baseUrl,
    store,
    bootstrap: deps.bootstrap,
    magicLinks,
    otps: createOtpsFlow(deps),
    discovery,
    session: sessions,
    sso,
    oauth,
    organization: { ...createOrganizationFlow(deps), members: createMembersFlow(deps) },
    self: createSelfFlow(deps),
    rbac: createRbacFlow(deps),
    parseAuthenticateUrl: (href) => parseAuthenticateUrl(href ?? platform.location.href()),
    authenticateByUrl: createAuthenticateByUrl(platform, magicLinks, sso, oauth),
    createLogin: (login) =>
      createLoginController(client, { ...login, forgetIntermediateSession: deps.session.clearIntermediate }),
    destroy() {
      refresher.stop();
      deps.session.destroy();
    },
  };
  refresher.start();
  return client;
}
