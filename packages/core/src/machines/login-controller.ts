import { createStore } from 'zustand/vanilla';
import { isOrgAuthError, OrgAuthApiError, OrgAuthError } from '../errors.js';
import type { ApiErrorType } from '../protocol/errors.js';
import type { B2BAuthenticateMfaResponse } from '../protocol/mfa-types.js';
import type { Member, Organization } from '../protocol/types.js';
import type { AuthState } from '../state/auth-state.js';
import { DEFAULT_LOGIN_PRODUCTS } from './login-config.js';
import { createDiscoveryActions } from './login-discovery.js';
import { createEmailActions } from './login-email.js';
import { lazyFlow } from '../flows/lazy.js';
import type { FactorActions } from './login-factors.js';
import { initialLoginState, loginReducer } from './login-machine.js';
import { createOAuthActions } from './login-oauth.js';
import { createSsoActions } from './login-sso.js';
import type { LoginEvent, LoginState } from './login-state.js';
import type { LoginClient, LoginController, LoginControllerOptions } from './login-types.js';

/** The methods of `FactorActions` (login-factors.ts), for their stand-ins; login-mfa.test.ts checks the list. */
export const FACTOR_ACTIONS =
  'submitPassword forgotPassword resendPasswordReset checkPasswordStrength submitNewPassword chooseMfaMethod submitMfaCode sendSms mfaRequired';
const EMAIL_RE = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const asError = (error: unknown): OrgAuthError =>
  isOrgAuthError(error) ? error : new OrgAuthError('network_error', String(error), { cause: error });

/**
 * Binds the login machine to a client: actions run the requests and dispatch events; every piece of
 * login state is the reducer's. The controller follows the client's store while someone subscribes
 * (and on every `getState`), so forgotten controllers do not leak listeners.
 */
export function createLoginController(client: LoginClient, options: LoginControllerOptions = {}): LoginController {
  const slug = options.organizationSlug?.trim() ?? '';
  const config = {
    ...options,
    products: options.products ?? DEFAULT_LOGIN_PRODUCTS,
    authFlowType: options.authFlowType ?? (slug ? 'Organization' : 'Discovery'),
  } as const;
  const session_duration_minutes = config.sessionOptions?.sessionDurationMinutes;
  const first =
    config.authFlowType === 'Organization'
      ? loginReducer(initialLoginState, { type: 'ORGANIZATION_REQUESTED', slug })
      : initialLoginState;
  const auth = client.store.getState();
  const machine = createStore<LoginState>()(() =>
    auth.status === 'signed-in'
      ? loginReducer(first, { type: 'SIGNED_IN', member: auth.member, organization: auth.organization })
      : first,
  );
  const state = machine.getState;
  /** Applies an event; false when the reducer refused it (wrong step, or busy), so no request follows. */
  const dispatch = (event: LoginEvent): boolean => {
    const before = state();
    machine.setState(loginReducer(before, event), true);
    return state() !== before;
  };
  const fail = (error: unknown) => dispatch({ type: 'FAILED', error: asError(error) });
  // Checked here so no request is spent, and failed as the error the server answers for it, so every
  // UI words it from its table of error types (the SDK's own messages stay terse: the size budget).
  const refuse = (errorType: ApiErrorType, value: string) => {
    fail(new OrgAuthApiError(errorType, 400, undefined, value));
    return false;
  };
  const valid = (email: string) => EMAIL_RE.test(email) || refuse('invalid_email', email);

  // An organization page without its organization yet (the first screen, or back to a page that
  // failed to load): fetch it.
  const settle = async () => {
    const page = state();
    if (page.step !== 'organization-login' || !page.busy || page.flow.organization) return;
    const { slug: wanted } = page.flow;
    try {
      // `authFlowType: 'Organization'` without a slug names no organization: no request to make.
      const { organization } = wanted ? await client.organization.getBySlug({ organization_slug: wanted }) : {};
      // getBySlug answers null, not an error; say it as the error the words table knows.
      if (!organization) throw new OrgAuthApiError('organization_not_found', 404, undefined, wanted);
      dispatch({ type: 'ORGANIZATION_LOADED', slug: wanted, organization });
    } catch (error) {
      // A failure for a slug the page has since left is stale.
      if (state().flow?.slug === wanted) fail(error);
    }
  };
  const go = async (event: LoginEvent) => {
    if (dispatch(event)) await settle();
  };
  const signedIn = ({ member, organization }: { member: Member; organization: Organization }) =>
    dispatch({ type: 'SIGNED_IN', member, organization });

  // Mirrors sign-in (from cache, another tab) and sign-out of the client into the machine; the
  // reducer ignores what it already shows, so following twice is harmless.
  const follow = (auth: AuthState) => {
    if (auth.status === 'signed-in') signedIn(auth);
    else if (auth.status === 'signed-out') void go({ type: 'SIGNED_OUT' });
  };

  // Runs one request; any failure lands on the current step instead of escaping to the caller.
  const attempt = async (work: () => Promise<unknown>) => {
    try {
      await work();
    } catch (error) {
      fail(error);
    }
  };
  // A primary or second factor's answer: signed in, or (`mfa_required`) the second factor's first
  // step; another primary factor owed (`primary_required`) leaves the step as it is.
  const authenticated = async (response: B2BAuthenticateMfaResponse) => {
    if (response.member_session) return void signedIn(response);
    if (response.mfa_required) await factors.mfaRequired(response);
  };
  const enter = (work: () => Promise<B2BAuthenticateMfaResponse>) => attempt(async () => authenticated(await work()));
  // A proven email's organizations: the chooser, unless the configuration enters or creates one at once.
  const { discovered, ...discovery } = createDiscoveryActions({ client, config, dispatch, enter, refuse });
  const begin = async (href?: string) => {
    const parsed = client.parseAuthenticateUrl(href);
    if (parsed) dispatch({ type: 'REDIRECT_STARTED' });
    try {
      // Without a token the URL may still carry `stytch_error` (SSO failed): authenticateByUrl rejects with it.
      const result = await client.authenticateByUrl({ href, session_duration_minutes });
      if (!result) return await settle();
      // A password reset link: the reset screen, which spends the token with the new password.
      if (
        !result.handled &&
        (result.redirectType === 'reset_password' || result.tokenType === 'multi_tenant_passwords')
      )
        return void dispatch({ type: 'RESET_OPENED', token: result.token, tokenType: result.tokenType });
      // Terse like every SDK message (the size budget): UIs word errors by code, not by message.
      if (!result.handled) throw new OrgAuthError('redirect_error', result.tokenType);
      // SSO, OAuth and organization links (login, signup, invite) sign in; discovery tokens lead to the chooser.
      const { data } = result;
      if (!('discovered_organizations' in data)) return await authenticated(data);
      await discovered(data.email_address, data.discovered_organizations);
    } catch (error) {
      // No form to show it on: the attempt is over (the error step).
      if (!parsed) dispatch({ type: 'REDIRECT_STARTED' });
      fail(error);
    }
  };
  // Passwords and second factors: loaded on their first use (flows/lazy.ts says why).
  const factors = lazyFlow<FactorActions>(
    () =>
      import('./login-factors.js').then((m) =>
        m.createFactorActions({ client, config, state, dispatch, attempt, valid, discovered, authenticated }),
      ),
    FACTOR_ACTIONS,
  );
  const { mfaRequired: _, ...factorActions } = factors;
  let started: Promise<void> | undefined;
  const controller: LoginController = {
    config,
    getState() {
      follow(client.store.getState());
      return state();
    },
    subscribe(listener) {
      // Follows the client only while subscribed, so a forgotten controller leaks no listener.
      follow(client.store.getState());
      const unfollow = client.store.subscribe(follow);
      const off = machine.subscribe(listener);
      return () => {
        off();
        unfollow();
      };
    },
    // Once per login, whoever calls: a React effect runs twice in StrictMode, and a token is spent once.
    start: (href) => (started ??= begin(href)),
    ...createEmailActions({ client, config, state, dispatch, attempt, valid, discovered, authenticated }),
    ...createOAuthActions({ client, config, state, dispatch, attempt }),
    ...createSsoActions({ client, config, state, dispatch, attempt, valid }),
    ...factorActions,
    ...discovery,
    openPassword: (email = '') =>
      void (config.products.includes('passwords') && dispatch({ type: 'PASSWORD_OPENED', email })),
    openMfaChoice: () => void dispatch({ type: 'MFA_CHOOSE_OPENED' }),
    openRecoveryCode: () => void dispatch({ type: 'RECOVERY_CODE_OPENED' }),
    saveRecoveryCodes: () => void dispatch({ type: 'RECOVERY_CODES_SAVED' }),
    back: () => go({ type: 'BACK' }),
    reset() {
      options.forgetIntermediateSession?.();
      return go({ type: 'RESET' });
    },
    loadOrganization: (wanted) => go({ type: 'ORGANIZATION_REQUESTED', slug: wanted }),
    openEmail: () => void dispatch({ type: 'EMAIL_OPENED' }),
  };
  return controller;
}
