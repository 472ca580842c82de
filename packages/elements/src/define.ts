/**
 * `@orgauth/elements/define`: the package's only side effect. Importing it registers every OrgAuth
 * tag (idempotently, see {@link defineOrgAuthElements}).
 */
import type { OrgAuthLogin } from './components/login/login.js';
import type { OrgAuthProvider } from './components/provider/provider.js';
import { defineOrgAuthElements } from './define-elements.js';

defineOrgAuthElements();

export { defineOrgAuthElements };

declare global {
  interface HTMLElementTagNameMap {
    'orgauth-login': OrgAuthLogin;
    'orgauth-provider': OrgAuthProvider;
  }
}
