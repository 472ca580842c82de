import type { B2BAuthenticateMfaResponse, B2BAuthenticatePendingResponse } from '../protocol/mfa-types.js';
import type { DiscoveredOrganization } from '../protocol/types.js';
import type { LoginConfig, LoginProduct, MfaProduct } from './login-config.js';
import { mfaContext } from './login-mfa-context.js';
import { mfaEntryState, mfaStep } from './login-mfa-entry.js';
import type { LoginEvent, LoginState } from './login-state.js';
import type { LoginClient, LoginController } from './login-types.js';

/** Quiet time after the last keystroke before the new password's strength is checked. */
export const STRENGTH_CHECK_DELAY_MS = 300;

/** What the password and second-factor actions use of the controller (login-controller.ts). */
export interface FactorActionContext {
  client: LoginClient;
  config: LoginConfig & { products: readonly LoginProduct[] };
  state(): LoginState;
  dispatch(event: LoginEvent): boolean;
  attempt(work: () => Promise<unknown>): Promise<void>;
  valid(email: string): boolean;
  discovered(email: string, organizations: DiscoveredOrganization[]): Promise<void>;
  /** A primary or second factor's answer: signed in, or the second factor's first step. */
  authenticated(response: B2BAuthenticateMfaResponse): Promise<void>;
}

/**
 * The password and second-factor actions of the login controller that make requests, and
 * `mfaRequired`, which enters the second factor of a primary factor's answer. The controller loads
 * them on their first use (login-controller.ts), so a login without either never downloads them.
 */
export type FactorActions = Pick<
  LoginController,
  | 'submitPassword'
  | 'forgotPassword'
  | 'resendPasswordReset'
  | 'checkPasswordStrength'
  | 'submitNewPassword'
  | 'chooseMfaMethod'
  | 'submitMfaCode'
  | 'sendSms'
> & { mfaRequired(response: B2BAuthenticatePendingResponse): Promise<void> };

/**
 * Passwords (sign-in, "Forgot password", the reset screen) and second factors (enrol or verify a
 * TOTP app or a phone, a recovery code). In an organization's login a password signs straight in;
 * in discovery it proves the email and the organization chooser follows.
 */
export function createFactorActions(ctx: FactorActionContext): FactorActions {
  const { client, config, state, dispatch, attempt, valid, discovered, authenticated } = ctx;
  const session_duration_minutes = config.sessionOptions?.sessionDurationMinutes;
  const reset = config.passwordOptions ?? {};
  const organizationId = () => state().flow?.organization?.organization_id;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let checked = 0;

  const sendReset = (email_address: string) =>
    attempt(async () => {
      const common = {
        email_address,
        reset_password_redirect_url: reset.resetPasswordRedirectURL,
        reset_password_expiration_minutes: reset.resetPasswordExpirationMinutes,
        reset_password_template_id: reset.resetPasswordTemplateId,
        verify_email_template_id: reset.verifyEmailTemplateId,
        locale: reset.locale,
      };
      const organization_id = organizationId();
      await (organization_id
        ? client.passwords.resetByEmailStart({ ...common, organization_id, login_redirect_url: reset.loginRedirectURL })
        : client.passwords.discovery.resetByEmailStart({
            ...common,
            discovery_redirect_url: reset.discoveryRedirectURL,
          }));
      dispatch({ type: 'RESET_SENT', email: email_address });
    });

  // The code of the step shown: each method's authenticate, with the member of the primary factor.
  const verify = (code: string) => {
    const page = state();
    if (!('mfa' in page)) return Promise.reject(new Error(page.step));
    const member = { organization_id: page.mfa.organizationId, member_id: page.mfa.memberId, session_duration_minutes };
    if (page.step === 'recovery-code') return client.recoveryCodes.recover({ ...member, recovery_code: code });
    if (page.step === 'sms-verify') return client.otps.sms.authenticate({ ...member, code });
    return client.totp.authenticate({ ...member, code });
  };

  const sms = (phoneNumber: string) =>
    attempt(async () => {
      const page = state();
      if (page.step !== 'sms-enroll' && page.step !== 'sms-verify') return;
      const { organizationId: organization_id, memberId: member_id } = page.mfa;
      // A phone being enrolled is named; an enrolled one is the server's to know.
      const enrolling = page.step === 'sms-enroll' || page.enrolling;
      await client.otps.sms.send({ organization_id, member_id, mfa_phone_number: enrolling ? phoneNumber : undefined });
      dispatch({ type: 'SMS_SENT', phoneNumber });
    });

  // Entering a TOTP enrolment creates the registration; entering the code of an enrolled phone
  // with no code sent yet sends one. Both steps show busy until then.
  const settleMfa = async () => {
    const page = state();
    if (page.step === 'totp-enroll' && page.busy && !page.secret)
      await attempt(async () => {
        const { qr_code, secret, recovery_codes } = await client.totp.create({
          organization_id: page.mfa.organizationId,
          member_id: page.mfa.memberId,
        });
        dispatch({ type: 'TOTP_CREATED', qrCode: qr_code, secret, recoveryCodes: recovery_codes });
      });
    else if (page.step === 'sms-verify' && page.busy && !page.sends) await sms(page.phoneNumber);
  };

  return {
    async mfaRequired(response) {
      const { mfa, defaultMethod } = mfaContext(response, config);
      dispatch({ type: 'MFA_STEP_ENTERED', next: mfaEntryState(mfa, defaultMethod, state().flow) });
      await settleMfa();
    },
    async submitPassword(input, password) {
      const email_address = input.trim();
      if (!dispatch({ type: 'PASSWORD_SUBMITTED', email: email_address }) || !valid(email_address)) return;
      const organization_id = organizationId();
      await attempt(async () => {
        if (!organization_id) {
          const found = await client.passwords.discovery.authenticate({ email_address, password });
          return discovered(found.email_address, found.discovered_organizations);
        }
        await authenticated(
          await client.passwords.authenticate({ organization_id, email_address, password, session_duration_minutes }),
        );
      });
    },
    async forgotPassword(input) {
      const email = input.trim();
      if (dispatch({ type: 'RESET_START_SUBMITTED', email }) && valid(email)) await sendReset(email);
    },
    async resendPasswordReset() {
      const sent = state();
      if (sent.step === 'password-reset-sent' && !sent.busy) await sendReset(sent.email);
    },
    checkPasswordStrength(password) {
      clearTimeout(timer);
      if (state().step !== 'password-reset') return;
      const ticket = ++checked;
      if (!password) return void dispatch({ type: 'STRENGTH_CHECKED', strength: null });
      timer = setTimeout(async () => {
        dispatch({ type: 'STRENGTH_CHECKING' });
        try {
          const strength = await client.passwords.strengthCheck({ password });
          // Only the verdict of what was typed last is shown.
          if (ticket === checked) dispatch({ type: 'STRENGTH_CHECKED', strength });
        } catch {
          if (ticket === checked) dispatch({ type: 'STRENGTH_CHECKED', strength: null });
        }
      }, STRENGTH_CHECK_DELAY_MS);
    },
    async submitNewPassword(password) {
      const page = state();
      if (page.step !== 'password-reset' || !dispatch({ type: 'RESET_SUBMITTED' })) return;
      clearTimeout(timer);
      checked++;
      const password_reset_token = page.token;
      await attempt(async () => {
        if (page.tokenType === 'discovery') {
          const found = await client.passwords.discovery.resetByEmail({ password_reset_token, password });
          return discovered(found.email_address, found.discovered_organizations);
        }
        await authenticated(
          await client.passwords.resetByEmail({ password_reset_token, password, session_duration_minutes }),
        );
      });
    },
    async chooseMfaMethod(method: MfaProduct) {
      const page = state();
      if (page.step !== 'mfa-choose' || page.busy || !page.mfa.methods.includes(method)) return;
      const enrolling = page.enrolling || !page.mfa.enrolled.includes(method);
      dispatch({ type: 'MFA_STEP_ENTERED', next: mfaStep(page.mfa, method, enrolling, page.flow) });
      await settleMfa();
    },
    async submitMfaCode(input) {
      if (!dispatch({ type: 'MFA_CODE_SUBMITTED' })) return;
      const code = input.trim();
      await attempt(async () => authenticated(await verify(code)));
    },
    async sendSms(phoneNumber) {
      const page = state();
      const number = phoneNumber?.trim() ?? (page.step === 'sms-verify' ? page.phoneNumber : '');
      if (dispatch({ type: 'SMS_SEND_SUBMITTED', phoneNumber: number })) await sms(number);
    },
  };
}
