import { OrgAuthError } from '../errors.js';
import type { EmailActionContext } from './login-email.js';
import type { OAuthActionContext } from './login-oauth.js';
import type { LoginController } from './login-types.js';

/** What the SSO actions use of the controller (login-controller.ts). */
export type SsoActionContext = OAuthActionContext & Pick<EmailActionContext, 'valid'>;

/** The SSO actions of a login controller. */
export type SsoActions = Pick<LoginController, 'openSsoEmail' | 'submitSsoEmail' | 'startSso'>;

/**
 * "Continue with SSO": the step that finds the connection by the email's domain, and the start that
 * leaves for the identity provider. On an organization's page the start signs in to it; from the
 * discovery page (no organization behind the SSO step) it comes back to the organization chooser.
 * One connection found is started at once, several are offered, none is an error on the step.
 */
export function createSsoActions({ client, config, state, dispatch, attempt, valid }: SsoActionContext): SsoActions {
  const actions: SsoActions = {
    openSsoEmail: () => void (config.products.includes('sso') && dispatch({ type: 'SSO_EMAIL_OPENED' })),

    async submitSsoEmail(input) {
      const email = input.trim();
      if (!dispatch({ type: 'SSO_EMAIL_SUBMITTED', email }) || !valid(email)) return;
      await attempt(async () => {
        const { connections } = await client.sso.discoverConnections(email);
        // Messages stay terse (the size budget): UIs word errors by `code` / `errorType`, not by message.
        if (!connections[0]) throw new OrgAuthError('no_sso_connection', email);
        if (connections[1]) return dispatch({ type: 'SSO_CONNECTIONS_FOUND', connections });
        await actions.startSso(connections[0].connection_id);
      });
    },

    async startSso(connection_id) {
      // "Continue with SSO" on the discovery page (no organization's page behind it) comes back to the chooser.
      const page = state();
      const start = page.step === 'sso-email' && !page.flow ? client.sso.discovery.start : client.sso.start;
      if (!dispatch({ type: 'SSO_STARTED' })) return;
      await attempt(() =>
        start({
          connection_id,
          beforeNavigate: (url) => {
            const navigate = config.beforeNavigate?.(url) !== false;
            // Leaving is certain only now; when the page routes itself, it gets its screen back.
            dispatch(navigate ? { type: 'SSO_REDIRECTING', connectionId: connection_id } : { type: 'SSO_CANCELED' });
            return navigate;
          },
        }),
      );
    },
  };
  return actions;
}
