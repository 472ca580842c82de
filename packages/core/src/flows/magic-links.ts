import type {
  CommonResponse,
  DiscoveryAuthenticateResponse,
  DiscoveryMagicLinkAuthenticateRequest,
  DiscoverySendRequest,
} from '../protocol/types.js';
import type { FlowDeps } from './deps.js';

/** Options of `magicLinks.email.discovery.send`. */
export interface DiscoverySendOptions {
  email_address: string;
  /** Overrides the client's `redirectUrls.discovery`; must be on the project's allowlist. */
  discovery_redirect_url?: string;
}

/** Options of `magicLinks.discovery.authenticate`. */
export interface DiscoveryMagicLinkAuthenticateOptions {
  discovery_magic_links_token: string;
}

/**
 * Email magic links, discovery flavour. PKCE is always on: the link only works in the browser that
 * asked for it, so a link minted by an attacker cannot sign a victim in to the attacker's account.
 */
export function createMagicLinksFlow({ http, session, pkce, redirectUrls }: FlowDeps) {
  return {
    email: {
      discovery: {
        /** Emails a discovery magic link; the same PKCE pair is reused for a resend. */
        async send(options: DiscoverySendOptions): Promise<CommonResponse> {
          const { code_challenge } = await pkce.getOrCreate('magic_links');
          const body: DiscoverySendRequest = {
            email_address: options.email_address,
            pkce_code_challenge: code_challenge,
          };
          const redirect = options.discovery_redirect_url ?? redirectUrls.discovery;
          if (redirect !== undefined) body.discovery_redirect_url = redirect;
          return http.post<CommonResponse>('/b2b/magic_links/email/discovery/send', body);
        },
      },
    },
    discovery: {
      /**
       * Exchanges a discovery link token for an intermediate session and the organizations found.
       * @throws {OrgAuthApiError} `magic_link_not_found` for a used or expired link, `pkce_mismatch`
       * when the link was requested from another browser.
       */
      async authenticate(options: DiscoveryMagicLinkAuthenticateOptions): Promise<DiscoveryAuthenticateResponse> {
        const body: DiscoveryMagicLinkAuthenticateRequest = {
          discovery_magic_links_token: options.discovery_magic_links_token,
        };
        const pair = pkce.get('magic_links');
        if (pair) body.pkce_code_verifier = pair.code_verifier;
        const response = await http.post<DiscoveryAuthenticateResponse>(
          '/b2b/magic_links/discovery/authenticate',
          body,
        );
        pkce.clear('magic_links');
        return session.applyDiscoveryResponse(response);
      },
    },
  };
}

/** The magic-links flow. */
export type MagicLinksFlow = ReturnType<typeof createMagicLinksFlow>;
