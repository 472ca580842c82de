// A customer's React app using every OrgAuth package the way the package READMEs show.
import { createB2BClient, selectMember, type B2BClient } from '@orgauth/core';
import { OrgAuthLogin, type OrgAuthSessionCreatedEvent } from '@orgauth/elements';
import '@orgauth/elements/define';
import { OrgAuthProvider, useAuthStatus, useMember, useOrgAuth, useOrganization } from '@orgauth/react';
import { Login } from '@orgauth/react/components';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

const client: B2BClient = createB2BClient({
  publicToken: 'public-token-test-00000000-0000-4000-8000-000000000000',
  baseUrl: 'https://auth.example.com',
  redirectUrls: { discovery: `${location.origin}/` },
});
client.store.subscribe((state) => console.log('member', selectMember(state)?.email_address));

function App() {
  const status = useAuthStatus();
  const member = useMember();
  const organization = useOrganization();
  const orgauth = useOrgAuth();
  if (status === 'initializing') return null;
  if (!member) {
    return (
      <Login
        theme="auto"
        onSessionCreated={(e) => console.log('signed in to', e.detail.organization.organization_slug)}
      />
    );
  }
  return (
    <p>
      {member.email_address} @ {organization?.organization_name}{' '}
      <button type="button" onClick={() => void orgauth.session.revoke()}>
        Sign out
      </button>
    </p>
  );
}

// The element itself, as a page without React would use it: `define` typed the tag.
const element: OrgAuthLogin = document.createElement('orgauth-login');
element.client = client;
element.addEventListener('orgauth-session-created', (e: OrgAuthSessionCreatedEvent) =>
  console.log(e.detail.member.email_address),
);
console.log(element instanceof OrgAuthLogin);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <OrgAuthProvider client={client}>
        <App />
      </OrgAuthProvider>
    </StrictMode>,
  );
}
