import { OrgAuthApiError, OrgAuthError } from '../errors.js';
import type { ApiErrorType } from '../protocol/errors.js';
import type { OAuthProviderType } from '../protocol/oauth-types.js';
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
  organization: OAuthPolicy | null,
): OAuthProviderConfig[] {
  if (!config.products?.includes('oauth')) return [];
  return (config.oauthOptions?.providers ?? [])
    .map((provider) => (typeof provider === 'string' ? { type: provider } : provider))
    .filter(({ type }) => allows(organization, type));
}

/** What an organization's policy says about OAuth. */
type OAuthPolicy = Pick<OrganizationBySlug, 'auth_methods' | 'allowed_auth_methods'>;

/** Whether the organization (none in discovery) lets its members sign in with this provider. */
const allows = (organization: OAuthPolicy | null | undefined, type: OAuthProviderType) =>
  organization?.auth_methods !== 'RESTRICTED' || (organization.allowed_auth_methods ?? []).includes(`${type}_oauth`);

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
        // Refused before any request, words by code and a terse message (the size budget): a provider
        // the login does not offer, or an organization's page whose organization failed to load, is a
        // misuse; a provider the organization does not allow gets the server's answer to that start
        // (`oauth_not_allowed` in API_ERRORS, protocol/errors.ts), which every words table has.
        const provider = oauthProvidersFor(config, null).find((p) => p.type === type);
        if (!provider || (flow && !organization)) throw new OrgAuthError('invalid_usage', type);
        if (!allows(organization, type))
          throw new OrgAuthApiError('oauth_not_allowed' as ApiErrorType, 403, undefined, type);
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
