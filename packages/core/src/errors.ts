import type { ApiErrorType } from './protocol/errors.js';

/** Stable codes of every error the client throws. */
export type OrgAuthErrorCode =
  | 'api_error' // the server answered with the error envelope; see `errorType`
  | 'network_error' // fetch rejected, or the body was not JSON / not the envelope
  | 'invalid_usage' // the caller passed bad options or called out of order
  | 'no_session' // the call needs a session or intermediate session and none exists
  | 'redirect_error' // the URL had no token, or a token type we do not handle
  | 'no_sso_connection' // no active SSO connection serves the email's domain
  | 'no_pkce_verifier'; // an SSO token arrived in a browser that holds no PKCE verifier: it did not start that sign-in

const BRAND = Symbol.for('orgauth.error');

/** Base class of every error the SDK throws. Check with {@link isOrgAuthError}, not `instanceof`. */
export class OrgAuthError extends Error {
  readonly [BRAND] = true;
  constructor(
    readonly code: OrgAuthErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'OrgAuthError';
  }
}

/** The server refused the call; `errorType` is the envelope's `error_type`. */
export class OrgAuthApiError extends OrgAuthError {
  constructor(
    readonly errorType: ApiErrorType,
    readonly statusCode: number,
    readonly requestId: string | undefined,
    message: string,
  ) {
    super('api_error', message);
    this.name = 'OrgAuthApiError';
  }
}

/**
 * True when `e` is an OrgAuth error (optionally of one `code`). Uses a global symbol brand because
 * `instanceof` fails when two copies of the package end up in one bundle.
 */
export function isOrgAuthError(e: unknown, code?: OrgAuthErrorCode): e is OrgAuthError {
  return (
    typeof e === 'object' &&
    e !== null &&
    (e as Record<symbol, unknown>)[BRAND] === true &&
    (code === undefined || (e as OrgAuthError).code === code)
  );
}

/** True when `e` is an API error (optionally of one `errorType`). */
export function isOrgAuthApiError(e: unknown, errorType?: ApiErrorType): e is OrgAuthApiError {
  return isOrgAuthError(e, 'api_error') && (errorType === undefined || (e as OrgAuthApiError).errorType === errorType);
}
