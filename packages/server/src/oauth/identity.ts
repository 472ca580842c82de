import { decodeJwt } from 'jose';
import type { AppDeps } from '../http/index.js';
import { verifyIdToken } from '../sso/index.js';
import {
  discoveredJwksUri,
  exchangeCode,
  providerJson,
  type ProviderTokens,
  refused,
  userApi,
} from './provider-http.js';
import type { ResolvedProvider } from './providers.js';

/** Who the provider says signed in. Every field comes from a verified ID token or the provider's API. */
export interface OAuthIdentity {
  /** The provider's stable subject: the only key an identity is found by (docs/security.md O17). */
  subject: string;
  /** Set only when the provider vouches the address is verified; otherwise undefined (TEN-02). */
  email: string | undefined;
  /** The address the provider sent, verified or not (for the refusal's words only). */
  claimedEmail: string | undefined;
  name: string;
  pictureUrl: string | null;
  locale: string | null;
  /** Google `hd`, Microsoft `tid`, Slack team, HubSpot portal; null for GitHub (a list). */
  tenant: string | null;
  /** Every tenant the identity belongs to: the one above, or GitHub organization ids. */
  tenantIds: string[];
  tokens: ProviderTokens;
}

const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
const idStr = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) ? String(v) : str(v));
const TENANT_ID = /^[A-Za-z0-9._-]{1,128}$/;

/**
 * Google and Microsoft: the ID token verified with the provider's keys (sso/oidc/id-token.ts: signature,
 * `alg`, `iss`, `aud` = our client id, `exp`/`iat`, `nonce` = this attempt's). Microsoft's issuer is the
 * template with `{tenantid}` replaced by the token's own `tid` (docs/security.md O17), so a token of
 * tenant A claiming tenant B's issuer fails. Google's email counts only with `email_verified: true`;
 * Microsoft's only with `xms_edov: true` (the domain owner verified it), never by `email` alone (nOAuth).
 */
async function openIdIdentity(deps: AppDeps, p: ResolvedProvider, tokens: ProviderTokens, nonce: string) {
  if (tokens.idToken === '') throw refused(p, 'no ID token came with the code exchange');
  const template = p.endpoints.issuer ?? '';
  let issuer = template;
  if (template.includes('{tenantid}')) {
    let tid: unknown;
    try {
      tid = decodeJwt(tokens.idToken).tid;
    } catch {
      throw refused(p, 'the ID token is not a JWT');
    }
    if (typeof tid !== 'string' || !TENANT_ID.test(tid)) throw refused(p, 'the ID token names no tenant (tid)');
    issuer = template.replaceAll('{tenantid}', tid);
  }
  const claims = await verifyIdToken(tokens.idToken, {
    issuer,
    clientId: p.clientId,
    jwksUrl: await discoveredJwksUri(deps, p),
    nonce,
    now: deps.now(),
    egress: deps.idpEgress,
  });
  const microsoft = p.provider === 'microsoft';
  const claimedEmail = str(claims.email)?.toLowerCase();
  const verified = microsoft ? claims.xms_edov === true : claims.email_verified === true;
  const tenant = microsoft ? (str(claims.tid) ?? null) : (str(claims.hd)?.toLowerCase() ?? null);
  return {
    subject: claims.sub,
    email: verified ? claimedEmail : undefined,
    claimedEmail,
    name: str(claims.name) ?? '',
    pictureUrl: str(claims.picture) ?? null,
    locale: str(claims.locale) ?? null,
    tenant,
    tenantIds: tenant === null ? [] : [tenant],
    tokens,
  };
}

/**
 * GitHub: `/user` (subject = the numeric user id, stable across renames), `/user/emails` (only the
 * address that is both `primary` and `verified` counts), `/user/orgs` (tenants = the organizations'
 * numeric ids: a login can be renamed and then registered by someone else, an id cannot).
 */
async function githubIdentity(deps: AppDeps, p: ResolvedProvider, tokens: ProviderTokens) {
  const apis = p.endpoints.apis;
  const user = await userApi(deps, p, apis.user ?? '', tokens.accessToken);
  const emails = await userApi(deps, p, apis.emails ?? '', tokens.accessToken);
  const orgs = await userApi(deps, p, apis.orgs ?? '', tokens.accessToken);
  const subject = idStr(user.id);
  if (subject === undefined) throw refused(p, 'the user has no id');
  const list = (Array.isArray(emails.items) ? emails.items : []) as Record<string, unknown>[];
  const primary = list.find((e) => e.primary === true);
  const claimedEmail = str(primary?.email)?.toLowerCase();
  const tenantIds = ((Array.isArray(orgs.items) ? orgs.items : []) as Record<string, unknown>[])
    .map((o) => idStr(o.id))
    .filter((id): id is string => id !== undefined)
    .slice(0, 200);
  return {
    subject,
    email: primary?.verified === true ? claimedEmail : undefined,
    claimedEmail,
    name: str(user.name) ?? str(user.login) ?? '',
    pictureUrl: str(user.avatar_url) ?? null,
    locale: null,
    tenant: null,
    tenantIds,
    tokens,
  };
}

/** Slack: OpenID Connect's `openid.connect.userInfo` (`email_verified`, `https://slack.com/team_id`). */
async function slackIdentity(deps: AppDeps, p: ResolvedProvider, tokens: ProviderTokens) {
  const info = await userApi(deps, p, p.endpoints.apis.userinfo ?? '', tokens.accessToken);
  if (info.ok === false) throw refused(p, `userInfo failed (${String(info.error ?? '')})`);
  const subject = str(info.sub);
  if (subject === undefined) throw refused(p, 'userInfo has no subject');
  const claimedEmail = str(info.email)?.toLowerCase();
  const tenant = str(info['https://slack.com/team_id']) ?? null;
  return {
    subject,
    email: info.email_verified === true ? claimedEmail : undefined,
    claimedEmail,
    name: str(info.name) ?? '',
    pictureUrl: str(info.picture) ?? null,
    locale: str(info.locale) ?? null,
    tenant,
    tenantIds: tenant === null ? [] : [tenant],
    tokens,
  };
}

/**
 * HubSpot: the access-token info API (`user`, `user_id`, `hub_id`). Its `user` counts as verified:
 * it is the HubSpot login, and HubSpot lets nobody sign in before confirming that address by email.
 */
async function hubspotIdentity(deps: AppDeps, p: ResolvedProvider, tokens: ProviderTokens) {
  const url = (p.endpoints.apis.tokenInfo ?? '').replace('{token}', encodeURIComponent(tokens.accessToken));
  // The token info API takes the token in its path, not as a bearer header.
  const info = await providerJson(deps, p, url);
  const subject = idStr(info.user_id);
  if (subject === undefined) throw refused(p, 'the token info has no user_id');
  const email = str(info.user)?.toLowerCase();
  const tenant = idStr(info.hub_id) ?? null;
  return {
    subject,
    email,
    claimedEmail: email,
    name: '',
    pictureUrl: null,
    locale: null,
    tenant,
    tenantIds: tenant === null ? [] : [tenant],
    tokens: { ...tokens, scopes: tokens.scopes.length > 0 ? tokens.scopes : strings(info.scopes) },
  };
}

const strings = (v: unknown) => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);

/**
 * Redeems the code and reads who signed in, per provider.
 * @throws ApiError 400 `oauth_response_invalid` (and those of the ID token check)
 */
export async function readIdentity(
  deps: AppDeps,
  p: ResolvedProvider,
  code: string,
  verifier: string,
  nonce: string,
): Promise<OAuthIdentity> {
  const tokens = await exchangeCode(deps, p, code, verifier);
  let identity: OAuthIdentity;
  switch (p.provider) {
    case 'google':
    case 'microsoft':
      identity = await openIdIdentity(deps, p, tokens, nonce);
      break;
    case 'github':
      identity = await githubIdentity(deps, p, tokens);
      break;
    case 'slack':
      identity = await slackIdentity(deps, p, tokens);
      break;
    case 'hubspot':
      identity = await hubspotIdentity(deps, p, tokens);
      break;
  }
  if (identity.subject.length > 512) throw refused(p, 'the subject is too long');
  if (identity.email !== undefined && (identity.email.length > 254 || !/^[^\s@]+@[^\s@]+$/.test(identity.email)))
    identity.email = undefined;
  return identity;
}
