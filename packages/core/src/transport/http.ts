import { OrgAuthApiError, OrgAuthError } from '../errors.js';
import type { Platform } from '../platform/types.js';
import { SDK_PREFIX } from '../protocol/constants.js';
import { isErrorEnvelope } from '../protocol/errors.js';
import { telemetryHeader, type TelemetryIds } from './telemetry.js';

/** What the transport needs from the client; the token getters are read at call time. */
export interface HttpTransportOptions {
  baseUrl: string;
  publicToken: string;
  platform: Platform;
  /** The opaque session token, when signed in; it becomes the Basic-auth password. */
  getSessionToken(): string | undefined;
  /** Ids for the telemetry header. */
  getTelemetryIds?(): TelemetryIds;
  /**
   * Called with every API error before it is thrown, and the session token the request carried
   * (undefined when it carried none): the session manager clears on unrecoverable ones, but only
   * while the cookie still holds that token.
   */
  onApiError?(error: OrgAuthApiError, sentToken: string | undefined): void;
}

/** HTTP methods the SDK endpoints use. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** Options of one request. */
export interface RequestOptions {
  /**
   * False for a call whose `unauthorized_credentials` means wrong credentials in its body (a
   * password), not an ended session: the error is not reported to `onApiError`, so the session and
   * the intermediate session stay. Default true.
   */
  sessionErrors?: boolean;
}

/** Calls SDK endpoints (`<baseUrl>/sdk/v1<path>`) and unwraps `{ data }`. */
export interface HttpTransport {
  /**
   * Sends one request and resolves with the response's `data`.
   * @throws {OrgAuthApiError} when the server answers with the error envelope.
   * @throws {OrgAuthError} `network_error` when the server cannot be reached or answers something else.
   */
  request<T>(method: HttpMethod, path: string, body?: object, options?: RequestOptions): Promise<T>;
  /** `request('GET', path)`. */
  get<T>(path: string): Promise<T>;
  /** `request('POST', path, body)`; no body is sent when `body` is undefined. */
  post<T>(path: string, body?: object): Promise<T>;
  /** `request('PUT', path, body)`; no body is sent when `body` is undefined. */
  put<T>(path: string, body?: object): Promise<T>;
  /** `request('DELETE', path)`. */
  delete<T>(path: string): Promise<T>;
}

/** Creates the transport; headers follow docs/wire-protocol.md §1.2 exactly. */
export function createHttpTransport(options: HttpTransportOptions): HttpTransport {
  const { platform, publicToken } = options;
  const root = options.baseUrl.replace(/\/+$/, '');

  const headers = (token: string | undefined): Record<string, string> => {
    const href = platform.location.href();
    // An unparsable location only leaves the page's host out of the headers; it never fails a request.
    const page = URL.canParse(href) ? new URL(href) : null;
    return {
      Authorization: `Basic ${btoa(`${publicToken}:${token || publicToken}`)}`,
      'Content-Type': 'application/json',
      'X-SDK-Client': telemetryHeader(platform, options.getTelemetryIds?.() ?? {}, page?.hostname ?? ''),
      'X-SDK-Parent-Host': page?.origin ?? '',
    };
  };

  const invalid = (status: number) => new OrgAuthError('network_error', `Invalid response (${status}).`);

  const request = async <T>(method: HttpMethod, path: string, body?: object, opts?: RequestOptions): Promise<T> => {
    // Read once: the token in the header is the one an error is reported against.
    const token = options.getSessionToken();
    // No Referer: the page URL may still carry a one-time token or other secrets of the app.
    const init: RequestInit = {
      method,
      headers: headers(token),
      credentials: 'include',
      referrerPolicy: 'no-referrer',
    };
    if (body !== undefined) init.body = JSON.stringify(body);
    let response: Response;
    try {
      response = await platform.fetch(`${root}${SDK_PREFIX}${path}`, init);
    } catch (cause) {
      throw new OrgAuthError('network_error', 'Network error.', { cause });
    }
    // A body that is not JSON reads as null: an invalid response either way.
    const json: unknown = await response.json().catch(() => null);
    if (response.ok && typeof json === 'object' && json !== null && 'data' in json) return (json as { data: T }).data;
    if (response.ok || !isErrorEnvelope(json)) throw invalid(response.status);
    const error = new OrgAuthApiError(json.error_type, json.status_code, json.request_id, json.error_message);
    if (opts?.sessionErrors !== false) options.onApiError?.(error, token);
    throw error;
  };

  return {
    request,
    get: (path) => request('GET', path),
    post: (path, body) => request('POST', path, body),
    put: (path, body) => request('PUT', path, body),
    delete: (path) => request('DELETE', path),
  };
}
