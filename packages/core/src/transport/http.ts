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
  /** Called with every API error before it is thrown (the session manager clears on unrecoverable ones). */
  onApiError?(error: OrgAuthApiError): void;
}

/** HTTP methods the SDK endpoints use. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** Calls SDK endpoints (`<baseUrl>/sdk/v1<path>`) and unwraps `{ data }`. */
export interface HttpTransport {
  /**
   * Sends one request and resolves with the response's `data`.
   * @throws {OrgAuthApiError} when the server answers with the error envelope.
   * @throws {OrgAuthError} `network_error` when the server cannot be reached or answers something else.
   */
  request<T>(method: HttpMethod, path: string, body?: object): Promise<T>;
  /** `request('GET', path)`. */
  get<T>(path: string): Promise<T>;
  /** `request('POST', path, body)`; no body is sent when `body` is undefined. */
  post<T>(path: string, body?: object): Promise<T>;
}

/** Creates the transport; headers follow WIRE.md §1.2 exactly. */
export function createHttpTransport(options: HttpTransportOptions): HttpTransport {
  const { platform, publicToken } = options;
  const root = options.baseUrl.replace(/\/+$/, '');

  const headers = (): Record<string, string> => {
    let origin = '';
    try {
      origin = new URL(platform.location.href()).origin;
    } catch {
      /* no parent host header value beats a thrown request */
    }
    return {
      Authorization: `Basic ${btoa(`${publicToken}:${options.getSessionToken() || publicToken}`)}`,
      'Content-Type': 'application/json',
      'X-SDK-Client': telemetryHeader(platform, options.getTelemetryIds?.() ?? {}),
      'X-SDK-Parent-Host': origin,
    };
  };

  const invalid = (detail: string | number) => new OrgAuthError('network_error', `Invalid response from the authentication server (${detail}).`);

  const request = async <T>(method: HttpMethod, path: string, body?: object): Promise<T> => {
    const init: RequestInit = { method, headers: headers(), credentials: 'include' };
    if (body !== undefined) init.body = JSON.stringify(body);
    let response: Response;
    try {
      response = await platform.fetch(`${root}${SDK_PREFIX}${path}`, init);
    } catch (cause) {
      throw new OrgAuthError('network_error', 'Unable to contact the authentication server.', { cause });
    }
    const text = await response.text().catch(() => '');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw invalid(response.status);
    }
    if (response.ok) {
      if (typeof json === 'object' && json !== null && 'data' in json) return (json as { data: T }).data;
      throw invalid('no data');
    }
    if (!isErrorEnvelope(json)) throw invalid(response.status);
    const error = new OrgAuthApiError(json.error_type, json.status_code, json.request_id, json.error_message);
    options.onApiError?.(error);
    throw error;
  };

  return {
    request,
    get: (path) => request('GET', path),
    post: (path, body) => request('POST', path, body),
  };
}
