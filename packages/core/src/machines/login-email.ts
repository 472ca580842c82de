import type { B2BAuthenticateMfaResponse } from '../protocol/mfa-types.js';
import type { CommonResponse, DiscoveredOrganization } from '../protocol/types.js';
import type { EmailMethod, LoginConfig, LoginProduct } from './login-config.js';
import type { LoginEvent, LoginState } from './login-state.js';
import type { LoginClient, LoginController } from './login-types.js';

/** What the email actions use of the controller (login-controller.ts). */
export interface EmailActionContext {
  client: LoginClient;
  config: LoginConfig & { products: readonly LoginProduct[] };
  state(): LoginState;
  /** Applies an event; false when the reducer refused it, so no request follows. */
  dispatch(event: LoginEvent): boolean;
  /** Runs one request; a failure lands on the current step. */
  attempt(work: () => Promise<unknown>): Promise<void>;
  /** True for a well-formed address; else the step shows `invalid_email`. */
  valid(email: string): boolean;
  /** Shows the organizations found for a proven email (or enters one directly). */
  discovered(email: string, organizations: DiscoveredOrganization[]): Promise<void>;
  /** A sign-in's answer: signed in, or the second factor's first step (login-controller.ts). */
  authenticated(response: B2BAuthenticateMfaResponse): Promise<void>;
}

/**
 * The email path of the login: send a link or a code, resend it, redeem the code. On an
 * organization's page the link or code signs straight in to it (`login_or_signup`); in discovery it
 * proves the address, and the organization chooser follows. The configuration's options travel
 * under the protocol's names.
 */
export function createEmailActions({
  client: { magicLinks, otps },
  config: { products, emailMagicLinksOptions: links = {}, emailOtpOptions: codes = {}, sessionOptions },
  state,
  dispatch,
  attempt,
  valid,
  discovered,
  authenticated,
}: EmailActionContext): Pick<LoginController, 'submitEmail' | 'resend' | 'submitCode'> {
  // The organization the email path signs in to; none in discovery (or when the page failed to load).
  const organizationId = () => state().flow?.organization?.organization_id;

  const request = (email_address: string, method: EmailMethod): Promise<CommonResponse> => {
    const organization_id = organizationId();
    const options = method === 'emailOtp' ? codes : links;
    const common = { email_address, login_template_id: options.loginTemplateId, locale: options.locale };
    if (!organization_id) {
      const discovery = { ...common, discovery_expiration_minutes: options.discoveryExpirationMinutes };
      return method === 'emailOtp'
        ? otps.email.discovery.send(discovery)
        : magicLinks.email.discovery.send({ ...discovery, discovery_redirect_url: links.discoveryRedirectURL });
    }
    const organization = {
      ...common,
      organization_id,
      signup_template_id: options.signupTemplateId,
      login_expiration_minutes: options.loginExpirationMinutes,
      signup_expiration_minutes: options.signupExpirationMinutes,
    };
    return method === 'emailOtp'
      ? otps.email.loginOrSignup(organization)
      : magicLinks.email.loginOrSignup({
          ...organization,
          login_redirect_url: links.loginRedirectURL,
          signup_redirect_url: links.signupRedirectURL,
        });
  };
  const send = (email: string, method: EmailMethod) =>
    attempt(async () => {
      await request(email, method);
      dispatch({ type: 'EMAIL_SENT', email, method });
    });

  return {
    async submitEmail(input, method = products.find((p): p is EmailMethod => p.startsWith('email'))) {
      const email = input.trim();
      if (!method || !products.includes(method)) return;
      if (dispatch({ type: 'EMAIL_SUBMITTED', email }) && valid(email)) await send(email, method);
    },
    async resend() {
      const sent = state();
      if (sent.step === 'email-sent' && dispatch({ type: 'RESEND' })) await send(sent.email, sent.method);
    },
    async submitCode(input) {
      const sent = state();
      if (sent.step !== 'email-sent' || !dispatch({ type: 'CODE_SUBMITTED' })) return;
      const code = input.trim();
      const email_address = sent.email;
      const organization_id = organizationId();
      await attempt(async () => {
        if (!organization_id) {
          const found = await otps.email.discovery.authenticate({ code, email_address });
          return discovered(found.email_address, found.discovered_organizations);
        }
        await authenticated(
          await otps.email.authenticate({
            code,
            email_address,
            organization_id,
            session_duration_minutes: sessionOptions?.sessionDurationMinutes,
          }),
        );
      });
    },
  };
}
