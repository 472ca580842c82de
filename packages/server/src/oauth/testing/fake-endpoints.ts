import type { OAuthProviderType } from '@orgauth/core/protocol';
import type { ProviderEndpoints } from '../endpoints.js';

/** The person a fake provider signs in (no login page: every authorization is granted as them). */
export interface FakePerson {
  sub: string;
  email: string;
  /** Google `email_verified`, GitHub primary `verified`, Slack `email_verified`. */
  verified: boolean;
  name?: string;
  /** Google Workspace domain. */
  hd?: string;
  /** Microsoft tenant and `xms_edov`. */
  tid?: string;
  xmsEdov?: boolean;
  /** GitHub organizations. */
  orgs?: { id: number; login: string }[];
  /** Slack team / HubSpot portal. */
  team?: string;
  hub?: number;
}

export /** Endpoints of every provider on the fake at `origin` (the shapes of endpoints.ts). */
function endpointsAt(origin: string): Record<OAuthProviderType, ProviderEndpoints> {
  const at = (p: string) => ({ authorizationUrl: `${origin}/${p}/authorize`, tokenUrl: `${origin}/${p}/token` });
  return {
    google: {
      ...at('google'),
      discoveryUrl: `${origin}/google/.well-known/openid-configuration`,
      issuer: `${origin}/google`,
      apis: {},
    },
    microsoft: {
      ...at('microsoft'),
      discoveryUrl: `${origin}/microsoft/.well-known/openid-configuration`,
      issuer: `${origin}/microsoft/{tenantid}/v2.0`,
      apis: {},
    },
    github: {
      ...at('github'),
      apis: {
        user: `${origin}/github/user`,
        emails: `${origin}/github/user/emails`,
        orgs: `${origin}/github/user/orgs`,
      },
    },
    slack: { ...at('slack'), apis: { userinfo: `${origin}/slack/userinfo` } },
    hubspot: { ...at('hubspot'), apis: { tokenInfo: `${origin}/hubspot/access-tokens/{token}` } },
  };
}
