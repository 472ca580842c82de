import { describe, expect, it, vi } from 'vitest';
import { isOrgAuthApiError, isOrgAuthError } from '../errors.js';
import { memoryPlatform } from '../platform/memory.js';
import { createHttpTransport, type HttpTransportOptions } from './http.js';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function setup(reply: () => Response | Promise<Response>, extra: Partial<HttpTransportOptions> = {}) {
  const fetch = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => reply());
  const platform = memoryPlatform({ href: 'https://app.test/login?x=1', fetch });
  let token: string | undefined;
  const http = createHttpTransport({
    baseUrl: 'https://auth.test/',
    publicToken: 'public-token-test-1',
    platform,
    getSessionToken: () => token,
    ...extra,
  });
  return { http, fetch, setToken: (t: string | undefined) => (token = t) };
}

describe('createHttpTransport', () => {
  it('sends docs/wire-protocol.md §1.2 headers and reads the session token at call time', async () => {
    const { http, fetch, setToken } = setup(() => json(200, { data: { ok: 1 } }));
    await http.post('/b2b/sessions/revoke');
    setToken('sess-tok');
    await http.post('/b2b/discovery/organizations', { a: 1 });
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('https://auth.test/sdk/v1/b2b/sessions/revoke');
    // No Referer: the page URL may still carry a one-time token.
    expect(init).toMatchObject({ method: 'POST', credentials: 'include', referrerPolicy: 'no-referrer' });
    expect(init!.body).toBeUndefined();
    const headers = init!.headers as Record<string, string>;
    expect(headers.Authorization).toBe(`Basic ${btoa('public-token-test-1:public-token-test-1')}`);
    expect(headers['Content-Type']).toBe('application/json');
    expect(headers['X-SDK-Parent-Host']).toBe('https://app.test');
    const telemetry = JSON.parse(atob(headers['X-SDK-Client']!));
    expect(telemetry.event_id).toMatch(/^event-id-[0-9a-f-]{36}$/);
    expect(telemetry.app).toEqual({ identifier: 'app.test' });
    const second = fetch.mock.calls[1]![1]!;
    expect((second.headers as Record<string, string>).Authorization).toBe(
      `Basic ${btoa('public-token-test-1:sess-tok')}`,
    );
    expect(second.body).toBe('{"a":1}');
  });

  it('sends PUT with its JSON body and DELETE without one', async () => {
    const { http, fetch } = setup(() => json(200, { data: {} }));
    await http.put('/b2b/organizations/me', { organization_name: 'Acme' });
    await http.delete('/b2b/organizations/me');
    expect(fetch.mock.calls.map(([url, init]) => [url, init!.method, init!.body])).toEqual([
      ['https://auth.test/sdk/v1/b2b/organizations/me', 'PUT', '{"organization_name":"Acme"}'],
      ['https://auth.test/sdk/v1/b2b/organizations/me', 'DELETE', undefined],
    ]);
  });

  it('unwraps data', async () => {
    const { http } = setup(() => json(200, { data: { request_id: 'r', status_code: 200 } }));
    await expect(http.get('/projects/bootstrap/x')).resolves.toEqual({ request_id: 'r', status_code: 200 });
  });

  it('turns the error envelope into OrgAuthApiError and reports it', async () => {
    const onApiError = vi.fn();
    const envelope = {
      status_code: 401,
      request_id: 'req-1',
      error_type: 'session_not_found',
      error_message: 'gone',
      error_url: 'u',
    };
    const { http } = setup(() => json(401, envelope), { onApiError });
    const error = await http.post('/b2b/sessions/authenticate', {}).catch((e: unknown) => e);
    expect(isOrgAuthApiError(error, 'session_not_found')).toBe(true);
    expect(error).toMatchObject({ statusCode: 401, requestId: 'req-1', message: 'gone' });
    expect(onApiError).toHaveBeenCalledWith(error, undefined);
  });

  it('reports an error with the session token its request carried, not the one the cookie holds by then', async () => {
    const onApiError = vi.fn();
    const envelope = {
      status_code: 404,
      request_id: 'req-2',
      error_type: 'session_not_found',
      error_message: 'gone',
      error_url: 'u',
    };
    let answer!: (response: Response) => void;
    const { http, setToken } = setup(() => new Promise<Response>((resolve) => (answer = resolve)), { onApiError });
    setToken('token-sent');
    const call = http.post('/b2b/sessions/authenticate', {}).catch((e: unknown) => e);
    setToken('token-of-another-tab');
    answer(json(404, envelope));
    expect(onApiError).toHaveBeenCalledWith(await call, 'token-sent');
  });

  it.each([
    ['fetch rejects', () => Promise.reject(new TypeError('Failed to fetch'))],
    ['HTML error page', () => new Response('<h1>Bad gateway</h1>', { status: 502 })],
    ['JSON error that is not the envelope', () => json(500, { message: 'boom' })],
    ['success without data', () => json(200, { ok: true })],
    ['success that is not JSON', () => new Response('ok', { status: 200 })],
  ])('maps %s to network_error', async (_name, reply) => {
    const { http } = setup(reply as () => Promise<Response>);
    const error = await http.post('/b2b/x', {}).catch((e: unknown) => e);
    expect(isOrgAuthError(error, 'network_error')).toBe(true);
  });
});
