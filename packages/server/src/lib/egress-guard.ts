import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import type { Agent, RequestInit as UndiciRequestInit } from 'undici';
import { lazyRequire } from './lazy.js';
import { isPrivateAddress } from './private-address.js';

/**
 * Resolves a host name to all its addresses (`dns.lookup` with `all: true` by default; tests inject
 * one). `stage` says which lookup this is: the pre-check, or the one whose answer is connected to.
 */
export type Resolver = (hostname: string, stage: 'check' | 'connect') => Promise<LookupAddress[]>;

/** How tenant-configured URLs (IdP discovery, token, userinfo, JWKS, SAML metadata) may be fetched. */
export interface EgressPolicy {
  /** Private, loopback and link-local destinations allowed (`ServerOptions.allowPrivateIdpNetworks`). */
  allowPrivate: boolean;
  /** Name resolution; default the system resolver. */
  resolve?: Resolver;
}

/** A destination refused because it is not on the public internet (docs/security.md O20). */
export class EgressRefusedError extends Error {
  constructor(host: string) {
    super(`${host} resolves to a private or loopback address, which this server does not fetch from.`);
    this.name = 'EgressRefusedError';
  }
}

const systemResolver: Resolver = (hostname) =>
  new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) =>
      error ? reject(error) : resolve(addresses),
    ),
  );

const bare = (host: string) => host.replace(/^\[|\]$/g, '');

/** All addresses of `host` (a literal IP is its own), refused when ANY of them is private. */
async function publicAddresses(host: string, resolve: Resolver, stage: 'check' | 'connect'): Promise<LookupAddress[]> {
  const ip = bare(host);
  const family = isIP(ip);
  // A name with a public and a private address is refused whole: which one a connection uses is
  // the resolver's and the socket's choice, not ours.
  const addresses = family !== 0 ? [{ address: ip, family }] : await resolve(ip, stage);
  if (addresses.length === 0 || addresses.some((a) => isPrivateAddress(a.address))) throw new EgressRefusedError(host);
  return addresses;
}

/**
 * The socket's own `lookup`: the address checked is the address connected to, so a name that
 * resolved to a public address a moment ago (our pre-check, an admin's test) and to 127.0.0.1 now
 * (DNS rebinding) is refused at connect time.
 */
function checkedLookup(resolve: Resolver): LookupFunction {
  return (hostname, options, callback) => {
    publicAddresses(hostname, resolve, 'connect').then(
      (found) => {
        const wanted =
          options.family === 4 || options.family === 6 ? found.filter((a) => a.family === options.family) : found;
        if (wanted.length === 0) return callback(new EgressRefusedError(hostname), '', 0);
        if (options.all === true) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, wanted);
        return callback(null, wanted[0]!.address, wanted[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
}

/** undici, loaded at the first tenant-configured fetch (lib/lazy.ts). */
const loadUndici = lazyRequire<typeof import('undici')>('undici');

/** An undici dispatcher whose every connection goes through {@link checkedLookup} (literal IPs skip lookup: checked here). */
function guardedAgent(resolve: Resolver): Agent {
  const { Agent, buildConnector } = loadUndici();
  const connect = buildConnector({ lookup: checkedLookup(resolve) });
  return new Agent({
    connect: (options, callback) => {
      const ip = bare(options.hostname);
      if (isIP(ip) !== 0 && isPrivateAddress(ip)) return callback(new EgressRefusedError(options.hostname), null);
      return connect(options, callback);
    },
  });
}

let systemAgent: Agent | undefined;
let openAgent: Agent | undefined;
const testAgents = new WeakMap<Resolver, Agent>();

function agentFor(policy: EgressPolicy): Agent {
  if (policy.allowPrivate) return (openAgent ??= new (loadUndici().Agent)());
  if (policy.resolve === undefined) return (systemAgent ??= guardedAgent(systemResolver));
  let agent = testAgents.get(policy.resolve);
  if (agent === undefined) testAgents.set(policy.resolve, (agent = guardedAgent(policy.resolve)));
  return agent;
}

/**
 * Throws {@link EgressRefusedError} when `url`'s host is, or resolves to, a non-public address (no
 * check when `policy.allowPrivate`). A fast, readable refusal; {@link egressFetch} checks again at
 * connect time, so passing this is no licence to connect.
 */
export async function assertPublicDestination(url: string | URL, policy: EgressPolicy): Promise<void> {
  if (!policy.allowPrivate) await publicAddresses(new URL(url).hostname, policy.resolve ?? systemResolver, 'check');
}

/**
 * `fetch` for tenant-configured URLs: refuses before connecting any destination whose resolved
 * address is private, loopback, link-local or reserved (unless `policy.allowPrivate`), and never
 * follows redirects (a 3xx is returned as is: following would let the URL's owner point us anywhere).
 * @throws EgressRefusedError for a refused destination; network errors as `fetch` throws them.
 */
export async function egressFetch(url: string | URL, init: RequestInit, policy: EgressPolicy): Promise<Response> {
  await assertPublicDestination(url, policy);
  let res;
  try {
    res = await loadUndici().fetch(url, {
      ...(init as UndiciRequestInit),
      redirect: 'manual',
      dispatcher: agentFor(policy),
    });
  } catch (error) {
    // undici wraps connector errors: `TypeError('fetch failed', { cause })`.
    const cause = (error as { cause?: unknown }).cause;
    throw cause instanceof EgressRefusedError ? cause : error;
  }
  // A global Response, as oauth4webapi and the callers expect (undici's own class is another one).
  const empty = [204, 205, 304].includes(res.status);
  if (empty) await res.body?.cancel();
  return new Response(empty ? null : (res.body as ReadableStream<Uint8Array> | null), {
    status: res.status,
    statusText: res.statusText,
    headers: res.headers as unknown as Headers,
  });
}
