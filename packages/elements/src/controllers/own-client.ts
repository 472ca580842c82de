import { createB2BClient, type B2BClient } from '@orgauth/core';

/** The client an element builds for itself from attributes, and the means to let it go. */
export interface OwnClient {
  /** The client for these attributes: reused while they stay the same, rebuilt when they change. */
  get(publicToken: string | undefined, baseUrl: string | undefined): B2BClient | undefined;
  /** Stops and forgets the client, if any; returns whether there was one. */
  drop(): boolean;
}

/**
 * The script-tag convenience behind `<orgauth-login public-token="…" base-url="…">`, used by the
 * `ClientController` of every element: a browser client for that public token, talking to
 * `base-url` (default: this page's origin), whose magic links and SSO sign-ins lead back to this page
 * (origin + path, no query), where the element finishes the sign-in on load. The link target must be
 * on the project's redirect allowlist.
 */
export function createOwnClient(): OwnClient {
  let own: { client: B2BClient; key: string } | undefined;
  const drop = () => {
    if (!own) return false;
    own.client.destroy();
    own = undefined;
    return true;
  };
  return {
    get(rawToken, rawBaseUrl) {
      const publicToken = rawToken?.trim();
      if (!publicToken) {
        drop();
        return undefined;
      }
      const baseUrl = rawBaseUrl?.trim() || location.origin;
      const key = `${publicToken} ${baseUrl}`;
      if (own?.key === key) return own.client;
      drop();
      const here = location.origin + location.pathname;
      const client = createB2BClient({
        publicToken,
        baseUrl,
        redirectUrls: { discovery: here, login: here, signup: here },
      });
      own = { client, key };
      return client;
    },
    drop,
  };
}
