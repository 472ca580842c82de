import { OrgAuthError } from '../errors.js';
import type { OrganizationBySlug } from '../protocol/sso-types.js';
import type { LoginConfig, LoginProduct, OAuthProviderConfig } from './login-config.js';
import type { EmailActionContext } from './login-email.js';
import type { CreateLoginOptions, LoginController } from './login-types.js';

/**
 * The provider buttons a login shows, as normalized configs in the configured order: none unless
 * `products` has `oauth`; in discovery (`organization` null) every configured provider; on an
 * organization's page only those it allows (`auth_methods: 'RESTRICTED'` lists them in
 * `allowed_auth_methods` as `google_oauth`, …).
 * @example
 * oauthProvidersFor({ products: ['oauth'], oauthOptions: { providers: ['google'] } }, null)
 * // → [{ type: 'google' }]
 */
export function oauthProvidersFor(
  config: Pick<LoginConfig, 'products' | 'oauthOptions'>,
  organization: Pick<OrganizationBySlug, 'auth_methods' | 'allowed_auth_methods'> | null,
): OAuthProviderConfig[] {
  if (!config.products?.includes('oauth')) return [];
  return (config.oauthOptions?.providers ?? [])
    .map((provider) => (typeof provider === 'string' ? { type: provider } : provider))
    .filter(
      ({ type }) =>
        organization?.auth_methods !== 'RESTRICTED' ||
        (organization.allowed_auth_methods ?? []).includes(`${type}_oauth`),
    );
}

/** What the OAuth action uses of the controller (login-controller.ts). */
export type OAuthActionContext = Pick<EmailActionContext, 'client' | 'state' | 'dispatch' | 'attempt'> & {
  config: LoginConfig & { products: readonly LoginProduct[] } & Pick<CreateLoginOptions, 'beforeNavigate'>;
};

/**
 * "Continue with <provider>": on an organization's page a start that signs in to it, in discovery
 * one that leads to the organization chooser. The button's scopes and parameters, and the
 * configuration's redirect URLs, travel under the protocol's names.
 */
export function createOAuthActions({
  client,
  config,
  state,
  dispatch,
  attempt,
}: OAuthActionContext): Pick<LoginController, 'startOAuth'> {
  return {
    async startOAuth(type) {
      if (!dispatch({ type: 'OAUTH_STARTED' })) return;
      const { flow } = state();
      const organization = flow?.organization;
      const options = config.oauthOptions;
      await attempt(async () => {
        // Refused before any request: a provider the login does not show, or (an organization's page
        // whose organization failed to load) no organization to sign in to. Words by code, terse
        // message (the size budget).
        const provider =
          flow && !organization ? null : oauthProvidersFor(config, organization ?? null).find((p) => p.type === type);
        if (!provider) throw new OrgAuthError('invalid_usage', type);
        const common = {
          custom_scopes: provider.customScopes,
          provider_params: provider.providerParams,
          beforeNavigate: (url: string) => {
            const navigate = config.beforeNavigate?.(url) !== false;
            // Leaving is certain only now; when the page routes itself, it gets its screen back.
            dispatch(navigate ? { type: 'OAUTH_REDIRECTING', provider: type } : { type: 'OAUTH_CANCELED' });
            return navigate;
          },
        };
        await (organization
          ? client.oauth[type].start({
              ...common,
              organization_id: organization.organization_id,
              login_redirect_url: options?.loginRedirectURL,
              signup_redirect_url: options?.signupRedirectURL,
            })
          : client.oauth[type].discovery.start({ ...common, discovery_redirect_url: options?.discoveryRedirectURL }));
      });
    },
  };
}
