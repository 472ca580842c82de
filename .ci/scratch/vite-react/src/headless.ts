// The headless flow of the @orgauth/core README and the repository README: typechecked, not run.
import { createB2BClient, selectMember, type B2BClient } from '@orgauth/core';

export async function signInHeadless(): Promise<B2BClient> {
  const client = createB2BClient({
    publicToken: 'public-token-test-00000000-0000-4000-8000-000000000000',
    baseUrl: 'https://auth.example.com',
    redirectUrls: { discovery: 'https://app.example.com/authenticate' },
  });
  await client.magicLinks.email.discovery.send({ email_address: 'ada@example.com' });
  const result = await client.authenticateByUrl();
  const orgs = result?.handled && result.tokenType === 'discovery' ? result.data.discovered_organizations : [];
  const first = orgs[0];
  if (first)
    await client.discovery.intermediateSessions.exchange({ organization_id: first.organization.organization_id });
  else await client.discovery.organizations.create({ organization_name: 'Acme', organization_slug: 'acme' });
  client.store.subscribe((state) => console.log(selectMember(state)?.email_address));
  return client;
}
