import { createStore } from 'zustand/vanilla';
import type { B2BClient, LoginController } from '../client-types.js';
import { isOrgAuthError, OrgAuthError } from '../errors.js';
import type { DiscoveredOrganization, Member, Organization } from '../protocol/types.js';
import { validateSlug } from '../slug.js';
import type { AuthState } from '../state/auth-state.js';
import { initialLoginState, loginReducer } from './login-machine.js';
import type { LoginEvent, LoginState } from './login-state.js';

/** Extra wiring the client passes in; a controller built over any `B2BClient` works without it. */
export interface LoginControllerOptions {
  /** Drops the intermediate session when the person starts over. */
  forgetIntermediateSession?: () => void;
}

const EMAIL_RE = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

const asError = (error: unknown): OrgAuthError =>
  isOrgAuthError(error) ? error : new OrgAuthError('network_error', error instanceof Error ? error.message : String(error), { cause: error });

/**
 * Binds the login machine to a client: actions run the requests and dispatch events. Actions never
 * throw; failures are kept on the step as `error`. The controller follows the client's store only
 * while someone subscribes (and on every `getState`), so forgotten controllers do not leak listeners.
 */
export function createLoginController(client: B2BClient, options: LoginControllerOptions = {}): LoginController {
  const startState = (auth: AuthState): LoginState =>
    auth.status === 'signed-in' ? loginReducer(initialLoginState, { type: 'SIGNED_IN', member: auth.member, organization: auth.organization }) : initialLoginState;
  const machine = createStore<LoginState>()(() => startState(client.store.getState()));
  const dispatch = (event: LoginEvent) => machine.setState(loginReducer(machine.getState(), event), true);
  let lastDiscovered: { email: string; organizations: DiscoveredOrganization[] } | null = null;
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
      dispatch({ type: 'SIGNED_OUT' });
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

  return {
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
      if (!EMAIL_RE.test(email)) {
        return dispatch({ type: 'FAILED', error: new OrgAuthError('invalid_usage', 'Enter a valid email address, like name@company.com.') });
      }
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
      dispatch({ type: 'BACK' });
    },
    async handleRedirect(href) {
      const parsed = client.parseAuthenticateUrl(href);
      if (!parsed) return false;
      dispatch({ type: 'REDIRECT_STARTED' });
      if (!parsed.handled) {
        dispatch({ type: 'FAILED', error: new OrgAuthError('redirect_error', `This sign-in link (${parsed.tokenType}) cannot be used here.`) });
        return true;
      }
      await attempt(async () => {
        const result = await client.authenticateByUrl(href === undefined ? {} : { href });
        if (!result?.handled) throw new OrgAuthError('redirect_error', 'This sign-in link has no token.');
        discovered(result.data.email_address, result.data.discovered_organizations);
      });
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
      dispatch({ type: 'RESET' });
    },
  };
}
