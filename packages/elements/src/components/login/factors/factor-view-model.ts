import type { LoginController } from '@orgauth/core';
import { format } from '../../../i18n/format.js';
import type { OrgAuthFactorMessages } from '../../../i18n/factor-messages.js';
import { CODE_LENGTH, codeDigits } from '../code-digits.js';
import type { CopyStatus, FactorView } from './factor-view.js';
import { recoveryCodesText } from './recovery-codes.js';
import { copyText, saveText } from './save-text.js';

/** What the factor screens' view reads from `<orgauth-login>` and asks of it. */
export interface FactorViewHost {
  controller(): LoginController | undefined;
  messages(): OrgAuthFactorMessages;
  requestUpdate(): void;
  /** Runs a controller action and shows a failure the machine does not keep (login-view.ts `run`). */
  run(action: unknown): void;
}

/** The factor screens' view, plus forgetting a screen's fields when the step changes. */
export interface FactorViewModel extends FactorView {
  clear(): void;
}

/**
 * The view state of the password and second-factor screens (fields, show/hide, "Copied.") and their
 * actions, each a call on the login controller. Passwords stay here, never in the machine's state.
 */
export function createFactorView(host: FactorViewHost): FactorViewModel {
  let password = '';
  let passwordShown = false;
  let code = '';
  let recoveryCode = '';
  let phone = '';
  let copied: CopyStatus = null;
  const edit = (apply: () => void) => {
    apply();
    host.requestUpdate();
  };
  const act = (action: (login: LoginController) => unknown) => {
    const login = host.controller();
    if (login) host.run(action(login));
  };
  return {
    get messages() {
      return host.messages();
    },
    get password() {
      return password;
    },
    get passwordShown() {
      return passwordShown;
    },
    get code() {
      return code;
    },
    get recoveryCode() {
      return recoveryCode;
    },
    get phone() {
      return phone;
    },
    get copied() {
      return copied;
    },
    clear() {
      password = '';
      passwordShown = false;
      code = '';
      recoveryCode = '';
      phone = '';
      copied = null;
    },
    setPassword(value) {
      edit(() => {
        password = value;
      });
      // The controller waits for a pause in typing and keeps only the last answer.
      const login = host.controller();
      if (login?.getState().step === 'password-reset') login.checkPasswordStrength(value);
    },
    togglePasswordShown: () =>
      edit(() => {
        passwordShown = !passwordShown;
      }),
    setCode(value) {
      const before = code;
      edit(() => {
        code = codeDigits(value);
      });
      // The sixth digit (typed, pasted or filled in by the browser) submits, as on the email code step.
      if (code.length === CODE_LENGTH && before !== code) act((login) => login.submitMfaCode(code));
    },
    setRecoveryCode: (value) =>
      edit(() => {
        recoveryCode = value;
      }),
    setPhone: (value) =>
      edit(() => {
        phone = value;
      }),
    submitPassword: (email) => act((login) => login.submitPassword(email, password)),
    forgotPassword: (email) => act((login) => login.forgotPassword(email)),
    resendPasswordReset: () => act((login) => login.resendPasswordReset()),
    submitNewPassword: () => act((login) => login.submitNewPassword(password)),
    back: () =>
      act((login) => {
        const state = login.getState();
        // With the app as the only method, "back" from a recovery code is the app's code again.
        return state.step === 'recovery-code' && state.mfa.methods.length < 2
          ? login.chooseMfaMethod('totp')
          : login.back();
      }),
    chooseMethod: (method) => act((login) => login.chooseMfaMethod(method)),
    submitPhone: () => act((login) => login.sendSms(phone.trim())),
    submitCode: () => act((login) => login.submitMfaCode(code)),
    resendSms: () => {
      code = '';
      act((login) => login.sendSms());
    },
    useRecoveryCode: () => act((login) => login.openRecoveryCode()),
    submitRecoveryCode: () => act((login) => login.submitMfaCode(recoveryCode.trim())),
    useOtherMethod: () => act((login) => login.openMfaChoice()),
    copy(text, what) {
      void copyText(text).then((ok) =>
        edit(() => {
          copied = ok ? what : 'failed';
        }),
      );
    },
    downloadCodes(codes, organizationName) {
      const title = format(host.messages()['codes.fileTitle'], { organization: organizationName }).join('');
      saveText('recovery-codes.txt', recoveryCodesText(codes, title));
    },
    finishRecoveryCodes: () => act((login) => login.saveRecoveryCodes()),
  };
}
