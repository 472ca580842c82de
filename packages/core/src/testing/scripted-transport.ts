import { isErrorEnvelope, type ApiErrorType, type ErrorEnvelope } from '../protocol/errors.js';
import { SDK_PREFIX } from '../protocol/constants.js';

/** A request the scripted transport received. `path` is the part after `/sdk/v1`. */
export interface RecordedRequest {
  method: string;
  path: string;
  /** The parsed JSON body, or undefined when none was sent. */
  body: unknown;
  headers: Record<string, string>;
}

/** An explicit status and raw body (error bodies are sent as-is, never wrapped in `data`). */
export interface ScriptedStatusReply {
  status: number;
  body: unknown;
}

/** What a reply may be: a success body (`data`, unwrapped), an error envelope, or `{ status, body }`. */
export type ScriptedReplyValue = object | ScriptedStatusReply;

/** A reply, or a function of the request giving one (possibly later, e.g. a never-settling promise). */
export type ScriptedReply =
  | ScriptedReplyValue
  | ((request: RecordedRequest) => ScriptedReplyValue | Promise<ScriptedReplyValue>);

/** A fake SDK server at the HTTP boundary: scripted replies by `'METHOD /path'`, recorded requests. */
export interface ScriptedTransport {
  /**
   * Scripts the answer to `key` (e.g. `'POST /b2b/magic_links/discovery/authenticate'`) for every
   * following matching request. With `status`, the body is sent as-is with that status.
   */
  reply(key: string, body: ScriptedReply, status?: number): ScriptedTransport;
  /** Every request received, oldest first. */
  readonly requests: RecordedRequest[];
  /** The `fetch` to give the platform. */
  readonly fetch: typeof fetch;
}

/** Builds an error envelope as the server sends it. */
export function fixtureErrorEnvelope(
  error_type: ApiErrorType,
  status_code = 400,
  error_message = `Scripted ${error_type}.`,
): ErrorEnvelope {
  return {
    status_code,
    request_id: 'request-id-test-scripted',
    error_type,
    error_message,
    error_url: `https://orgauth.dev/errors/${error_type}`,
  };
}

const isStatusReply = (value: object): value is ScriptedStatusReply => {
  const keys = Object.keys(value);
  return keys.length === 2 && typeof (value as { status?: unknown }).status === 'number' && keys.includes('body');
};

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** Creates a scripted transport. Unscripted requests get a 404 `not_found` envelope naming the key. */
export function createScriptedTransport(replies: Record<string, ScriptedReply> = {}): ScriptedTransport {
  const scripted = new Map<string, { reply: ScriptedReply; status?: number }>(
    Object.entries(replies).map(([k, reply]) => [k, { reply }]),
  );
  const requests: RecordedRequest[] = [];

  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    const { pathname } = new URL(request.url);
    const path = pathname.startsWith(SDK_PREFIX) ? pathname.slice(SDK_PREFIX.length) : pathname;
    const text = await request.text();
    const recorded: RecordedRequest = {
      method: request.method,
      path,
      body: text ? (JSON.parse(text) as unknown) : undefined,
      headers: Object.fromEntries(request.headers),
    };
    requests.push(recorded);
    const key = `${request.method} ${path}`;
    const entry = scripted.get(key);
    if (!entry) return json(404, fixtureErrorEnvelope('not_found', 404, `No scripted reply for ${key}.`));
    const value = typeof entry.reply === 'function' ? await entry.reply(recorded) : entry.reply;
    if (entry.status !== undefined) return json(entry.status, entry.status < 300 ? { data: value } : value);
    if (isStatusReply(value)) return json(value.status, value.body);
    if (isErrorEnvelope(value)) return json(value.status_code, value);
    return json(200, { data: value });
  };

  const transport: ScriptedTransport = {
    reply(key, body, status) {
      scripted.set(key, status === undefined ? { reply: body } : { reply: body, status });
      return transport;
    },
    requests,
    fetch,
  };
  return transport;
}
