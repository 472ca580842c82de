/** Values of the `stytch_token_type` redirect parameter. */
export const TOKEN_TYPES = [
  'discovery',
  'multi_tenant_magic_links',
  'oauth',
  'discovery_oauth',
  'sso',
  'discovery_sso',
  'multi_tenant_impersonation',
  'multi_tenant_passwords',
] as const;
/** One of {@link TOKEN_TYPES}. */
export type TokenType = (typeof TOKEN_TYPES)[number];

/** Redirect URL types of a project's allowlist. */
export const REDIRECT_URL_TYPES = ['login', 'signup', 'invite', 'reset_password', 'discovery'] as const;
/** One of {@link REDIRECT_URL_TYPES}. */
export type RedirectUrlType = (typeof REDIRECT_URL_TYPES)[number];

/** Default cookie names, as the protocol names them, so existing backends keep reading them. */
export const DEFAULT_COOKIE_NAMES = {
  session: 'stytch_session',
  sessionJwt: 'stytch_session_jwt',
  intermediateSession: 'stytch_intermediate_session_token',
} as const;

/** Bounds of `session_duration_minutes` (5 minutes … 366 days). */
export const SESSION_DURATION_MINUTES = { min: 5, max: 527040, default: 60 } as const;

/** Lifetime of a session JWT in seconds. */
export const SESSION_JWT_LIFETIME_SECONDS = 300;

/** Lifetime of an intermediate session token in minutes. */
export const IST_LIFETIME_MINUTES = 10;

/** Organization slug format: 2–128 chars of lowercase letters, digits, `-`, `.`, `_`, `~`. */
export const ORGANIZATION_SLUG_PATTERN = '^[a-z0-9][a-z0-9._~-]{1,127}$';

/** Prefix of SDK (frontend) endpoints. */
export const SDK_PREFIX = '/sdk/v1';
