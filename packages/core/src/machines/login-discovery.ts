import type { ApiErrorType } from '../protocol/errors.js';
import type { B2BAuthenticateMfaResponse } from '../protocol/mfa-types.js';
import { validateSlug } from '../slug.js';
import { directLoginOrganization } from './login-config.js';
import type { EmailActionContext } from './login-email.js';
import type { LoginController } from './login-types.js';

/** What the organization chooser's actions use of the controller (login-controller.ts). */
export type DiscoveryActionContext = Pick<EmailActionContext, 'client' | 'config' | 'dispatch'> & {
  /** Runs a request that signs in: signed in, or the second factor's first step; a failure stays on the step. */
  enter(work: () => Promise<B2BAuthenticateMfaResponse>): Promise<void>;
  /** Fails the step with this error type, as the server would answer it, without a request. */
  refuse(errorType: ApiErrorType, value: string): boolean;
};

/** The organization chooser's actions, and `discovered`, which the email, password and redirect paths end in. */
export type DiscoveryActions = Pick<LoginController, 'chooseOrganization' | 'startCreate' | 'createOrganization'> &
  Pick<EmailActionContext, 'discovered'>;

/**
 * The organization chooser of a proven email: enter one of its organizations (the intermediate
 * session exchanged for a session in it) or create one. The configuration may skip the chooser:
 * `directLoginForSingleMembership` enters the only organization at once, and
 * `directCreateOrganizationForNoMembership` creates one named after the email's domain.
 */
export function createDiscoveryActions({
  client,
  config,
  dispatch,
  enter,
  refuse,
}: DiscoveryActionContext): DiscoveryActions {
  const session_duration_minutes = config.sessionOptions?.sessionDurationMinutes;
  const actions: DiscoveryActions = {
    async discovered(email, organizations) {
      dispatch({ type: 'DISCOVERED', email, organizations });
      const only = directLoginOrganization(organizations, config.directLoginForSingleMembership);
      if (only) return actions.chooseOrganization(only.organization.organization_id);
      if (organizations.length || !config.directCreateOrganizationForNoMembership) return;
      actions.startCreate();
      const domain = email.split('@')[1]!; // lowercased, a valid slug: letters, digits, dots and dashes
      await actions.createOrganization({ organization_name: domain, organization_slug: domain.toLowerCase() });
    },

    async chooseOrganization(organization_id) {
      if (!dispatch({ type: 'ORGANIZATION_CHOSEN', organizationId: organization_id })) return;
      await enter(() => client.discovery.intermediateSessions.exchange({ organization_id, session_duration_minutes }));
    },

    startCreate: () => void (config.disableCreateOrganization || dispatch({ type: 'CREATE_STARTED' })),

    async createOrganization({ organization_name, organization_slug }) {
      if (!dispatch({ type: 'CREATE_SUBMITTED' })) return;
      const name = organization_name.trim();
      if (!name) return void refuse('invalid_organization_name', name);
      if (validateSlug(organization_slug)) return void refuse('invalid_organization_slug', organization_slug);
      await enter(() =>
        client.discovery.organizations.create({ organization_name: name, organization_slug, session_duration_minutes }),
      );
    },
  };
  return actions;
}
