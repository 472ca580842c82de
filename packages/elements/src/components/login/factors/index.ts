import type { TemplateResult } from 'lit';
import type { FactorScreen, FactorView } from './factor-view.js';
import { renderSmsEnrolScreen, renderTotpEnrolScreen } from './mfa-enrol.js';
import { renderMfaChooseScreen, renderMfaVerifyScreen, renderRecoveryCodeScreen } from './mfa-verify.js';
import { renderPasswordResetScreen, renderPasswordResetSentScreen, renderPasswordScreen } from './password-screens.js';
import { renderRecoveryCodesScreen } from './recovery-codes.js';

export { resolveFactorMessages } from '../../../i18n/factor-messages.js';
export { factorStyles } from './factor.styles.js';
export { copyText, saveText } from './save-text.js';
export { createFactorView } from './factor-view-model.js';
export { factorScreenOf } from './factor-state.js';
export { recoveryCodesText } from './recovery-codes.js';

/**
 * The password and multi-factor screens of `<orgauth-login>`, one module the login imports only
 * when a person reaches one of them (login-screens.ts), so the sign-in by email carries none of it.
 * The switch is exhaustive over `FactorScreen`.
 */
export function renderFactorScreen(screen: FactorScreen, view: FactorView): TemplateResult {
  switch (screen.screen) {
    case 'password':
      return renderPasswordScreen(screen, view);
    case 'password-reset-sent':
      return renderPasswordResetSentScreen(screen, view);
    case 'password-reset':
      return renderPasswordResetScreen(screen, view);
    case 'mfa-choose':
      return renderMfaChooseScreen(screen, view);
    case 'totp-enrol':
      return renderTotpEnrolScreen(screen, view);
    case 'sms-enrol':
      return renderSmsEnrolScreen(screen, view);
    case 'mfa-verify':
      return renderMfaVerifyScreen(screen, view);
    case 'recovery-code':
      return renderRecoveryCodeScreen(screen, view);
    case 'recovery-codes':
      return renderRecoveryCodesScreen(screen, view);
  }
}
