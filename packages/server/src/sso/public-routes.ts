import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { SsoConnectionsTable } from '../db/schema.js';
import type { SsoRequestsTable } from '../db/schema-sso.js';
import { verifySamlResponse } from './saml/acs.js';
import { spMetadataXml } from './saml/sp.js';
import { completeSsoLogin } from './login.js';
import { peekSsoRequest } from './requests.js';
import { startSso } from './start.js';
import { type AppContext, type AppDeps, type AppEnv, defineRoutes, limitSsoStart } from '../http/index.js';
import { ApiError, apiError } from '../lib/api-error.js';
import { setBindingCookie } from './oidc/callback-routes.js';
import { ssoErrorPage } from './error-page.js';

/** Form bodies the ACS accepts: a signed response is a few KB; 1 MiB bounds memory. */
const MAX_ACS_BODY = 1024 * 1024;

const noStore = (res: Response) => {
  res.headers.set('Cache-Control', 'no-store');
  return res;
};

async function samlConnection(deps: AppDeps, c: AppContext, id: string): Promise<SsoConnectionsTable> {
  const connection =
    id.length > 256
      ? undefined
      : await deps.db
          .selectFrom('sso_connections')
          .selectAll()
          .where('id', '=', id)
          .where('type', '=', 'saml')
          .executeTakeFirst();
  if (connection === undefined) throw apiError('connection_not_found', 'No SAML connection matches this URL.');
  const project = await deps.projects.byId(connection.project_id);
  if (project !== undefined) c.set('project', project);
  return connection;
}

/**
 * A sign-in attempt started at the IdP (no RelayState of ours) gets the project's default login and
 * signup URLs and no PKCE binding. Only reached when the connection opted in to IdP-initiated SSO.
 */
async function unsolicitedRequest(deps: AppDeps, connection: SsoConnectionsTable): Promise<SsoRequestsTable> {
  const now = deps.now();
  return {
    id_hash: '',
    project_id: connection.project_id,
    connection_id: connection.id,
    kind: 'saml',
    saml_request_id: null,
    nonce: null,
    code_verifier: null,
    login_redirect_url: await deps.projects.resolveRedirectUrl(connection.project_id, 'login', undefined),
    signup_redirect_url: await deps.projects.resolveRedirectUrl(connection.project_id, 'signup', undefined),
    pkce_code_challenge: null,
    browser_binding_hash: null,
    discovery: 0,
    created_at: now,
    expires_at: now,
    used_at: now,
  };
}

/**
 * Browser-facing SSO endpoints under `/v1/public` (no API key: a redirect or the IdP brings the
 * browser): the SSO start and its discovery variant (JSON error envelope on refusal), the SAML ACS (HTML error page on refusal,
 * since the browser arrived by a cross-site form POST), and our SP metadata.
 */
export function ssoPublicRoutes(deps: AppDeps): Hono<AppEnv> {
  const pub = defineRoutes();
  pub.get('/sso/start', { action: 'SSOStart' }, async (c) => {
    const q = c.req.query();
    const { url, browserBinding } = await startSso(deps, q, (projectId) => limitSsoStart(c, projectId));
    if (browserBinding !== undefined) setBindingCookie(c, deps.publicUrl, browserBinding.state, browserBinding.secret);
    return noStore(c.redirect(url, 302));
  });
  pub.get('/sso/discovery/start', { action: 'SSODiscoveryStart' }, async (c) => {
    const q = c.req.query();
    const { url, browserBinding } = await startSso(deps, q, (projectId) => limitSsoStart(c, projectId), {
      discovery: true,
    });
    if (browserBinding !== undefined) setBindingCookie(c, deps.publicUrl, browserBinding.state, browserBinding.secret);
    return noStore(c.redirect(url, 302));
  });

  // The limit holds for chunked bodies too (no Content-Length to trust).
  const limit = bodyLimit({
    maxSize: MAX_ACS_BODY,
    onError: (c) => ssoErrorPage(c, apiError('request_too_large', 'The SAML response is too large.'), undefined),
  });
  pub.post('/sso/saml/:connection_id/acs', { action: 'SSOSAMLACS' }, limit, async (c) => {
    let loginUrl: string | undefined;
    try {
      const connection = await samlConnection(deps, c, c.req.param('connection_id'));
      const form = await c.req.parseBody();
      const samlResponse = typeof form.SAMLResponse === 'string' ? form.SAMLResponse : '';
      const relayState = typeof form.RelayState === 'string' ? form.RelayState : '';
      loginUrl = (await peekSsoRequest(deps.db, relayState, connection.id))?.login_redirect_url;
      const { request, identity } = await verifySamlResponse(deps, connection, samlResponse, relayState);
      const redirect = await completeSsoLogin(deps, {
        request: request ?? (await unsolicitedRequest(deps, connection)),
        connection,
        ...identity,
        now: deps.now(),
      });
      return noStore(c.redirect(redirect, 303));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      return ssoErrorPage(c, error, loginUrl);
    }
  });

  pub.get('/sso/saml/:connection_id/metadata', { action: 'SSOSAMLMetadata' }, async (c) => {
    const connection = await samlConnection(deps, c, c.req.param('connection_id'));
    return c.body(spMetadataXml(deps.publicUrl, connection), 200, {
      'Content-Type': 'application/samlmetadata+xml; charset=utf-8',
    });
  });
  return pub.app;
}
