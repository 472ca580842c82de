import type { PkceStore } from '../pkce.js';
import type {
  PasswordDiscoveryAuthenticateRequest,
  PasswordDiscoveryResetByEmailRequest,
  PasswordDiscoveryResetByEmailStartRequest,
  PasswordDiscoveryResponse,
} from '../protocol/password-types.js';
import type { CommonResponse } from '../protocol/types.js';
import type { FlowDeps, WithUndefined } from './deps.js';
import { withIst } from './ist.js';

/** Options of `passwords.discovery.authenticate` (Stytch's `B2BPasswordDiscoveryAuthenticateOptions`). */
export type PasswordDiscoveryAuthenticateOptions = Omit<PasswordDiscoveryAuthenticateRequest, 'code_verifier'>;
/** Options of `passwords.discovery.resetByEmailStart` (Stytch's `B2BPasswordDiscoveryResetByEmailStartOptions`). */
export type PasswordDiscoveryResetByEmailStartOptions = WithUndefined<
  Omit<PasswordDiscoveryResetByEmailStartRequest, 'pkce_code_challenge'>
>;
/** Options of `passwords.discovery.resetByEmail` (Stytch's `B2BPasswordDiscoveryResetByEmailOptions`). */
export type PasswordDiscoveryResetByEmailOptions = Pick<
  PasswordDiscoveryResetByEmailRequest,
  'password_reset_token' | 'password'
>;

/**
 * Passwords without an organization (`passwords.discovery`): a password is per email within the
 * project, so it proves the address as a discovery link does, and the organization chooser follows
 * (the intermediate state). Same `passwords` PKCE pair as the organization resets, spelled with the
 * `pkce_` prefix on these routes (docs/wire-protocol.md §2.9).
 */
export function createPasswordsDiscovery(
  { http, session, redirectUrls }: FlowDeps,
  pkce: PkceStore,
  challenge: () => Promise<string | undefined>,
) {
  // As `passwords.authenticate`: a wrong password leaves the session as it is.
  const discovered = async (path: string, body: object) =>
    session.applyDiscoveryResponse(
      await http.request<PasswordDiscoveryResponse>('POST', path, body, { sessionErrors: false }),
    );
  return {
    /**
     * Proves the email with its password: an intermediate session and the organizations found.
     * @throws {OrgAuthApiError} `unauthorized_credentials` for a wrong email or password, `reset_password`.
     */
    authenticate: (options: PasswordDiscoveryAuthenticateOptions): Promise<PasswordDiscoveryResponse> =>
      discovered('/b2b/passwords/discovery/authenticate', {
        email_address: options.email_address,
        password: options.password,
        code_verifier: pkce.get('passwords')?.code_verifier,
      }),
    /**
     * Emails a reset link leading back to discovery (default the client's `redirectUrls.discovery`);
     * the same answer whether or not the address has a password.
     */
    async resetByEmailStart(options: PasswordDiscoveryResetByEmailStartOptions): Promise<CommonResponse> {
      return http.post('/b2b/passwords/discovery/reset/start', {
        ...options,
        discovery_redirect_url: options.discovery_redirect_url ?? redirectUrls.discovery,
        pkce_code_challenge: await challenge(),
      });
    },
    /**
     * Sets the new password with the mail's token: the email is proven, the organization chooser follows.
     * @throws {OrgAuthApiError} `unable_to_auth_magic_link`, `pkce_mismatch`, `weak_password`, `breached_password`.
     */
    async resetByEmail(options: PasswordDiscoveryResetByEmailOptions): Promise<PasswordDiscoveryResponse> {
      const body = withIst(session, { ...options, pkce_code_verifier: pkce.get('passwords')?.code_verifier });
      const response = await discovered('/b2b/passwords/discovery/reset', body);
      pkce.clear('passwords');
      return response;
    },
  };
}
