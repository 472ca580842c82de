import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AuthenticateByUrl } from '../authenticate-by-url.js';
import { isOrgAuthError, OrgAuthApiError, OrgAuthError } from '../errors.js';
import type { DiscoveryFlow } from '../flows/discovery.js';
import type { MagicLinksFlow } from '../flows/magic-links.js';
import type { OrganizationFlow } from '../flows/organization.js';
import type { SsoFlow } from '../flows/sso.js';
import type { OrganizationBySlug } from '../protocol/sso-types.js';
import type { DiscoveredOrganization, Member, Organization } from '../protocol/types.js';
import type { ParsedAuthenticateUrl } from '../redirect.js';
import { validateSlug } from '../slug.js';
import type { AuthState } from '../state/auth-state.js';
import { initialLoginState, loginReducer } from './login-machine.js';
import type { LoginEvent, LoginState } from './login-state.js';

/** What the controller uses of a client; a `B2BClient` has all of it. */
export interface LoginClient {
  readonly store: StoreApi<AuthState>;
  magicLinks: MagicLinksFlow;
  discovery: DiscoveryFlow;
  sso: SsoFlow;
  organization: OrganizationFlow;
  parseAuthenticateUrl(href?: string): ParsedAuthenticateUrl;
  authenticateByUrl: AuthenticateByUrl;
}

/** Options of `client.createLogin`. */
export interface CreateLoginOptions {
  /** Called with the URL before an SSO start leaves the page; return false to navigate yourself. */
  beforeNavigate?: (url: string) => boolean;
}

/** Extra wiring the client passes in; a controller built over any client works without it. */
export interface LoginControllerOptions extends CreateLoginOptions {
  /** Drops the intermediate session when the person starts over. */
  forgetIntermediateSession?: () => void;
}

/** The headless login machine bound to a client: state + actions that run the requests. */
export interface LoginController {
  getState(): LoginState;
  subscribe(listener: (state: LoginState, previous: LoginState) => void): () => void;
  /** Sends the discovery magic link. */
  submitEmail(email: string): Promise<void>;
  /** Sends the same link again from the "Check your email" step. */
  resend(): Promise<void>;
  /**
   * Goes one step back (email-sent → email, create-organization → choose-organization, sso-email →
   * email; on an organization's page, email and sso-email → organization-login).
   */
  back(): void;
  /** Authenticates a redirect URL if it carries a token; resolves false when it has none. */
  handleRedirect(href?: string): Promise<boolean>;
  /** Exchanges the intermediate session for a session in this organization. */
  chooseOrganization(organizationId: string): Promise<void>;
  /** Shows the create-organization form. */
  startCreate(): void;
  /** Creates an organization and signs in to it. */
  createOrganization(options: { organization_name: string; organization_slug: string }): Promise<void>;
  /** Back to the first step (the organization's page when one was loaded), forgetting the intermediate session. */
  reset(): void;
  /** Shows the login page of the organization with this slug (its SSO buttons); an unknown slug is an error on it. */
  loadOrganization(slug: string): Promise<void>;
  /** "Continue with email" on an organization's page: the discovery email step (`back()` returns). */
  openEmail(): void;
  /** "Continue with SSO": the step that finds the SSO connection by email domain. */
  openSsoEmail(): void;
  /** Finds the SSO connections for the email's domain: one is started, several are offered, none is an error. */
  submitSsoEmail(email: string): Promise<void>;
  /** Leaves for the identity provider of this connection (after the `beforeNavigate` hook). */
  startSso(connectionId: string): Promise<void>;
}

const EMAIL_RE = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

const asError = (error: unknown): OrgAuthError =>
  isOrgAuthError(error) ? error : new OrgAuthError('network_error', error instanceof Error ? error.message : String(error), { cause: error });

/**
 * Binds the login machine to a client: actions run the requests and dispatch events. Actions never
 * throw; failures are kept on the step as `error`. The controller follows the client's store only
 * while someone subscribes (and on every `getState`), so forgotten controllers do not leak listeners.
 */
export function createLoginController(client: LoginClient, options: LoginControllerOptions = {}): LoginController {
  const startState = (auth: AuthState): LoginState =>
    auth.status === 'signed-in' ? loginReducer(initialLoginState, { type: 'SIGNED_IN', member: auth.member, organization: auth.organization }) : initialLoginState;
  const machine = createStore<LoginState>()(() => startState(client.store.getState()));
  const dispatch = (event: LoginEvent) => machine.setState(loginReducer(machine.getState(), event), true);
  let lastDiscovered: { email: string; organizations: DiscoveredOrganization[] } | null = null;
  // The organization flow: its slug (from loadOrganization) and, once fetched, its page to return to.
  let slug: string | null = null;
  let organization: OrganizationBySlug | null = null;
  const signedIn = (member: Member, organization: Organization) => {
    const state = machine.getState();
    if (state.step !== 'signed-in' || state.member !== member || state.organization !== organization) {
      dispatch({ type: 'SIGNED_IN', member, organization });
    }
  };

  // Mirror sign-in (e.g. from cache, another tab) and sign-out of the client into the machine.
  const follow = (auth: AuthState, previous?: AuthState) => {
    if (auth.status === 'signed-in') signedIn(auth.member, auth.organization);
    else if (auth.status === 'signed-out' && machine.getState().step === 'signed-in' && previous?.status !== 'signed-out') {
      if (slug) void controller.loadOrganization(slug);
      else dispatch({ type: 'SIGNED_OUT' });
    }
  };
  let listeners = 0;
  let unfollow: (() => void) | null = null;

  const discovered = (email: string, organizations: DiscoveredOrganization[]) => {
    lastDiscovered = { email, organizations };
    dispatch({ type: 'DISCOVERED', email, organizations });
  };

  // Runs one request; any failure lands on the current step instead of escaping to the caller.
  const attempt = async (work: () => Promise<unknown>) => {
    try {
      await work();
    } catch (error) {
      dispatch({ type: 'FAILED', error: asError(error) });
    }
  };
  const send = (email: string) =>
    attempt(async () => {
      await client.magicLinks.email.discovery.send({ email_address: email });
      dispatch({ type: 'EMAIL_SENT', email });
    });

  const emailProblem = (email: string) =>
    EMAIL_RE.test(email) ? null : new OrgAuthError('invalid_usage', 'Enter a valid email address, like name@company.com.');

  const controller: LoginController = {
    getState() {
      if (!unfollow) follow(client.store.getState(), { status: 'initializing' });
      return machine.getState();
    },
    subscribe(listener) {
      if (listeners++ === 0) {
        follow(client.store.getState(), { status: 'initializing' });
        unfollow = client.store.subscribe(follow);
      }
      const off = machine.subscribe(listener);
      return () => {
        off();
        if (--listeners === 0) {
          unfollow?.();
          unfollow = null;
        }
      };
    },
    async submitEmail(input) {
      const state = machine.getState();
      if (state.step !== 'email' || state.busy) return;
      const email = input.trim();
      dispatch({ type: 'EMAIL_SUBMITTED', email });
      const problem = emailProblem(email);
      if (problem) return dispatch({ type: 'FAILED', error: problem });
      await send(email);
    },
    async resend() {
      const state = machine.getState();
      if (state.step !== 'email-sent' || state.busy) return;
      dispatch({ type: 'RESEND' });
      await send(state.email);
    },
    back() {
      const state = machine.getState();
      if (state.step === 'create-organization' && state.canGoBack && lastDiscovered) {
        return discovered(lastDiscovered.email, lastDiscovered.organizations);
      }
      if (organization && (state.step === 'email' || state.step === 'sso-email')) return dispatch({ type: 'ORGANIZATION_LOADED', organization });
      dispatch({ type: 'BACK' });
    },
    async handleRedirect(href) {
      const parsed = client.parseAuthenticateUrl(href);
      if (parsed) dispatch({ type: 'REDIRECT_STARTED' });
      try {
        // Terse like every SDK message (the 8 KB budget): UIs word errors by code, not by message.
        if (parsed && !parsed.handled) throw new OrgAuthError('redirect_error', parsed.tokenType);
        // Without a token the URL may still carry `stytch_error` (SSO failed): authenticateByUrl rejects with it.
        const result = await client.authenticateByUrl(href === undefined ? {} : { href });
        if (!result?.handled) return false;
        if (result.tokenType === 'discovery') discovered(result.data.email_address, result.data.discovered_organizations);
        else if (result.data.member_session) signedIn(result.data.member, result.data.organization);
      } catch (error) {
        // No form to show it on: the attempt is over (the error step).
        if (!parsed) dispatch({ type: 'REDIRECT_STARTED' });
        dispatch({ type: 'FAILED', error: asError(error) });
      }
      return true;
    },
    async chooseOrganization(organizationId) {
      const state = machine.getState();
      if (state.step !== 'choose-organization' || state.busyOrganizationId) return;
      dispatch({ type: 'ORGANIZATION_CHOSEN', organizationId });
      await attempt(async () => {
        const response = await client.discovery.intermediateSessions.exchange({ organization_id: organizationId });
        if (response.member_session) signedIn(response.member, response.organization);
      });
    },
    startCreate: () => dispatch({ type: 'CREATE_STARTED' }),
    async createOrganization({ organization_name, organization_slug }) {
      const state = machine.getState();
      if (state.step !== 'create-organization' || state.busy) return;
      dispatch({ type: 'CREATE_SUBMITTED' });
      const name = organization_name.trim();
      const slugError = validateSlug(organization_slug);
      if (!name || slugError) {
        const message = name ? `The URL slug is not valid (${slugError}).` : 'Enter a name for the organization.';
        return dispatch({ type: 'FAILED', error: new OrgAuthError('invalid_usage', message) });
      }
      await attempt(async () => {
        const response = await client.discovery.organizations.create({ organization_name: name, organization_slug });
        if (response.member_session) signedIn(response.member, response.organization);
      });
    },
    reset() {
      lastDiscovered = null;
      options.forgetIntermediateSession?.();
      dispatch(organization ? { type: 'ORGANIZATION_LOADED', organization } : { type: 'RESET' });
    },
    async loadOrganization(wanted) {
      slug = wanted;
      organization = null;
      dispatch({ type: 'ORGANIZATION_REQUESTED' });
      await attempt(async () => {
        const { organization: found } = await client.organization.getBySlug({ organization_slug: wanted });
        // A newer slug was asked for meanwhile: this answer is stale.
        if (slug !== wanted) return;
        // getBySlug answers null, not an error; say it as the error the words table knows.
        if (!found) throw new OrgAuthApiError('organization_not_found', 404, undefined, wanted);
        organization = found;
        dispatch({ type: 'ORGANIZATION_LOADED', organization: found });
      });
    },
    openSsoEmail: () => dispatch({ type: 'SSO_EMAIL_OPENED' }),
    openEmail: () => dispatch({ type: 'RESET' }),
    async submitSsoEmail(input) {
      const state = machine.getState();
      if (state.step !== 'sso-email' || state.busy) return;
      const email = input.trim();
      dispatch({ type: 'SSO_EMAIL_SUBMITTED', email });
      const problem = emailProblem(email);
      if (problem) return dispatch({ type: 'FAILED', error: problem });
      await attempt(async () => {
        const { connections } = await client.sso.discoverConnections(email);
        // Messages stay terse (the 8 KB budget): UIs word errors by `code` / `errorType`, not by message.
        if (!connections[0]) throw new OrgAuthError('no_sso_connection', email);
        if (connections.length > 1) return dispatch({ type: 'SSO_CONNECTIONS_FOUND', connections });
        await controller.startSso(connections[0].connection_id);
      });
    },
    async startSso(connectionId) {
      const before = machine.getState();
      if (before.step !== 'organization-login' && before.step !== 'sso-email') return;
      dispatch({ type: 'SSO_STARTED', connectionId });
      await attempt(() =>
        client.sso.start({
          connection_id: connectionId,
          beforeNavigate: (url) => {
            const go = options.beforeNavigate?.(url) !== false;
            // The page routes itself: give it back the screen it left, not a spinner forever.
            if (!go) machine.setState({ ...before, busy: false } as LoginState, true);
            return go;
          },
        }),
      );
    },
  };
  return controller;
}
