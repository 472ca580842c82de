import { afterEach, describe, expect, it, vi } from 'vitest';
import { OrgAuthLogin } from './components/login/login.js';
import { OrgAuthProvider } from './components/provider/provider.js';
import { defineOrgAuthElements } from './define-elements.js';
import './define.js';

afterEach(() => vi.restoreAllMocks());

describe('registration', () => {
  it('registers both tags on import of ./define', () => {
    expect(customElements.get('orgauth-login')).toBe(OrgAuthLogin);
    expect(customElements.get('orgauth-provider')).toBe(OrgAuthProvider);
    expect(document.createElement('orgauth-login')).toBeInstanceOf(OrgAuthLogin);
  });

  it('is idempotent', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(() => defineOrgAuthElements()).not.toThrow();
    expect(() => defineOrgAuthElements()).not.toThrow();
    expect(warn).not.toHaveBeenCalled();
  });

  it('warns once per tag when another version defined it first', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const definedBy = (globalThis as unknown as Record<symbol, Map<string, string>>)[
      Symbol.for('orgauth.elements.definedBy')
    ];
    definedBy?.set('orgauth-login', '0.0.1');
    defineOrgAuthElements();
    defineOrgAuthElements();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain('0.0.1');
  });
});
