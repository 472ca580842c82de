import type { ApiErrorType } from '@orgauth/core/protocol';

/**
 * A failure the client is meant to see: becomes the JSON error envelope with this status and
 * `error_type`. Anything else thrown is a bug and becomes a 500.
 */
export class ApiError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 421 | 429 | 500,
    readonly errorType: ApiErrorType,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Shorthand for a 400 `bad_request` naming the offending field. */
export function badRequest(message: string): ApiError {
  return new ApiError(400, 'bad_request', message);
}

/** True when `error` is a unique-constraint violation on SQLite or PostgreSQL. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}
