import type {
  MagicLinkAuthenticateRequest,
  MagicLinkAuthenticateResponse,
  MagicLinkLoginOrSignupRequest,
} from '../protocol/email-auth-types.js';
import type { MagicLinkInviteRequest, MemberResponse } from '../protocol/member-types.js';
import type {
  CommonResponse,
  DiscoveryAuthenticateResponse,
  DiscoveryMagicLinkAuthenticateRequest,
  DiscoverySendRequest,
} from '../protocol/types.js';
import { isOrgAuthApiError } from '../errors.js';
import { createPkceStore, type PkceNamespace } from '../pkce.js';
import type { FlowDeps, WithUndefined } from './deps.js';

/** Options of `magicLinks.email.discovery.send` (Stytch's `B2BMagicLinksEmailDiscoverySendOptions`). */
export interface DiscoverySendOptions extends WithUndefined<Omit<DiscoverySendRequest, 'pkce_code_challenge'>> {
  /** Overrides the client's `redirectUrls.discovery`; must be on the project's allowlist. */
  discovery_redirect_url?: string | undefined;
}

/** Options of `magicLinks.discovery.authenticate`. */
export interface DiscoveryMagicLinkAuthenticateOptions {
  discovery_magic_links_token: string;
}

/** Options of `magicLinks.email.loginOrSignup` (Stytch's `B2BMagicLinkLoginOrSignupOptions`). */
export interface MagicLinkLoginOrSignupOptions
  extends WithUndefined<Omit<MagicLinkLoginOrSignupRequest, 'pkce_code_challenge'>> {
  /** Where an existing member lands; default the client's `redirectUrls.login`, else the project's default. */
  login_redirect_url?: string | undefined;
  /** Where a new member lands; default the client's `redirectUrls.signup`, else the project's default. */
  signup_redirect_url?: string | undefined;
}

/** Options of `magicLinks.email.invite` (Stytch's `B2BMagicLinksInviteOptions`). */
export type MagicLinkInviteOptions = MagicLinkInviteRequest;

/** Options of `magicLinks.authenticate` (Stytch's `B2BMagicLinksAuthenticateOptions`). */
export interface MagicLinkAuthenticateOptions {
  magic_links_token: string;
  /** Length of the session; default the client's `sessionDurationMinutes`. */
  session_duration_minutes?: number | undefined;
  locale?: string | undefined;
}

/**
 * Email magic links. Links this client asks for carry a PKCE challenge: they only work in the browser
 * that asked, so a link minted by an attacker cannot sign a victim in to the attacker's account.
 * Invite links are minted by a member or a backend without a challenge, and open in any browser.
 */
export function createMagicLinksFlow({
  http,
  session,
  platform,
  publicToken,
  redirectUrls,
  sessionDurationMinutes,
}: FlowDeps) {
  const pkce = createPkceStore(platform, publicToken);
  // One `magic_links` pair for every link this browser asks for (docs/wire-protocol.md §2.9); kept for a resend.
  const challenge = async () => (await pkce.getOrCreate('magic_links')).code_challenge;
  // The stored verifier, if any: the server accepts one on a link minted without a challenge (an invite).
  const withVerifier = <T extends { pkce_code_verifier?: string | undefined }>(body: T): T => {
    const pair = pkce.get('magic_links');
    if (pair) body.pkce_code_verifier = pair.code_verifier;
    return body;
  };
  return {
    email: {
      /**
       * Emails a sign-in link for one organization: a login link to a member, a signup link to an
       * address the organization admits by just-in-time provisioning, nothing to anyone else (the
       * answer is the same, so it tells no one who is a member).
       * @throws {OrgAuthApiError} e.g. `organization_not_found`, `invalid_redirect_url`, `too_many_requests`.
       */
      async loginOrSignup(options: MagicLinkLoginOrSignupOptions): Promise<CommonResponse> {
        const body: WithUndefined<MagicLinkLoginOrSignupRequest> = {
          ...options,
          pkce_code_challenge: await challenge(),
        };
        const login = options.login_redirect_url ?? redirectUrls.login;
        const signup = options.signup_redirect_url ?? redirectUrls.signup;
        if (login) body.login_redirect_url = login;
        if (signup) body.signup_redirect_url = signup;
        return http.post<CommonResponse>('/b2b/magic_links/email/login_or_signup', body);
      },
      /**
       * Invites a person to the session's organization: an `invited` member, and an email with a link
       * that signs them in (any browser: an invite carries no PKCE challenge).
       * @throws {OrgAuthApiError} `unauthorized_action` without `stytch.member` `create`, or for a role
       * the caller may not grant; `duplicate_member_email`, `invalid_email`…
       * @example
       * await client.magicLinks.email.invite({ email_address: 'grace@acme.test', roles: ['stytch_admin'] });
       */
      invite: (options: MagicLinkInviteOptions): Promise<MemberResponse> =>
        http.post('/b2b/magic_links/email/invite', options),
      discovery: {
        /** Emails a discovery magic link; the same PKCE pair is reused for a resend. */
        async send(options: DiscoverySendOptions): Promise<CommonResponse> {
          const body: WithUndefined<DiscoverySendRequest> = { ...options, pkce_code_challenge: await challenge() };
          const redirect = options.discovery_redirect_url ?? redirectUrls.discovery;
          if (redirect !== undefined) body.discovery_redirect_url = redirect;
          return http.post<CommonResponse>('/b2b/magic_links/email/discovery/send', body);
        },
      },
    },
    /**
     * Signs in with an organization link: a login, signup or invite link. An invite turns the member
     * from `invited` to `active`.
     * @throws {OrgAuthApiError} `magic_link_not_found` for a used or expired link, `pkce_mismatch`
     * when the link was requested from another browser.
     */
    async authenticate(options: MagicLinkAuthenticateOptions): Promise<MagicLinkAuthenticateResponse> {
      const body: WithUndefined<MagicLinkAuthenticateRequest> = {
        ...options,
        session_duration_minutes: options.session_duration_minutes ?? sessionDurationMinutes,
      };
      const send = (namespace: PkceNamespace) =>
        http.post<MagicLinkAuthenticateResponse>('/b2b/magic_links/authenticate', {
          ...body,
          pkce_code_verifier: pkce.get(namespace)?.code_verifier,
        });
      // A password reset that must verify the email first comes back as a magic link minted with the
      // `passwords` challenge: that pair is tried first, then, on a PKCE refusal, the `magic_links`
      // one (docs/wire-protocol.md §2.9). The pair that worked is cleared.
      let namespace: PkceNamespace = pkce.get('passwords') ? 'passwords' : 'magic_links';
      let response: MagicLinkAuthenticateResponse;
      try {
        response = await send(namespace);
      } catch (error) {
        if (namespace === 'magic_links' || !isOrgAuthApiError(error) || !error.errorType.startsWith('pkce'))
          throw error;
        response = await send((namespace = 'magic_links'));
      }
      pkce.clear(namespace);
      return session.applyAuthenticateResponse(response);
    },
    discovery: {
      /**
       * Exchanges a discovery link token for an intermediate session and the organizations found.
       * @throws {OrgAuthApiError} `magic_link_not_found` for a used or expired link, `pkce_mismatch`
       * when the link was requested from another browser.
       */
      async authenticate(options: DiscoveryMagicLinkAuthenticateOptions): Promise<DiscoveryAuthenticateResponse> {
        const body = withVerifier<DiscoveryMagicLinkAuthenticateRequest>({
          discovery_magic_links_token: options.discovery_magic_links_token,
        });
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
