import { ORGANIZATION_SLUG_PATTERN, type BootstrapResponse } from '@orgauth/core/protocol';
import { type AppDeps, assertOriginAllowed, defineRoutes, type FeatureRoutes, sdkOk } from '../http/index.js';
import { apiError } from '../lib/api-error.js';
import { loadRbacPolicy } from '../rbac/index.js';

/** `GET /sdk/v1/projects/bootstrap/{public_token}` (docs/wire-protocol.md §1.7): the project's public SDK configuration. */
export function projectRoutes(deps: AppDeps): FeatureRoutes {
  const sdk = defineRoutes();
  sdk.get('/projects/bootstrap/:public_token', { action: 'ProjectsBootstrap' }, async (c) => {
    const project = await deps.projects.byPublicToken(c.req.param('public_token'));
    if (project === undefined) throw apiError('invalid_public_token', 'Unknown public token.');
    c.set('project', project);
    await assertOriginAllowed(c, deps, project);
    const body: Omit<BootstrapResponse, 'request_id' | 'status_code'> = {
      project_name: project.name,
      disable_sdk_watermark: true,
      captcha_settings: { enabled: false },
      cname_domain: null,
      email_domains: [],
      // Login CSRF (docs/security.md CSRF-02): the SDK email magic-link sends refuse a request without a
      // challenge, and this flag makes Stytch's frontend SDK send one (our core always does).
      pkce_required_for_email_magic_links: true,
      // Login CSRF through a reset link: the SDK reset starts refuse a request without a challenge
      // (passwords/reset-start.ts), and this flag makes Stytch's frontend SDK send one.
      pkce_required_for_password_resets: true,
      pkce_required_for_oauth: true,
      // Login CSRF through SSO: the SDK's sso/authenticate refuses a token whose start had no
      // challenge (sso/authenticate-routes.ts), and this flag makes Stytch's frontend SDK send one
      // (our core always does). Starts without a challenge still work for backend-only integrations,
      // which redeem with the project secret.
      pkce_required_for_sso: true,
      slug_pattern: ORGANIZATION_SLUG_PATTERN,
      create_organization_enabled: true,
      // Must be present (null or object): the Stytch SDK dereferences it.
      password_config: null,
      dfp_protected_auth_enabled: false,
      dfp_protected_auth_mode: 'OBSERVATION',
      // Stytch's SDK evaluates `rbac.isAuthorized()` against this (and logs an error when it is null);
      // the server judges SDK calls by the same policy (rbac/authorize.ts).
      rbac_policy: await loadRbacPolicy(deps.db, project.id),
      siwe_required_for_crypto_wallets: false,
      vertical: 'B2B',
    };
    return sdkOk(c, body);
  });
  return { sdk: sdk.app };
}
