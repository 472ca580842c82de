import { OrgAuthError } from '../errors.js';
import type {
  B2BAuthenticateResponse,
  DiscoveryOrganizationCreateRequest,
  DiscoveryOrganizationsResponse,
  IntermediateSessionExchangeRequest,
} from '../protocol/types.js';
import type { FlowDeps } from './deps.js';

/** Options of `discovery.organizations.create`. */
export interface DiscoveryOrganizationCreateOptions {
  organization_name: string;
  organization_slug: string;
  session_duration_minutes?: number | undefined;
}

/** Options of `discovery.intermediateSessions.exchange`. */
export interface IntermediateSessionExchangeOptions {
  organization_id: string;
  session_duration_minutes?: number | undefined;
}

const noIntermediateSession = () => new OrgAuthError('no_session', 'No intermediate session.');

/** Discovery after the email is proven: list, create and enter organizations with the IST. */
export function createDiscoveryFlow({ http, session, sessionDurationMinutes }: FlowDeps) {
  return {
    organizations: {
      /**
       * Lists the organizations the person can enter, by the intermediate session or, without one,
       * by the current session.
       * @throws {OrgAuthError} `no_session` when there is neither.
       */
      async list(): Promise<DiscoveryOrganizationsResponse> {
        const ist = session.getIntermediateSessionToken();
        if (!ist && !session.getSessionToken()) throw noIntermediateSession();
        const response = await http.post<DiscoveryOrganizationsResponse>(
          '/b2b/discovery/organizations',
          ist ? { intermediate_session_token: ist } : {},
        );
        session.applyDiscoveredOrganizations(response);
        return response;
      },
      /**
       * Creates an organization with the person as its first member, and signs in to it.
       * @throws {OrgAuthError} `no_session` without an intermediate session.
       */
      async create(options: DiscoveryOrganizationCreateOptions): Promise<B2BAuthenticateResponse> {
        const ist = session.getIntermediateSessionToken();
        if (!ist) throw noIntermediateSession();
        const body: DiscoveryOrganizationCreateRequest = {
          intermediate_session_token: ist,
          session_duration_minutes: options.session_duration_minutes ?? sessionDurationMinutes,
          organization_name: options.organization_name,
          organization_slug: options.organization_slug,
        };
        return session.applyAuthenticateResponse(
          await http.post<B2BAuthenticateResponse>('/b2b/discovery/organizations/create', body),
        );
      },
    },
    intermediateSessions: {
      /**
       * Exchanges the intermediate session for a session in one organization.
       * @throws {OrgAuthError} `no_session` without an intermediate session.
       */
      async exchange(options: IntermediateSessionExchangeOptions): Promise<B2BAuthenticateResponse> {
        const ist = session.getIntermediateSessionToken();
        if (!ist) throw noIntermediateSession();
        const body: IntermediateSessionExchangeRequest = {
          intermediate_session_token: ist,
          organization_id: options.organization_id,
          session_duration_minutes: options.session_duration_minutes ?? sessionDurationMinutes,
        };
        return session.applyAuthenticateResponse(
          await http.post<B2BAuthenticateResponse>('/b2b/discovery/intermediate_sessions/exchange', body),
        );
      },
    },
  };
}

/** The discovery flow. */
export type DiscoveryFlow = ReturnType<typeof createDiscoveryFlow>;
