import type {
  OtpEmailAuthenticateRequest,
  OtpEmailAuthenticateResponse,
  OtpEmailDiscoveryAuthenticateRequest,
  OtpEmailDiscoverySendRequest,
  OtpEmailLoginOrSignupRequest,
} from '../protocol/email-auth-types.js';
import type { CommonResponse, DiscoveryAuthenticateResponse } from '../protocol/types.js';
import type { FlowDeps, WithUndefined } from './deps.js';

/** Options of `otps.email.loginOrSignup` (Stytch's `B2BOTPsEmailLoginOrSignupOptions`). */
export type OtpEmailLoginOrSignupOptions = WithUndefined<OtpEmailLoginOrSignupRequest>;

/** Options of `otps.email.authenticate` (Stytch's `B2BOTPsEmailAuthenticateOptions`). */
export interface OtpEmailAuthenticateOptions
  extends WithUndefined<Omit<OtpEmailAuthenticateRequest, 'session_duration_minutes'>> {
  /** Length of the session; default the client's `sessionDurationMinutes`. */
  session_duration_minutes?: number | undefined;
}

/** Options of `otps.email.discovery.send` (Stytch's `B2BDiscoveryOTPEmailSendOptions`). */
export type OtpEmailDiscoverySendOptions = WithUndefined<OtpEmailDiscoverySendRequest>;

/** Options of `otps.email.discovery.authenticate` (Stytch's `B2BDiscoveryOTPEmailAuthenticateOptions`). */
export type OtpEmailDiscoveryAuthenticateOptions = OtpEmailDiscoveryAuthenticateRequest;

/**
 * Email one-time codes, organization and discovery flavours. No PKCE: the code is typed by the person
 * into the page that asked for it, so there is no link for an attacker to hand a victim. The code is
 * sent as typed; the server decides whether it is right (and counts the wrong ones).
 */
export function createOtpsFlow({ http, session, sessionDurationMinutes }: FlowDeps) {
  return {
    email: {
      /**
       * Emails a code for one organization to a member or to an address it admits by just-in-time
       * provisioning; the answer is the same for everyone else. A new send makes the previous code useless.
       * @throws {OrgAuthApiError} e.g. `organization_not_found`, `too_many_requests`.
       */
      loginOrSignup: (options: OtpEmailLoginOrSignupOptions): Promise<CommonResponse> =>
        http.post('/b2b/otps/email/login_or_signup', options),
      /**
       * Signs in to the organization with the emailed code (as an organization magic link does).
       * @throws {OrgAuthApiError} for a wrong, expired or spent code, or after too many attempts.
       */
      async authenticate(options: OtpEmailAuthenticateOptions): Promise<OtpEmailAuthenticateResponse> {
        const body: WithUndefined<OtpEmailAuthenticateRequest> = {
          ...options,
          session_duration_minutes: options.session_duration_minutes ?? sessionDurationMinutes,
        };
        return session.applyAuthenticateResponse(
          await http.post<OtpEmailAuthenticateResponse>('/b2b/otps/email/authenticate', body),
        );
      },
      discovery: {
        /** Emails a discovery code: it proves the address, then the organization chooser follows. */
        send: (options: OtpEmailDiscoverySendOptions): Promise<CommonResponse> =>
          http.post('/b2b/otps/email/discovery/send', options),
        /**
         * Exchanges the code for an intermediate session and the organizations found, the same state
         * a discovery magic link leads to.
         * @throws {OrgAuthApiError} for a wrong, expired or spent code, or after too many attempts.
         */
        async authenticate(options: OtpEmailDiscoveryAuthenticateOptions): Promise<DiscoveryAuthenticateResponse> {
          return session.applyDiscoveryResponse(
            await http.post<DiscoveryAuthenticateResponse>('/b2b/otps/email/discovery/authenticate', options),
          );
        },
      },
    },
  };
}

/** The one-time-codes flow. */
export type OtpsFlow = ReturnType<typeof createOtpsFlow>;
