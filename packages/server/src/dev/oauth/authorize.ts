import type { OAuthProviderType } from '@orgauth/core/protocol';
import type { Context } from 'hono';
import type { AppEnv } from '../../http/index.js';
import { standInClient } from '../../oauth/index.js';
import { chooserCsp } from '../idp/user-chooser.js';
import { CODE_TTL_MS, PENDING_TTL_MS, type StandInGrants } from './grants.js';
import { findStandInPerson } from './people.js';
import { renderPicker, renderStandInError } from './picker.js';

/** What the authorization endpoint of one stand-in needs. */
export interface AuthorizeContext {
  provider: OAuthProviderType;
  grants: StandInGrants;
  /** The server's public URL: the only origin a stand-in redirects back to (its "registered" redirect). */
  publicUrl: string;
  /** Origins the browser may reach by redirect after the picker's form post (CSP form-action). */
  appOrigins: () => Promise<string[]>;
  /** OpenID providers refuse a request without the `openid` scope. */
  openid: boolean;
}

function back(redirectUri: string, params: Record<string, string | undefined>): string {
  const url = new URL(redirectUri);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
  return url.href;
}

function errorPage(c: Context<AppEnv>, provider: OAuthProviderType, message: string) {
  c.header('Content-Security-Policy', chooserCsp([]));
  c.header('Cache-Control', 'no-store');
  return c.html(renderStandInError(provider, message), 400);
}

/**
 * `GET` of the authorization endpoint: checks the client and redirect URI as a real provider does
 * (an unknown client or redirect URI is an error page, never a redirect), then shows the picker.
 * Protocol errors after that (`response_type`, PKCE method, scope) go back to the redirect URI.
 */
export async function showAuthorize(c: Context<AppEnv>, a: AuthorizeContext): Promise<Response> {
  const q = (name: string) => c.req.query(name);
  const redirectUri = q('redirect_uri') ?? '';
  if (q('client_id') !== standInClient(a.provider).clientId) {
    return errorPage(
      c,
      a.provider,
      `Unknown client_id. The stand-in accepts only "${standInClient(a.provider).clientId}".`,
    );
  }
  let origin: string | undefined;
  try {
    origin = new URL(redirectUri).origin;
  } catch {
    origin = undefined;
  }
  if (origin !== new URL(a.publicUrl).origin) {
    return errorPage(c, a.provider, `redirect_uri must be on this server (${new URL(a.publicUrl).origin}).`);
  }
  const state = q('state');
  const fail = (error: string, description: string) =>
    c.redirect(back(redirectUri, { error, error_description: description, state }), 302);
  if (q('response_type') !== 'code') return fail('unsupported_response_type', 'response_type must be code.');
  const challenge = q('code_challenge');
  if (challenge !== undefined && q('code_challenge_method') !== 'S256') {
    return fail('invalid_request', 'code_challenge_method must be S256.');
  }
  const scope = q('scope') ?? '';
  if (a.openid && !scope.split(/[ ,]+/).includes('openid'))
    return fail('invalid_scope', 'The openid scope is required.');
  const requestId = a.grants.issue(
    'pending',
    {
      provider: a.provider,
      clientId: standInClient(a.provider).clientId,
      redirectUri,
      state,
      nonce: q('nonce'),
      scope,
      codeChallenge: challenge,
    },
    PENDING_TTL_MS,
  );
  c.header('Content-Security-Policy', chooserCsp(await a.appOrigins()));
  c.header('Cache-Control', 'no-store');
  return c.html(renderPicker(a.provider, c.req.path, requestId));
}

/** `POST` of the picker: a code for the chosen person, or `error=access_denied` on Cancel. */
export async function answerAuthorize(c: Context<AppEnv>, a: AuthorizeContext): Promise<Response> {
  const form = await c.req.parseBody();
  const text = (key: string) => (typeof form[key] === 'string' ? (form[key] as string) : '');
  const pending = a.grants.take('pending', text('request'));
  if (pending === undefined || pending.provider !== a.provider) {
    return errorPage(
      c,
      a.provider,
      'This sign-in request expired or was already answered. Start again from the application.',
    );
  }
  if (text('cancel') !== '') {
    return c.redirect(back(pending.redirectUri, { error: 'access_denied', state: pending.state }), 303);
  }
  const person = findStandInPerson(a.provider, text('person'));
  if (person === undefined) return errorPage(c, a.provider, 'Pick one of the people listed.');
  const code = a.grants.issue('code', { ...pending, person }, CODE_TTL_MS);
  return c.redirect(back(pending.redirectUri, { code, state: pending.state }), 303);
}
