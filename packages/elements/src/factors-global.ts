/**
 * Entry of the script-tag chunk `dist/orgauth-login-factors.global.js`: the login's password and
 * multi-factor screens, which `orgauth.global.js` imports on the first need
 * (components/login/factor-screens-loader.global.ts), and the core's password and second-factor
 * flows and login actions, which it would otherwise carry (components/login/factor-core.global.ts
 * says why); pages never load it themselves. Like the account chunk it borrows Lit and the core's
 * shared part from `window.OrgAuth` (src/account-global.ts says why).
 */
import {
  createFactorActions,
  createOtpsSmsFlow,
  createPasswordsFlow,
  createRecoveryCodesFlow,
  createTotpFlow,
} from '@orgauth/core/factors';
// Type-only: brings the loader's `Window.OrgAuthLoginFactors` declaration into the declaration build
// (tsconfig.build.json), erased from the chunk.
import type {} from './components/login/factor-screens-loader.global.js';
import * as screens from './components/login/factors/index.js';

window.OrgAuthLoginFactorCore = {
  createFactorActions,
  createOtpsSmsFlow,
  createPasswordsFlow,
  createRecoveryCodesFlow,
  createTotpFlow,
};
window.OrgAuthLoginFactors = screens;
