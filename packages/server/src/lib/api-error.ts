import { API_ERRORS, type ApiErrorStatus, type ApiErrorType } from '@orgauth/core/protocol';

/**
 * A failure the client is meant to see: becomes the JSON error envelope with its `error_type` and the
 * one status the catalogue gives that type (`API_ERRORS` in @orgauth/core/protocol). Anything else
 * thrown is a bug and becomes a 500.
 */
export class ApiError extends Error {
  readonly status: ApiErrorStatus;

  constructor(
    readonly errorType: ApiErrorType,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = API_ERRORS[errorType];
  }
}

/** An {@link ApiError} of `errorType`, whose status comes from the catalogue: `throw apiError('member_not_found', '…')`. */
export function apiError(errorType: ApiErrorType, message: string): ApiError {
  return new ApiError(errorType, message);
}

/** Shorthand for a 400 `bad_request` naming the offending field. */
export function badRequest(message: string): ApiError {
  return new ApiError('bad_request', message);
}

/** True when `error` is a unique-constraint violation on SQLite or PostgreSQL. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}
