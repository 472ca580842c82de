import type { OrganizationSearchResponse } from '../protocol/sso-types.js';
import type { FlowDeps } from './deps.js';

/** Options of `organization.getBySlug`. */
export interface OrganizationGetBySlugOptions {
  /** The URL slug of the organization. */
  organization_slug: string;
}

/** Organization calls; like Stytch's `organization` client, named in the singular. */
export function createOrganizationFlow({ http }: Pick<FlowDeps, 'http'>) {
  return {
    /**
     * The public part of the organization with this slug (`organization: null` when no organization
     * has it). Needs no session: an organization's login page shows who it signs in to before anyone has.
     * @example
     * const { organization } = await client.organization.getBySlug({ organization_slug: 'acme' });
     */
    getBySlug: (options: OrganizationGetBySlugOptions): Promise<OrganizationSearchResponse> =>
      http.post('/b2b/organizations/search', { organization_slug: options.organization_slug }),
  };
}

/** The organization flow. */
export type OrganizationFlow = ReturnType<typeof createOrganizationFlow>;
