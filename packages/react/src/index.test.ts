import { describe, expect, it } from 'vitest';
import * as api from './index.js';

describe('@orgauth/react', () => {
  it('exports one hook for the client (useOrgAuth), the provider and the store hooks, nothing else', () => {
    expect(Object.keys(api).sort()).toEqual(
      [
        'OrgAuthProvider',
        'useAuthStatus',
        'useIsSignedIn',
        'useMember',
        'useOrgAuth',
        'useOrganization',
        'useSession',
      ].sort(),
    );
  });
});
