import type { LoginConfig, LoginProduct } from '@orgauth/core';
import { useAuthStatus, useMember, useOrgAuth, useOrganization } from '@orgauth/react';
import { OrganizationMembers, OrganizationSettings, OrganizationSwitcher } from '@orgauth/react/account';
import { Login, type OrgAuthAppearance, themes } from '@orgauth/react/components';
import { useState } from 'react';

const PRODUCTS: readonly LoginProduct[] = ['emailMagicLinks', 'emailOtp', 'sso', 'oauth', 'passwords'];

/** The demo's ways in: provider buttons above the email link, and SSO. */
const DEMO_CONFIG: LoginConfig = {
  products: ['oauth', 'emailMagicLinks', 'sso'],
  oauthOptions: { providers: ['google', 'microsoft', 'github'] },
};

/**
 * The demo page: a neutral placeholder while the status is not known yet (on the server, in the
 * hydration render, while a session cookie is revalidated), a login card when signed out or midway
 * through discovery, the member's details when signed in. Showing the login for `initializing` would
 * flash it at every signed-in page load.
 */
export function App() {
  const status = useAuthStatus();
  // The mailbox is the OrgAuth server's page, which may be on another origin than this one.
  const { baseUrl } = useOrgAuth();
  return (
    <>
      <header className="demo-header">
        <strong>OrgAuth</strong>
        <nav>
          <a href="/" aria-current="page">
            React demo
          </a>{' '}
          · <a href="/script-tag.html">Script-tag demo</a> ·{' '}
          <a href={`${baseUrl}/dev/mailbox`} target="_blank" rel="noreferrer">
            Dev mailbox
          </a>
        </nav>
      </header>
      <main className="demo-main">
        {status === 'initializing' ? <Loading /> : status === 'signed-in' ? <SignedIn /> : <LoginCard />}
      </main>
    </>
  );
}

/**
 * `?theme=neutral` (or `dark`, `default`): every OrgAuth component gets that prebuilt theme through its
 * `appearance` prop; without it they follow the system's colour scheme (`theme="auto"`). Read in the
 * browser only: the cards that use it render after the status is known.
 */
function appearanceFromUrl(): OrgAuthAppearance | undefined {
  const name = new URLSearchParams(window.location.search).get('theme');
  return name && Object.hasOwn(themes, name) ? { theme: themes[name as keyof typeof themes] } : undefined;
}

function Loading() {
  return (
    <section className="demo-card" role="status" aria-busy="true" data-testid="auth-loading">
      Loading…
    </section>
  );
}

function LoginCard() {
  const client = useOrgAuth();
  // `?org=<slug>` shows that organization's login page (its SSO buttons); otherwise discovery.
  // `?products=emailOtp,emailMagicLinks,sso,oauth,passwords` picks the ways in and their order (default:
  // Google, Microsoft and GitHub, then the email link and SSO). The server's `--dev` serves stand-ins
  // for providers without credentials, so the buttons work offline.
  // Read here, not at import: this card renders only in the browser, after the status is known.
  const params = new URLSearchParams(window.location.search);
  const organizationSlug = params.get('org') ?? undefined;
  const products = params
    .get('products')
    ?.split(/[\s,]+/)
    .filter((p): p is LoginProduct => (PRODUCTS as readonly string[]).includes(p));
  // A password reset mail's link leads back to this page (its reset screen), on the app's own origin;
  // without it the server would use the project's default reset_password redirect URL.
  const here = window.location.origin + window.location.pathname;
  const config: LoginConfig = {
    ...DEMO_CONFIG,
    passwordOptions: { resetPasswordRedirectURL: here },
    ...(products?.length ? { products } : {}),
  };
  const appearance = appearanceFromUrl();
  return organizationSlug ? (
    <Login client={client} theme="auto" appearance={appearance} organizationSlug={organizationSlug} config={config} />
  ) : (
    <Login client={client} theme="auto" appearance={appearance} config={config} />
  );
}

function SignedIn() {
  const client = useOrgAuth();
  const member = useMember();
  const organization = useOrganization();
  const [busy, setBusy] = useState(false);
  const appearance = appearanceFromUrl();
  const signOut = async () => {
    setBusy(true);
    try {
      await client.session.revoke({ forceClear: true });
    } catch {
      // With `forceClear` this browser is signed out even when the server could not be reached; the
      // session then ends at its expiry. Nothing more to tell the person here.
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <section className="demo-card" aria-labelledby="signed-in-heading">
        <h1 id="signed-in-heading">You're signed in</h1>
        {/* Switching organizations updates the client's store, so the details below follow. Creating one
            goes through the login's discovery (an intermediate session), so the menu does not offer it. */}
        <OrganizationSwitcher
          theme="auto"
          appearance={appearance}
          disableCreateOrganization
          data-testid="organization-switcher"
        />
        <dl>
          <dt>Member</dt>
          <dd data-testid="member-email">{member?.email_address}</dd>
          <dt>Organization</dt>
          <dd data-testid="organization-name">{organization?.organization_name}</dd>
        </dl>
        <button type="button" onClick={signOut} disabled={busy}>
          {busy ? 'Signing out…' : 'Sign out'}
        </button>
      </section>
      {/* What the member's roles allow: admins invite, change roles and remove people and edit the
          settings; members see both, read-only. The server checks each call again. */}
      <div className="demo-wide">
        <OrganizationMembers theme="auto" appearance={appearance} />
        <OrganizationSettings theme="auto" appearance={appearance} />
      </div>
    </>
  );
}
