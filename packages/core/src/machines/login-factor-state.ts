import type { OrgAuthError } from '../errors.js';
import type { PasswordStrengthCheckResponse } from '../protocol/password-types.js';
import type { Member, Organization } from '../protocol/types.js';
import type { MfaProduct } from './login-config.js';

type Form = { busy: boolean; error: OrgAuthError | null };

/**
 * What every second-factor step knows: who proved a primary factor into which organization, what
 * the organization allows (in the configured order) and what the member has enrolled. Built from
 * the primary factor's answer (`mfa_required`) by `mfaContext` (login-mfa-entry.ts).
 */
export interface MfaContext {
  memberId: string;
  organizationId: string;
  organizationName: string;
  email: string;
  /** The methods offered: the organization's allowed ones, filtered and ordered by the configuration. */
  methods: MfaProduct[];
  /** The methods the member has enrolled (a TOTP registration, a verified phone). */
  enrolled: MfaProduct[];
  /** The member's phone as the server shows it, when there is one. */
  phoneNumber: string | null;
  /** True when the primary factor's answer already texted a code (`secondary_auth_initiated`). */
  smsSent: boolean;
}

/**
 * The steps of passwords and second factors, joined into `LoginState` (login-state.ts). Passwords
 * themselves are never kept in state: they go from the form straight to the request.
 */
export type LoginFactorState =
  /** Email + password, into the page's organization or (discovery) to the organization chooser. */
  | ({ step: 'password'; email: string } & Form)
  /** "Check your email": a reset link was sent (`sends` counts sends, for a resend countdown). */
  | ({ step: 'password-reset-sent'; email: string; sends: number } & Form)
  /**
   * The reset screen from the mail's link: the new password, with the server's strength verdict for
   * what was last typed (`strength`, null until the first check; `checking` while one runs).
   */
  | ({
      step: 'password-reset';
      token: string;
      /** `multi_tenant_passwords` (an organization's reset) or `discovery` (a discovery reset). */
      tokenType: string;
      strength: PasswordStrengthCheckResponse | null;
      checking: boolean;
    } & Form)
  /** Choose a second factor: to enrol (`enrolling`) or to use one of those enrolled. */
  | ({ step: 'mfa-choose'; mfa: MfaContext; enrolling: boolean } & Form)
  /**
   * Enrol an authenticator app: the QR code and manual key (empty while `totp.create` runs), shown
   * once, then a code from the app; the recovery codes follow.
   */
  | ({
      step: 'totp-enroll';
      mfa: MfaContext;
      qrCode: string;
      secret: string;
      recoveryCodes: string[];
    } & Form)
  /** A code from the enrolled authenticator app. */
  | ({ step: 'totp-verify'; mfa: MfaContext } & Form)
  /** Enrol a phone: the number to text (E.164). */
  | ({ step: 'sms-enroll'; mfa: MfaContext; phoneNumber: string } & Form)
  /**
   * The texted code: `sends` successful sends so far (0 while the first one runs), `enrolling` when
   * the phone is being enrolled (back leads to the number).
   */
  | ({ step: 'sms-verify'; mfa: MfaContext; phoneNumber: string; sends: number; enrolling: boolean } & Form)
  /** A recovery code instead of the app or phone. */
  | ({ step: 'recovery-code'; mfa: MfaContext } & Form)
  /** TOTP enrolled and signed in: the recovery codes to save, once, before going on. */
  | {
      step: 'recovery-codes-save';
      recoveryCodes: string[];
      member: Member;
      organization: Organization;
    };

/** Events of the password and second-factor steps (joined into `LoginEvent`). */
export type LoginFactorEvent =
  | { type: 'PASSWORD_OPENED'; email: string }
  | { type: 'PASSWORD_SUBMITTED'; email: string }
  | { type: 'RESET_START_SUBMITTED'; email: string }
  | { type: 'RESET_SENT'; email: string }
  | { type: 'RESET_OPENED'; token: string; tokenType: string }
  | { type: 'STRENGTH_CHECKING' }
  | { type: 'STRENGTH_CHECKED'; strength: PasswordStrengthCheckResponse | null }
  | { type: 'RESET_SUBMITTED' }
  /**
   * A second-factor step entered: the first after a primary factor (`mfaEntryState`), or the one of
   * the method chosen (`mfaStep`), both in login-mfa-entry.ts, computed where the login's second
   * factors load (login-factors.ts) so this reducer does not carry them.
   */
  | { type: 'MFA_STEP_ENTERED'; next: LoginFactorState & { mfa: MfaContext } }
  | { type: 'MFA_CHOOSE_OPENED' }
  | { type: 'TOTP_CREATED'; qrCode: string; secret: string; recoveryCodes: string[] }
  | { type: 'MFA_CODE_SUBMITTED' }
  | { type: 'SMS_SEND_SUBMITTED'; phoneNumber: string }
  | { type: 'SMS_SENT'; phoneNumber: string }
  | { type: 'RECOVERY_CODE_OPENED' }
  | { type: 'RECOVERY_CODES_SAVED' };
