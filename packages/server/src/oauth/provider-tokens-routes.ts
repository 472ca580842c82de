import { OAUTH_PROVIDERS } from '@orgauth/core/protocol';
import { getMember } from '../members/index.js';
import { getOrganization } from '../organizations/index.js';
import { apiOk, type AppDeps, defineRoutes, type FeatureRoutes } from '../http/index.js';
import { readProviderTokens } from './provider-tokens.js';

/** Stytch's event names of the five reads (`OrganizationsMembersOAuthProvidersGoogle`, …). */
const ACTIONS = {
  google: 'OrganizationsMembersOAuthProvidersGoogle',
  microsoft: 'OrganizationsMembersOAuthProvidersMicrosoft',
  github: 'OrganizationsMembersOAuthProvidersGithub',
  slack: 'OrganizationsMembersOAuthProvidersSlack',
  hubspot: 'OrganizationsMembersOAuthProvidersHubspot',
} as const;

/**
 * Backend reads of a member's provider tokens (project secret required, docs/wire-protocol.md §5.2):
 * `GET /v1/b2b/organizations/{organization_id}/members/{member_id}/oauth_providers/{provider}` with
 * `include_refresh_token=true` to add refresh tokens. The member is found in the organization of the
 * path, itself in the authenticated project (TEN-01 in docs/security.md).
 */
export function oauthProviderTokenRoutes(deps: AppDeps): FeatureRoutes {
  const api = defineRoutes();
  for (const provider of OAUTH_PROVIDERS) {
    const path = `/organizations/:organization_id/members/:member_id/oauth_providers/${provider}`;
    api.get(path, { action: ACTIONS[provider] }, async (c) => {
      const organization = await getOrganization(deps.db, c.get('project').id, c.req.param('organization_id') ?? '');
      const member = await getMember(deps.db, organization.id, c.req.param('member_id') ?? '');
      const body = await readProviderTokens(
        deps.db,
        deps.secretBox,
        { organizationId: organization.id, memberId: member.id, provider },
        { includeRefreshToken: c.req.query('include_refresh_token') === 'true', now: deps.now() },
      );
      return apiOk(c, body);
    });
  }
  return { backend: api.app };
}
