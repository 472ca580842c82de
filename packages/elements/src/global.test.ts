import { describe, expect, it } from 'vitest';
import { VERSION } from './version.js';

describe('script-tag entry', () => {
  it('registers the elements and exposes window.OrgAuth', async () => {
    await import('./global.js');
    expect(customElements.get('orgauth-login')).toBe(window.OrgAuth.OrgAuthLogin);
    expect(customElements.get('orgauth-provider')).toBe(window.OrgAuth.OrgAuthProvider);
    expect(window.OrgAuth.version).toBe(VERSION);
    expect(window.OrgAuth.suggestSlug('Acme Inc.')).toBe('acme-inc');
    expect(window.OrgAuth.selectIsSignedIn({ status: 'signed-out' })).toBe(false);
    const client = window.OrgAuth.createB2BClient({
      publicToken: 'public-token-test-x',
      baseUrl: 'https://auth.example.test',
    });
    expect(client.store.getState().status).not.toBe('signed-in');
    client.destroy();
  });
});
