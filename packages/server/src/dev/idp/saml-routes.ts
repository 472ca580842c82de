import { randomBytes } from 'node:crypto';
import type { Context, Hono } from 'hono';
import type { Db } from '../../db/schema.js';
import type { AppEnv } from '../../http/index.js';
import type { DevSamlIdp } from './saml-idp.js';
import {
  CHOOSER_CSP,
  chooserCsp,
  readChosenUser,
  renderAutoPost,
  renderIdpError,
  renderUserChooser,
} from './user-chooser.js';

/** The organization behind a connection id, for the sign-in page's wording and demo addresses. */
export async function connectionContext(
  db: Db,
  connectionId: string,
): Promise<{ orgName: string; domain: string } | undefined> {
  const row = await db
    .selectFrom('sso_connections')
    .innerJoin('organizations', 'organizations.id', 'sso_connections.organization_id')
    .select(['organizations.name as name', 'organizations.email_allowed_domains as domains'])
    .where('sso_connections.id', '=', connectionId)
    .executeTakeFirst();
  if (!row) return undefined;
  let domains: unknown = [];
  try {
    domains = JSON.parse(row.domains);
  } catch {
    // Unparseable domains: fall back to the example domain below.
  }
  const first = Array.isArray(domains) && typeof domains[0] === 'string' ? domains[0] : 'example.test';
  return { orgName: row.name, domain: first };
}

function page(c: Context<AppEnv>, html: string, status: 200 | 400 | 404 = 200, csp = CHOOSER_CSP) {
  c.header('Content-Security-Policy', csp);
  c.header('Cache-Control', 'no-store');
  return c.html(html, status);
}

/**
 * The dev SAML IdP's HTTP surface (mounted under `/dev` only with `--dev`): metadata, the sign-in
 * page for an SP's HTTP-Redirect AuthnRequest, and the HTTP-POST of the signed Response to the ACS.
 * `loadIdp` is called per request (the IdP is loaded lazily: dev/idp/dev-idp-routes.ts); `appOrigins`
 * lists where the browser may be redirected after the pages' form posts (their CSP).
 */
export function registerDevSamlRoutes(
  dev: Hono<AppEnv>,
  db: Db,
  loadIdp: () => Promise<DevSamlIdp>,
  appOrigins: () => Promise<string[]>,
): void {
  const xml = (c: Context<AppEnv>, body: string) =>
    c.body(body, 200, { 'Content-Type': 'application/samlmetadata+xml; charset=utf-8', 'Cache-Control': 'no-cache' });
  dev.get('/idp/saml/metadata', async (c) => xml(c, await (await loadIdp()).metadata()));
  dev.get('/idp/saml/:connection_id/metadata', async (c) => {
    const connectionId = c.req.param('connection_id');
    if (!(await connectionContext(db, connectionId)))
      return page(c, renderIdpError(`No SSO connection ${connectionId} on this server.`), 404);
    return xml(c, await (await loadIdp()).metadata(connectionId));
  });

  // Without a connection id (the generic metadata's SSO URL) the page names no organization.
  const describe = async (connectionId: string | undefined) =>
    connectionId === undefined
      ? { orgName: 'the application', domain: 'example.test' }
      : connectionContext(db, connectionId);
  const ssoPath = (connectionId: string | undefined) =>
    connectionId === undefined ? '/dev/idp/saml/sso' : `/dev/idp/saml/${encodeURIComponent(connectionId)}/sso`;

  const showChooser = async (c: Context<AppEnv>, connectionId: string | undefined) => {
    const context = await describe(connectionId);
    if (!context) return page(c, renderIdpError(`No SSO connection ${connectionId ?? ''} on this server.`), 404);
    const samlRequest = c.req.query('SAMLRequest') ?? '';
    try {
      await (await loadIdp()).parseRequest(samlRequest);
    } catch (error) {
      return page(c, renderIdpError(`This is not a usable SAML AuthnRequest: ${(error as Error).message}`), 400);
    }
    const hidden = { SAMLRequest: samlRequest, RelayState: c.req.query('RelayState') ?? '' };
    return page(
      c,
      renderUserChooser({ ...context, protocol: 'SAML', action: ssoPath(connectionId), hidden }),
      200,
      chooserCsp(await appOrigins()),
    );
  };

  const respond = async (c: Context<AppEnv>, connectionId: string | undefined) => {
    const form = await c.req.parseBody();
    if (!(await describe(connectionId)))
      return page(c, renderIdpError(`No SSO connection ${connectionId ?? ''} on this server.`), 404);
    const user = readChosenUser(form);
    if (!user) return page(c, renderIdpError('Choose a person or type an email address.'), 400);
    const idp = await loadIdp();
    let request;
    try {
      request = await idp.parseRequest(typeof form.SAMLRequest === 'string' ? form.SAMLRequest : '');
    } catch (error) {
      return page(c, renderIdpError(`This is not a usable SAML AuthnRequest: ${(error as Error).message}`), 400);
    }
    const fields: Record<string, string> = { SAMLResponse: await idp.createResponse(request, user) };
    if (typeof form.RelayState === 'string' && form.RelayState !== '') fields.RelayState = form.RelayState;
    const { html, csp } = renderAutoPost(
      request.acsUrl,
      fields,
      randomBytes(16).toString('base64'),
      await appOrigins(),
    );
    return page(c, html, 200, csp);
  };

  dev.get('/idp/saml/sso', (c) => showChooser(c, undefined));
  dev.post('/idp/saml/sso', (c) => respond(c, undefined));
  dev.get('/idp/saml/:connection_id/sso', (c) => showChooser(c, c.req.param('connection_id')));
  dev.post('/idp/saml/:connection_id/sso', (c) => respond(c, c.req.param('connection_id')));
}
