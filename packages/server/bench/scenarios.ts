import { randomBytes } from 'node:crypto';
import type { Target } from './load.js';
import type { Seeded } from './seed.js';

/** The page origin the SDK scenario claims, allowlisted for the seeded project (bench/seed.ts). */
export const SDK_ORIGIN = 'http://app.bench.example:3000';

/** A named load target. */
export interface Scenario {
  name: string;
  target: Target;
}

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/** Hands out list items in turn, forever. */
function cycle<T>(list: readonly T[]): () => T {
  let i = 0;
  return () => list[i++ % list.length] as T;
}

/** Hands out list items once each; callers send exactly `list.length` requests (`Target.amount`). */
function once<T>(list: T[]): () => T {
  let i = 0;
  // Past the end (never, given `amount`), the last input again: a refused replay, not a crash.
  return () => list[Math.min(i++, list.length - 1)] as T;
}

/** Session JWTs of the first `count` seeded sessions, minted by the server itself (SDK authenticate). */
export async function mintJwts(origin: string, seeded: Seeded, count: number): Promise<string[]> {
  const jwts: string[] = [];
  for (const token of seeded.sessionTokens.slice(0, count)) {
    const res = await fetch(`${origin}/sdk/v1/b2b/sessions/authenticate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: basic(seeded.project.public_token, token) },
      body: '{}',
    });
    const body = (await res.json()) as { data?: { session_jwt?: string } };
    if (body.data?.session_jwt) jwts.push(body.data.session_jwt);
  }
  return jwts;
}

/**
 * The measured scenarios of one round. Session checks cycle over every seeded session; magic-link and
 * one-time-code authentications consume `oneShot` unused inputs each (taken off the seeded pools, so
 * later rounds get fresh ones); organization create makes a new organization per request.
 */
export function roundScenarios(seeded: Seeded, jwts: string[], oneShot: number): Scenario[] {
  const secret = { authorization: basic(seeded.project.project_id, seeded.project.secret) };
  const json = (body: unknown) => JSON.stringify(body);
  const sessionToken = cycle(seeded.sessionTokens);
  const jwt = cycle(jwts);
  const magic = once(seeded.magicTokens.splice(0, oneShot));
  const otp = once(seeded.otps.splice(0, oneShot));
  const run = randomBytes(4).toString('hex');
  let org = 0;
  // What the browser SDK sends (packages/core/src/transport/http.ts), from an allowlisted page origin.
  const sdkHeaders = (token: string) => ({
    authorization: basic(seeded.project.public_token, token),
    origin: SDK_ORIGIN,
    'x-sdk-parent-host': SDK_ORIGIN,
  });
  return [
    {
      name: 'SDK sessions/authenticate',
      target: {
        path: '/sdk/v1/b2b/sessions/authenticate',
        next: () => ({ headers: sdkHeaders(sessionToken()), body: '{}' }),
      },
    },
    {
      name: 'sessions/authenticate (token)',
      target: {
        path: '/v1/b2b/sessions/authenticate',
        next: () => ({ headers: secret, body: json({ session_token: sessionToken() }) }),
      },
    },
    {
      name: 'sessions/authenticate (JWT)',
      target: {
        path: '/v1/b2b/sessions/authenticate',
        next: () => ({ headers: secret, body: json({ session_jwt: jwt() }) }),
      },
    },
    {
      name: 'magic_links/authenticate',
      target: {
        path: '/v1/b2b/magic_links/authenticate',
        amount: oneShot,
        next: () => ({ headers: secret, body: json({ magic_links_token: magic(), session_duration_minutes: 60 }) }),
      },
    },
    {
      name: 'otps/email/authenticate',
      target: {
        path: '/v1/b2b/otps/email/authenticate',
        amount: oneShot,
        next: () => {
          const { organizationId, email, code } = otp();
          return {
            headers: secret,
            body: json({ organization_id: organizationId, email_address: email, code, session_duration_minutes: 60 }),
          };
        },
      },
    },
    {
      name: 'organizations (create)',
      target: {
        path: '/v1/b2b/organizations',
        next: () => {
          const n = org++;
          return {
            headers: secret,
            body: json({ organization_name: `Load ${n}`, organization_slug: `load-${run}-${n}` }),
          };
        },
      },
    },
  ];
}
