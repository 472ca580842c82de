import { OrgAuthLogin } from './components/login/login.js';
import { OrgAuthProvider } from './components/provider/provider.js';
import { defineTags } from './internal/define-tags.js';

/** The tags this package registers, and their classes. Providers first, so consumers find them. */
const ELEMENTS = [
  ['orgauth-provider', OrgAuthProvider],
  ['orgauth-login', OrgAuthLogin],
] as const;

/**
 * Registers `<orgauth-provider>` and `<orgauth-login>`. Idempotent: a tag that is already defined is
 * left alone (an app bundle and the script-tag build may both load), with one console warning per tag
 * when the copy that defined it has another version. The package itself never calls this on import;
 * `@orgauth/elements/define` and the script-tag build do.
 */
export function defineOrgAuthElements(registry: CustomElementRegistry = customElements): void {
  defineTags(ELEMENTS, registry);
}
