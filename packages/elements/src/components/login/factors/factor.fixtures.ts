/** Shared set-up of the factor screens' tests and stories: a scripted view and a card that shows one screen. */
import { html, LitElement, type TemplateResult } from 'lit';
import { resolveFactorMessages } from '../../../i18n/factor-messages.js';
import type { OrgAuthLocale } from '../../../i18n/locale.js';
import { resolveMessages } from '../../../i18n/messages.js';
import { themeStyles } from '../../../internal/theme.styles.js';
import { loginStyles } from '../login.styles.js';
import { codeDigits } from '../code-digits.js';
import type { FactorScreen, FactorView } from './factor-view.js';
import { factorStyles } from './factor.styles.js';
import { renderFactorScreen } from './index.js';

/** A secret as Stytch's `totps.create` sends it (base32). */
export const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
/** A 1×1 PNG: enough for the image to load in a story without a QR encoder. */
export const QR_PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABc3UBGAAAAABJRU5ErkJggg==';
/** Ten recovery codes shaped like Stytch's. */
export const CODES = Array.from({ length: 10 }, (_, i) => `${(1000 + i * 137).toString(36)}a-7k2p-q${i}x9`);

/** Every action of a {@link FactorView}, recorded as `[name, ...args]`. */
export type Calls = unknown[][];

/** A view over fixed words and editable fields, recording each action; `onChange` re-renders. */
export function scriptedView(
  options: { locale?: OrgAuthLocale; password?: string; shown?: boolean } = {},
  onChange: () => void = () => {},
): FactorView & { calls: Calls } {
  const calls: Calls = [];
  const record =
    (name: string) =>
    (...args: unknown[]) => {
      calls.push([name, ...args]);
    };
  const state = {
    password: options.password ?? '',
    passwordShown: options.shown ?? false,
    code: '',
    recoveryCode: '',
    phone: '',
  };
  const set = (patch: Partial<typeof state>) => {
    Object.assign(state, patch);
    onChange();
  };
  return {
    calls,
    messages: resolveFactorMessages(resolveMessages(undefined, options.locale), options.locale),
    get password() {
      return state.password;
    },
    get passwordShown() {
      return state.passwordShown;
    },
    get code() {
      return state.code;
    },
    get recoveryCode() {
      return state.recoveryCode;
    },
    get phone() {
      return state.phone;
    },
    copied: null,
    setPassword: (password) => set({ password }),
    togglePasswordShown: () => set({ passwordShown: !state.passwordShown }),
    setCode: (value) => set({ code: codeDigits(value) }),
    setRecoveryCode: (recoveryCode) => set({ recoveryCode }),
    setPhone: (phone) => set({ phone }),
    submitPassword: record('submitPassword'),
    forgotPassword: record('forgotPassword'),
    resendPasswordReset: record('resendPasswordReset'),
    submitNewPassword: record('submitNewPassword'),
    back: record('back'),
    chooseMethod: record('chooseMethod'),
    submitPhone: record('submitPhone'),
    submitCode: record('submitCode'),
    resendSms: record('resendSms'),
    useRecoveryCode: record('useRecoveryCode'),
    submitRecoveryCode: record('submitRecoveryCode'),
    useOtherMethod: record('useOtherMethod'),
    copy: record('copy'),
    downloadCodes: record('downloadCodes'),
    finishRecoveryCodes: record('finishRecoveryCodes'),
  };
}

/**
 * One factor screen in the login's card, with the login's styles: for tests and stories of the
 * screens as pieces (the element renders them the same way, inside its own card).
 */
export class FactorScreenPreview extends LitElement {
  static override styles = [themeStyles, loginStyles, factorStyles];
  static override properties = { screen: { attribute: false }, view: { attribute: false }, theme: { reflect: true } };
  declare screen: FactorScreen | undefined;
  declare view: FactorView | undefined;
  declare theme: string;

  constructor() {
    super();
    this.screen = undefined;
    this.view = undefined;
    this.theme = 'light';
  }

  protected override render(): TemplateResult {
    return html`<div class="card" part="card" data-step=${this.screen?.screen ?? ''}>
      ${this.screen && this.view ? renderFactorScreen(this.screen, this.view) : ''}
    </div>`;
  }
}
if (!customElements.get('orgauth-factor-preview')) customElements.define('orgauth-factor-preview', FactorScreenPreview);
