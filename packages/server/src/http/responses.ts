import type { ErrorEnvelope } from '@orgauth/core/protocol';
import { withMemberRoles } from '../members/index.js';
import { type ApiError, apiError } from '../lib/api-error.js';
import { parseJsonObject, type Body } from '../lib/validate.js';
import { bodyText } from './body-text.js';
import type { AppContext } from './context.js';

const MAX_BODY_BYTES = 64 * 1024;

// biome-ignore lint/suspicious/noExplicitAny: payloads are wire objects of many shapes.
type Payload = Record<string, any>;

/** Records the organization and member a success answer is about, for the event log (http/event-log.ts). */
function recordIds(c: AppContext, payload: Payload): void {
  c.set('outcome', {
    organizationId: payload.organization_id ?? payload.organization?.organization_id,
    memberId: payload.member_id ?? payload.member?.member_id,
  });
}

/** SDK success: the payload plus `request_id`/`status_code`, wrapped in `{"data": …}` (docs/wire-protocol.md §1.4). */
export function sdkOk(c: AppContext, payload: object): Response {
  recordIds(c, payload);
  return c.json({ data: { request_id: c.get('requestId'), status_code: 200, ...payload } }, 200);
}

/**
 * Backend success: the payload plus `request_id`/`status_code`, not wrapped. Members' roles are
 * spelled as the calling project chose (members/roles.ts).
 */
export function apiOk(c: AppContext, payload: object): Response {
  recordIds(c, payload);
  const format = c.get('project')?.member_roles_format ?? 'ids';
  return c.json({ request_id: c.get('requestId'), status_code: 200, ...withMemberRoles(payload, format) }, 200);
}

/** The error envelope for `error`, with this request's id. */
export function errorEnvelope(c: AppContext, error: ApiError): Response {
  c.set('outcome', { errorType: error.errorType });
  const body: ErrorEnvelope = {
    status_code: error.status,
    request_id: c.get('requestId') ?? '',
    error_type: error.errorType,
    error_message: error.message,
    error_url: `https://orgauth.dev/docs/errors#${error.errorType}`,
  };
  return c.json(body, error.status);
}

/**
 * Reads the request body as a JSON object (empty body = `{}`), at most 64 KiB.
 * @throws ApiError 400 `invalid_json` / `bad_request`, 413 `request_too_large`.
 */
export async function readBody(c: AppContext): Promise<Body> {
  const declared = Number(c.req.header('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) throw apiError('request_too_large', 'The request body is too large.');
  const text = await bodyText(c, MAX_BODY_BYTES);
  if (text === undefined) throw apiError('request_too_large', 'The request body is too large.');
  return parseJsonObject(text);
}

/** Decodes `Authorization: Basic …` into its two halves, or `undefined` when absent or malformed. */
export function basicCredentials(header: string | undefined): { user: string; password: string } | undefined {
  if (header === undefined) return undefined;
  const match = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header);
  if (match?.[1] === undefined) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  // A NUL would reach a PostgreSQL lookup (a 500); no real credential contains one.
  if (decoded.includes('\0')) return undefined;
  const colon = decoded.indexOf(':');
  if (colon <= 0) return undefined;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
