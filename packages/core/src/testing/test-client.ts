import { createB2BClient } from '../client.js';
import type { B2BClient, B2BClientOptions } from '../client-types.js';
import { memoryPlatform, type MemoryPlatform } from '../platform/memory.js';
import { DEFAULT_COOKIE_NAMES } from '../protocol/constants.js';
import type { AuthState } from '../state/auth-state.js';
import { fixtureBootstrapResponse } from './fixtures.js';
import { createScriptedTransport, type ScriptedReply, type ScriptedTransport } from './scripted-transport.js';

/** Options of {@link createTestClient}. */
export interface TestClientOptions {
  /** Seeds the store (e.g. a signed-in or intermediate state) with matching token cookies. */
  state?: AuthState;
  /** Scripted replies by `'METHOD /path'` (path after `/sdk/v1`); the bootstrap answers {@link fixtureBootstrapResponse} unless scripted. */
  replies?: Record<string, ScriptedReply>;
  /** The page URL. Default `http://localhost:3000/`. */
  href?: string;
  /** Extra client options (redirect URLs, session length…). */
  options?: Partial<Omit<B2BClientOptions, 'platform'>>;
}

/** What {@link createTestClient} returns. */
export interface TestClient {
  client: B2BClient;
  transport: ScriptedTransport;
  platform: MemoryPlatform;
}

/**
 * A real client over a memory platform whose network is a scripted transport: everything above the
 * HTTP boundary (headers, envelopes, cookies, store) runs for real.
 * @example
 * const { client, transport } = createTestClient();
 * transport.reply('POST /b2b/magic_links/discovery/authenticate', fixtureDiscoveryResponse());
 * await client.authenticateByUrl({ href: 'http://localhost:3000/?stytch_token_type=discovery&token=t' });
 */
export function createTestClient(opts: TestClientOptions = {}): TestClient {
  const publicToken = opts.options?.publicToken ?? 'public-token-test-00000000-0000-4000-8000-000000000000';
  // The project's settings as an OrgAuth server answers them (OAuth starts read them); replies may override.
  const transport = createScriptedTransport({
    [`GET /projects/bootstrap/${publicToken}`]: fixtureBootstrapResponse(),
    ...opts.replies,
  });
  const platform = memoryPlatform({ href: opts.href ?? 'http://localhost:3000/', fetch: transport.fetch });
  const client = createB2BClient({
    publicToken,
    baseUrl: 'http://localhost:3000',
    ...opts.options,
    platform,
  });
  const state = opts.state;
  if (state) {
    const names = DEFAULT_COOKIE_NAMES;
    const expires = new Date(Date.parse('2099-01-01T00:00:00.000Z'));
    if (state.status === 'signed-in') {
      platform.cookies.set(
        opts.options?.cookieOptions?.opaqueTokenCookieName ?? names.session,
        'session-token-test-seeded',
        { expires },
      );
      platform.cookies.set(opts.options?.cookieOptions?.jwtCookieName ?? names.sessionJwt, 'session-jwt-test-seeded', {
        expires,
      });
    } else if (state.status === 'intermediate') {
      platform.cookies.set(
        opts.options?.cookieOptions?.istCookieName ?? names.intermediateSession,
        'intermediate-session-token-test-seeded',
        { expires },
      );
    }
    client.store.setState(state, true);
  }
  return { client, transport, platform };
}
