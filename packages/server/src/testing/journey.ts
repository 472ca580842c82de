import { latestMagicLinkToken, type TestServer } from './test-server.js';

/** Sends a discovery magic link to `email` and returns the mailed token. */
export async function mailDiscoveryToken(t: TestServer, email: string, extra: Record<string, unknown> = {}): Promise<string> {
  const sent = await t.sdk('/b2b/magic_links/email/discovery/send', { body: { email_address: email, ...extra } });
  if (sent.status !== 200) throw new Error(`discovery send failed: ${JSON.stringify(sent.body)}`);
  return (await latestMagicLinkToken(t.server, email)).token;
}

/** Proves `email` through a discovery magic link; returns the IST and the discovery response. */
export async function discover(t: TestServer, email: string): Promise<{ ist: string; data: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const token = await mailDiscoveryToken(t, email);
  const res = await t.sdk('/b2b/magic_links/discovery/authenticate', { body: { discovery_magic_links_token: token } });
  if (res.status !== 200) throw new Error(`discovery authenticate failed: ${JSON.stringify(res.body)}`);
  return { ist: res.body.data.intermediate_session_token, data: res.body.data };
}

/** Full discovery sign-up: proves `email` and creates organization `slug`; returns the auth response data. */
export async function signUp(t: TestServer, email: string, slug: string): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const { ist } = await discover(t, email);
  const res = await t.sdk('/b2b/discovery/organizations/create', {
    body: { intermediate_session_token: ist, session_duration_minutes: 60, organization_name: `Org ${slug}`, organization_slug: slug },
  });
  if (res.status !== 200) throw new Error(`organization create failed: ${JSON.stringify(res.body)}`);
  return res.body.data;
}
