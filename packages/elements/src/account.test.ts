import { describe, expect, it } from 'vitest';
import { OrgAuthOrganizationSwitcher } from './components/organization-switcher/organization-switcher.js';
import { OrgAuthProvider } from './components/provider/provider.js';
import { VERSION } from './version.js';

describe('account entries', () => {
  it('the script-tag chunk registers the account elements and exposes window.OrgAuthAccount', async () => {
    await import('./account-global.js');
    expect(customElements.get('orgauth-organization-switcher')).toBe(OrgAuthOrganizationSwitcher);
    expect(customElements.get('orgauth-provider')).toBe(OrgAuthProvider);
    expect(window.OrgAuthAccount.version).toBe(VERSION);
    expect(window.OrgAuthAccount.OrgAuthOrganizationSwitcher).toBe(OrgAuthOrganizationSwitcher);
  });

  it('loads next to the login entry in either order without a second registration', async () => {
    const { defineOrgAuthAccountElements } = await import('./account.js');
    await import('./define.js');
    expect(() => defineOrgAuthAccountElements()).not.toThrow();
    expect(document.createElement('orgauth-organization-switcher')).toBeInstanceOf(OrgAuthOrganizationSwitcher);
    expect(customElements.get('orgauth-login')).toBeDefined();
  });
});
