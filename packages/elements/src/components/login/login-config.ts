import type { LoginConfig, LoginProduct } from '@orgauth/core';
import { OAUTH_PROVIDERS, type OAuthProviderType } from '@orgauth/core/protocol';

const PRODUCTS: readonly LoginProduct[] = ['emailMagicLinks', 'emailOtp', 'sso', 'oauth', 'passwords'];

/** The script tag's attributes that carry configuration, as the element reads them. */
export interface LoginConfigAttributes {
  /** `products`: product names separated by spaces or commas, in the order offered. */
  products?: string | null | undefined;
  /** `auth-flow-type`: `Discovery` or `Organization`. */
  authFlowType?: string | null | undefined;
  /** `session-duration-minutes`: a positive whole number. */
  sessionDurationMinutes?: string | number | null | undefined;
  /** `oauth-providers`: provider names separated by spaces or commas, in the order shown. */
  oauthProviders?: string | null | undefined;
}

/** Known names of `value` (any case), in its order, each once; undefined when it names none. */
function parseNames<T extends string>(value: string | null | undefined, known: readonly T[]): T[] | undefined {
  const wanted = (value ?? '').split(/[\s,]+/).map((name) => name.toLowerCase());
  const names = [...new Set(wanted)].flatMap((name) => known.filter((k) => k.toLowerCase() === name));
  return names.length > 0 ? names : undefined;
}

/**
 * The products an attribute names, known names only, in its order, each once. Names are matched
 * case-insensitively (`emailotp` is `emailOtp`) because attributes are typed by hand; an unknown
 * name is dropped rather than failing the whole login.
 */
export function parseProducts(value: string | null | undefined): LoginProduct[] | undefined {
  return parseNames(value, PRODUCTS);
}

/** The OAuth providers an attribute names (`google microsoft`), like {@link parseProducts}. */
export function parseOAuthProviders(value: string | null | undefined): OAuthProviderType[] | undefined {
  return parseNames(value, OAUTH_PROVIDERS);
}

/** `Discovery` or `Organization` (any case), else undefined. */
export function parseAuthFlowType(value: string | null | undefined): LoginConfig['authFlowType'] {
  const flow = value?.trim().toLowerCase();
  return flow === 'discovery' ? 'Discovery' : flow === 'organization' ? 'Organization' : undefined;
}

/** A positive whole number of minutes, else undefined. */
export function parseMinutes(value: string | number | null | undefined): number | undefined {
  const minutes = typeof value === 'number' ? value : Number(value?.trim() || Number.NaN);
  return Number.isInteger(minutes) && minutes > 0 ? minutes : undefined;
}

/**
 * The configuration a login runs with: the `config` property, with the attributes the page set laid
 * over it (an attribute is the more specific, visible choice in the page's markup).
 */
export function resolveLoginConfig(config: LoginConfig | undefined, attributes: LoginConfigAttributes): LoginConfig {
  const resolved: LoginConfig = { ...config };
  const products = parseProducts(attributes.products);
  const authFlowType = parseAuthFlowType(attributes.authFlowType);
  const sessionDurationMinutes = parseMinutes(attributes.sessionDurationMinutes);
  const providers = parseOAuthProviders(attributes.oauthProviders);
  if (products) resolved.products = products;
  if (providers) resolved.oauthOptions = { ...config?.oauthOptions, providers };
  if (authFlowType) resolved.authFlowType = authFlowType;
  if (sessionDurationMinutes) resolved.sessionOptions = { sessionDurationMinutes };
  return resolved;
}

/**
 * The login's emails in the element's language: a locale pack's tag (`de`) becomes the `locale` of
 * both email products' options, which the send calls pass on (the server picks the mail's words by
 * it); a `locale` the configuration names itself wins.
 */
export function withEmailLocale(config: LoginConfig, locale: string | undefined): LoginConfig {
  if (!locale) return config;
  return {
    ...config,
    emailMagicLinksOptions: { locale, ...config.emailMagicLinksOptions },
    emailOtpOptions: { locale, ...config.emailOtpOptions },
  };
}

/**
 * A key that changes only when the configuration's content does: React renders a new `config`
 * object on every render, and a new login machine would throw the person's progress away.
 */
export function configKey(config: LoginConfig): string {
  return JSON.stringify(config);
}
