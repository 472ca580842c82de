import type {
  OrganizationDeleteResponse,
  OrganizationResponse,
  OrganizationUpdateRequest,
} from '../protocol/member-types.js';
import type { OrganizationSearchResponse } from '../protocol/sso-types.js';
import type { Organization } from '../protocol/types.js';
import type { FlowDeps } from './deps.js';

/** Options of `organization.getBySlug`. */
export interface OrganizationGetBySlugOptions {
  /** The URL slug of the organization. */
  organization_slug: string;
}

/** Options of `organization.update`: only the settings to change (Stytch's `B2BOrganizationsUpdateOptions`). */
export type OrganizationUpdateOptions = OrganizationUpdateRequest;

const ME = '/b2b/organizations/me';

/**
 * Organization calls; like Stytch's `organization` client, named in the singular. Apart from
 * `getBySlug` they act on the session's own organization, and the server checks the session's roles.
 */
export function createOrganizationFlow({ http, session }: Pick<FlowDeps, 'http' | 'session'>) {
  return {
    /**
     * The public part of the organization with this slug (`organization: null` when no organization
     * has it). Needs no session: an organization's login page shows who it signs in to before anyone has.
     * @example
     * const { organization } = await client.organization.getBySlug({ organization_slug: 'acme' });
     */
    getBySlug: (options: OrganizationGetBySlugOptions): Promise<OrganizationSearchResponse> =>
      http.post('/b2b/organizations/search', { organization_slug: options.organization_slug }),
    /**
     * Reads the session's organization, and keeps it in the store.
     * @throws {OrgAuthApiError} e.g. `unauthorized_credentials` without a session.
     */
    async get(): Promise<Organization> {
      const { organization } = await http.get<OrganizationResponse>(ME);
      session.applyRecords({ organization });
      return organization;
    },
    /**
     * Changes the session's organization's settings, and keeps the result in the store.
     * @throws {OrgAuthApiError} `unauthorized_action` without the `stytch.organization` permission
     * for each setting, `invalid_organization_slug`, `organization_slug_already_used`…
     * @example
     * await client.organization.update({ organization_name: 'Acme Corp' });
     */
    async update(options: OrganizationUpdateOptions): Promise<OrganizationResponse> {
      const response = await http.put<OrganizationResponse>(ME, options);
      session.applyRecords(response);
      return response;
    },
    /**
     * Deletes the session's organization with its members and sessions. The session ends with it:
     * cookies, cache and store are cleared, as by `session.revoke`.
     * @throws {OrgAuthApiError} `unauthorized_action` without `stytch.organization` `delete`.
     */
    async delete(): Promise<OrganizationDeleteResponse> {
      const sent = session.getSessionToken();
      const response = await http.delete<OrganizationDeleteResponse>(ME);
      // A session another tab started meanwhile is not the one that ended, and stays.
      if (session.isCurrent(sent)) session.clear('signed-out');
      return response;
    },
  };
}

/** The organization flow (its `members` are the members flow's, joined in `client.ts`). */
export type OrganizationFlow = ReturnType<typeof createOrganizationFlow>;
